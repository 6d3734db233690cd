package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.project.DSSProjectFolder;
import org.dsscontractkit.contract.OpenApiDocument;

/**
 * A DSS (the reference server, a real one) fuzzed through the DSS public API document, with real resources created
 * for the run through the Java client as an admin: three projects with an uploaded dataset of rows (one worked on,
 * one deleted by the deleting requests, one anchor that no request with valid credentials may change), project
 * folders, users, groups, connections, meanings, API keys, a job, a future and a SQL query. Every name carries a
 * random tag ({@code FUZZ_<tag>_...}, {@code fuzz_<tag>_...}) so that they are told apart and removed at the end.
 *
 * <p>After the run, {@link #checkIntact()} reads the anchor project again and compares it with what was stored:
 * summary, metadata, dataset settings, schema, rows and uploaded files.</p>
 */
public final class DssFuzzTarget implements FuzzTarget {

    /** The dataset every fuzz project holds, and its rows. */
    static final String DATASET = "fuzz_rows";
    static final String FILE = "rows.csv";
    static final String ROWS = "id,name,price\n1,alpha,9.5\n2,beta,3.25\n3,\"gamma, \"\"quoted\"\"\",12\n";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final URI url;
    private final OpenApiDocument document;
    private final String adminKey;
    private final DSSClient admin;
    private final String tag;
    private final Map<FixtureRole, Map<String, List<String>>> values = new EnumMap<>(FixtureRole.class);
    private final Map<String, List<String>> personalKeyIds = new LinkedHashMap<>();
    private final Map<String, JsonNode> currentDefinitions = new LinkedHashMap<>();
    private final List<String> unavailable = new ArrayList<>();
    private String owner = "admin";
    private String sqlConnection;
    private final List<Runnable> cleanup = new ArrayList<>();
    private AnchorSnapshot anchor;

    private DssFuzzTarget(URI url, String adminKey, OpenApiDocument document, String tag) {
        this.url = url;
        this.adminKey = adminKey;
        this.document = document;
        this.tag = tag;
        this.admin = new DSSClient(url.toString(), adminKey);
        for (FixtureRole role : FixtureRole.values()) {
            values.put(role, new LinkedHashMap<>());
        }
    }

    /**
     * Creates the run's resources on the DSS at {@code url} with an admin key.
     *
     * @throws IllegalStateException when a resource the fuzz cannot do without (the projects) cannot be created
     */
    public static DssFuzzTarget setUp(URI url, String adminKey, OpenApiDocument document) {
        String tag = Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime()).toUpperCase(Locale.ROOT);
        DssFuzzTarget target = new DssFuzzTarget(url, adminKey, document, tag.substring(tag.length() - 6));
        try {
            target.createFixtures();
        } catch (RuntimeException e) {
            target.close();
            throw new IllegalStateException("Cannot set up the fuzz's resources on " + url + " (an admin key is needed): "
                    + e.getMessage(), e);
        }
        return target;
    }

    public String projectKey(FixtureRole role) {
        return "FUZZ_" + tag + "_" + role;
    }

    private String name(String what, FixtureRole role) {
        return "fuzz_" + tag.toLowerCase(Locale.ROOT) + "_" + what + "_" + role.name().toLowerCase(Locale.ROOT);
    }

    private void put(FixtureRole role, String parameter, String... value) {
        values.get(role).computeIfAbsent(parameter, k -> new ArrayList<>()).addAll(List.of(value));
    }

    private void createFixtures() {
        owner = admin.getAuthInfo(false).path("authIdentifier").asText("admin");
        for (FixtureRole role : FixtureRole.values()) {
            String key = projectKey(role);
            DSSProject project = admin.createProject(key, "Fuzz " + role.name().toLowerCase(Locale.ROOT), owner);
            cleanup.add(() -> project.delete());
            DSSDataset dataset = project.createDataset(DATASET, "UploadedFiles", null, "csv",
                    Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
            dataset.uploadedAddFile(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)), FILE);
            dataset.setSchema(JSON.valueToTree(Map.of("columns", List.of(
                    Map.of("name", "id", "type", "bigint"), Map.of("name", "name", "type", "string"),
                    Map.of("name", "price", "type", "double")))));
            put(role, "projectKey", key);
            put(role, "contextualProjectKey", key);
            put(role, "datasetName", DATASET);
            put(role, "fileName", FILE);
        }
        ObjectNode metadata = (ObjectNode) admin.getProject(projectKey(FixtureRole.ANCHOR)).getMetadata();
        metadata.put("label", "Fuzz anchor " + tag);
        metadata.put("shortDesc", "Must be intact after the fuzz");
        metadata.putArray("tags").add("fuzz").add("anchor");
        admin.getProject(projectKey(FixtureRole.ANCHOR)).setMetadata(metadata);
        for (FixtureRole role : FixtureRole.values()) {
            put(role, "partitionId", "NP");
            put(role, "partition", "NP");
            put(role, "partitions", "NP");
            put(role, "customType", "fuzz");
        }

        optional("project folders", () -> {
            DSSProjectFolder root = admin.getRootProjectFolder();
            DSSProjectFolder work = root.createSubFolder(name("folder", FixtureRole.WORK));
            DSSProjectFolder doomed = root.createSubFolder(name("folder", FixtureRole.DOOMED));
            cleanup.add(() -> admin.getProjectFolder(doomed.getId()).delete());
            cleanup.add(() -> admin.getProjectFolder(work.getId()).delete());
            put(FixtureRole.WORK, "folderId", work.getId());
            put(FixtureRole.DOOMED, "folderId", doomed.getId());
            put(FixtureRole.WORK, "folderId", root.getId());
            put(FixtureRole.ANCHOR, "folderId", root.getId());
            put(FixtureRole.WORK, "destination", root.getId(), work.getId(), doomed.getId());
            put(FixtureRole.WORK, "projectFolderId", work.getId());
            put(FixtureRole.WORK, "name", name("sub", FixtureRole.WORK));
            return null;
        });
        for (FixtureRole role : FixtureRole.values()) {
            optional("user " + role, () -> {
                String login = name("user", role);
                admin.createUser(login, "pw-" + login + "-" + tag, "Fuzz user");
                cleanup.add(() -> admin.getUser(login).delete());
                put(role, "login", login);
                return null;
            });
            optional("group " + role, () -> {
                String group = name("group", role);
                admin.createGroup(group, "Fuzz group", null);
                cleanup.add(() -> admin.getGroup(group).delete());
                put(role, "groupName", group);
                return null;
            });
            optional("connection " + role, () -> {
                String connection = name("connection", role);
                admin.createConnection(connection, "Filesystem", Map.of("root", "/tmp/" + connection), "ALL", null, "Fuzz");
                cleanup.add(() -> admin.getConnection(connection).delete());
                put(role, "connectionName", connection);
                return null;
            });
            optional("meaning " + role, () -> {
                String meaning = name("meaning", role);
                admin.createMeaning(meaning, "Fuzz meaning", "VALUES_LIST", null,
                        JSON.valueToTree(List.of(Map.of("value", "a"))), null, null, null, false);
                cleanup.add(() -> admin.getMeaning(meaning).delete());
                put(role, "meaningId", meaning);
                return null;
            });
            optional("global API key " + role, () -> {
                var key = admin.createGlobalApiKey(name("key", role), "Fuzz key", false);
                cleanup.add(() -> admin.getGlobalApiKeyById(key.getId()).delete());
                put(role, "keyId", key.getId());
                if (key.getKey() != null) {
                    put(role, "secret", key.getKey());
                }
                return null;
            });
            optional("personal API key " + role, () -> {
                String login = values.get(role).getOrDefault("login", List.of()).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("no user"));
                var key = admin.createPersonalApiKeyForUser(login, name("pkey", role), "Fuzz key");
                cleanup.add(() -> admin.getPersonalApiKey(key.getId()).delete());
                personalKeyIds.computeIfAbsent(role.name(), k -> new ArrayList<>()).add(key.getId());
                return null;
            });
        }
        optional("job", () -> {
            var job = admin.getProject(projectKey(FixtureRole.WORK)).getDataset(DATASET).build(null, null, false, true, null);
            put(FixtureRole.WORK, "jobId", job.getId());
            return null;
        });
        optional("future", () -> {
            String key = "FUZZ_" + tag + "_FUTURE";
            DSSProject project = admin.createProject(key, "Fuzz future", owner);
            var future = project.delete(false, false, true, false);
            put(FixtureRole.WORK, "futureId", future.getId());
            return null;
        });
        optional("SQL query (connection demo_sql)", () -> {
            var query = admin.sqlQuery("SELECT 1 AS one", "demo_sql");
            put(FixtureRole.WORK, "queryId", query.getQueryId());
            sqlConnection = "demo_sql";
            return null;
        });
        optional("log", () -> {
            JsonNode logs = admin.listLogsRaw();
            JsonNode first = logs.isArray() ? logs.path(0) : logs.path("logs").path(0);
            String log = first.isTextual() ? first.asText() : first.path("name").asText(null);
            put(FixtureRole.WORK, "logName", Objects.requireNonNull(log, "no log listed"));
            return null;
        });
        readCurrentDefinitions();
        anchor = AnchorSnapshot.read(admin, projectKey(FixtureRole.ANCHOR));
    }

    /**
     * A well-formed PUT is what a client does: read the resource, change it, write it back. The document's example
     * names other resources (another group, a MySQL connection), so the base of each PUT body is the work resource
     * as the server returns it from the same path.
     */
    private void readCurrentDefinitions() {
        for (FuzzOperation operation : FuzzOperation.allOf(document)) {
            if (!"PUT".equals(operation.method()) || operation.jsonBody().isEmpty()) {
                continue;
            }
            String path = operation.path();
            boolean resolved = true;
            for (var parameter : operation.parameters("path")) {
                List<String> candidates = candidates(operation, FixtureRole.WORK, parameter.getName());
                if (candidates.isEmpty()) {
                    resolved = false;
                    break;
                }
                path = path.replace("{" + parameter.getName() + "}",
                        org.dsscontractkit.client.generated.dss.invoker.ApiClient.urlEncode(candidates.get(0)));
            }
            if (resolved) {
                try {
                    JsonNode current = readJson(path);
                    if (current != null && current.isObject()) {
                        currentDefinitions.put(operation.operationId(), current);
                    }
                } catch (RuntimeException notReadable) {
                    // the document's example it is, then
                }
            }
        }
    }

    private void optional(String what, Supplier<Void> create) {
        try {
            create.get();
        } catch (RuntimeException e) {
            unavailable.add(what + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public OpenApiDocument document() {
        return document;
    }

    @Override
    public Map<String, String> parameterValues(FuzzOperation operation, FixtureRole role, SplittableRandom random) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (var parameter : operation.parameters()) {
            String name = parameter.getName();
            List<String> candidates = candidates(operation, role, name);
            if (!candidates.isEmpty()) {
                chosen.put(name, candidates.get(random.nextInt(candidates.size())));
            }
        }
        return chosen;
    }

    private List<String> candidates(FuzzOperation operation, FixtureRole role, String name) {
        if ("keyId".equals(name) && operation.path().startsWith("/personal-api-keys/")) {
            List<String> own = personalKeyIds.get(role.name());
            return own != null ? own : personalKeyIds.getOrDefault(FixtureRole.WORK.name(), List.of());
        }
        List<String> own = values.get(role).get(name);
        if (own != null) {
            return own;
        }
        // the anchor and the doomed resources that were not created are the work ones: never the other way round
        return role == FixtureRole.WORK ? List.of() : values.get(FixtureRole.WORK).getOrDefault(name, List.of());
    }

    @Override
    public String validKey(Map<String, String> values) {
        return adminKey;
    }

    /**
     * Keeps well-formed bodies pointing at the run's resources: a property named like a path parameter takes its
     * value; a project referred to is the work project; what a creation names gets the run's tag.
     */
    @Override
    public JsonNode adaptBody(FuzzOperation operation, JsonNode body, Map<String, String> values, long index) {
        JsonNode current = currentDefinitions.get(operation.operationId());
        if (current != null) {
            return current.deepCopy();
        }
        pointAtRunResources(operation, body);
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        boolean creation = "POST".equals(operation.method()) && operation.path().endsWith("/");
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String property : names) {
            if (values.containsKey(property) && operation.parameters("path").stream().anyMatch(p -> p.getName().equals(property))) {
                object.put(property, values.get(property));
            } else if ("projectKey".equals(property)) {
                object.put(property, "/projects/".equals(operation.path()) ? "FUZZ_" + tag + "_N" + index : projectKey(FixtureRole.WORK));
            } else if (creation && List.of("login", "name", "id", "label").contains(property) && object.get(property).isTextual()) {
                object.put(property, "fuzz_" + tag.toLowerCase(Locale.ROOT) + "_n" + index);
            }
        }
        return object;
    }

    /** Makes the references of an example body (owner, user, group, connection) name the run's work resources. */
    private void pointAtRunResources(FuzzOperation operation, JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String property : names) {
                JsonNode value = object.get(property);
                String replacement = switch (property) {
                    case "owner" -> owner;
                    case "user" -> first(FixtureRole.WORK, "login");
                    case "group" -> first(FixtureRole.WORK, "groupName");
                    case "connection" -> operation.path().startsWith("/sql/") ? sqlConnection : first(FixtureRole.WORK, "connectionName");
                    default -> null;
                };
                if (replacement != null && value.isTextual()) {
                    object.put(property, replacement);
                } else if (("groups".equals(property) || "allowedGroups".equals(property)) && value.isArray()
                        && first(FixtureRole.WORK, "groupName") != null) {
                    object.putArray(property).add(first(FixtureRole.WORK, "groupName"));
                } else {
                    pointAtRunResources(operation, value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> pointAtRunResources(operation, item));
        }
    }

    private String first(FixtureRole role, String parameter) {
        List<String> candidates = values.get(role).get(parameter);
        return candidates == null || candidates.isEmpty() ? null : candidates.get(0);
    }

    @Override
    public List<String> checkIntact() {
        return anchor == null ? List.of("the anchor project was never read") : anchor.compareWith(admin);
    }

    @Override
    public String describeFixtures() {
        StringBuilder text = new StringBuilder("DSS fixtures (tag " + tag + "): projects " + projectKey(FixtureRole.WORK)
                + " (work), " + projectKey(FixtureRole.DOOMED) + " (deleted by DELETE requests), "
                + projectKey(FixtureRole.ANCHOR) + " (anchor, checked after the run), each with dataset " + DATASET);
        if (!unavailable.isEmpty()) {
            text.append("; not available, so requests use made-up values: ").append(String.join("; ", unavailable));
        }
        return text.toString();
    }

    /** Removes the run's resources (in reverse order of creation) and what well-formed creations made with its tag. */
    @Override
    public void close() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).run();
            } catch (RuntimeException gone) {
                // deleted by the fuzz itself, or never fully created
            }
        }
        String prefix = "fuzz_" + tag.toLowerCase(Locale.ROOT) + "_";
        bestEffort(() -> admin.listProjectKeys().stream().filter(k -> k.startsWith("FUZZ_" + tag + "_"))
                .forEach(k -> bestEffort(() -> admin.getProject(k).delete())));
        bestEffort(() -> admin.listUsersRaw().forEach(u -> {
            if (u.path("login").asText().startsWith(prefix)) {
                bestEffort(() -> admin.getUser(u.path("login").asText()).delete());
            }
        }));
        bestEffort(() -> admin.listGroupsRaw().forEach(g -> {
            if (g.path("name").asText().startsWith(prefix)) {
                bestEffort(() -> admin.getGroup(g.path("name").asText()).delete());
            }
        }));
        bestEffort(() -> admin.listConnectionNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> bestEffort(() -> admin.getConnection(n).delete())));
        bestEffort(() -> admin.listMeaningsRaw().forEach(m -> {
            if (m.path("id").asText().startsWith(prefix)) {
                bestEffort(() -> admin.getMeaning(m.path("id").asText()).delete());
            }
        }));
    }

    /** Reads the current definition of a resource by its document path, as the admin (the handles have no generic GET). */
    private JsonNode readJson(String path) {
        var api = admin.getApiClient();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(api.getBaseUri() + path))
                .header("Accept", "application/json").GET();
        if (api.getRequestInterceptor() != null) {
            api.getRequestInterceptor().accept(request);
        }
        try {
            var response = api.getHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void bestEffort(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            // best effort: the resource may be gone already, or the server be the one that broke
        }
    }
}
