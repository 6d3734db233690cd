package org.dsscontractkit.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The permissions of the DSS document, checked against the server: every operation × {no key, unknown key, a user
 * lacking its {@code x-dss-permission}, a user holding it}. The first two must answer 401; the one lacking it the
 * status the vocabulary ({@code info.x-dss-permissions.*.denied}) gives; the holder a success. The objects each call
 * names (project, dataset, folder, job, key, query...) are prepared before each operation, so that the holder's
 * call can succeed and a refusal is about the permission, not a missing object. Prints the matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PermissionMatrix {
    private static final String ADMIN_KEY = "matrix-admin-key-0123456789";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String PROJECT = "MX";
    private static final String DATASET = "mxds";
    private static final String UPLOADED = "f.csv";
    private static final String CREATED_DATASET = "mx_created";

    /**
     * Operations where the holder's answer is, by design of the call, not a 2xx: the expected status. Keep this
     * empty if at all possible: each entry is a call the matrix cannot make succeed with the objects it prepares.
     */
    private static final Map<String, Integer> HOLDER_STATUS = Map.of();

    /**
     * Operations of the areas added after the matrix was written (managed folders, scenarios, recipes, the rest of
     * datasets) that it does not call yet: their fixtures (a folder and its files, a scenario and its runs, a recipe)
     * are still to write. Their {@code x-dss-permission} is declared (the spec's tests require it) but not checked
     * against the server here. Listed so that the gap is printed and can only shrink: an operation neither called nor
     * listed fails, and so does a listed one the document no longer has.
     */
    private static final Set<String> NOT_CALLED_YET = Set.of(
            "abortScenario", "computeManagedFolderMetrics", "computeManagedFolderMetricsFromIds",
            "computeRecipeSchemaUpdates", "copyDataset", "copyManagedFolder", "createManagedDataset",
            "createManagedFolder", "createRecipe", "createScenario", "deleteManagedFolder",
            "deleteManagedFolderFile", "deleteRecipe", "deleteScenario", "detectDatasetFormat",
            "detectSqlDatasetSchema", "getDatasetInfo", "getDatasetMetricHistory", "getDatasetUsages",
            "getLastTestScenarioRunsHtmlReport", "getLastTestScenarioRunsReport", "getManagedFolder",
            "getManagedFolderFile", "getManagedFolderLastMetricValues", "getManagedFolderMetricHistory",
            "getManagedFolderUsages", "getRecipeMetadata", "getRecipeSettings", "getRecipeStatus",
            "getScenarioLastRuns", "getScenarioPayload", "getScenarioRun", "getScenarioRunForTrigger",
            "getScenarioRunLog", "getScenarioRunReport", "getScenarioRunsByDate", "getScenarioSettings",
            "getScenarioStatus", "getScenarioStepRunReport", "getScenarioTestingStatus", "getTriggerFire",
            "listManagedFolderContents", "listManagedFolders", "putManagedFolderFile", "renameManagedFolder",
            "runScenario", "saveRecipeSettings", "saveScenarioSettings", "setManagedFolder", "setRecipeMetadata",
            "setScenarioPayload", "updateRecipeOutputSchema");

    private Store store;
    private ReferenceServer server;
    private Api admin;
    private JsonNode spec;
    private final Map<String, Api> users = new LinkedHashMap<>();
    private final Fixtures fixtures = new Fixtures();

    abstract Store openStore() throws Exception;

    @BeforeAll
    void start() throws Exception {
        store = openStore();
        Path dataDir = Files.createTempDirectory("dss-matrix");
        server = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, dataDir, ADMIN_KEY, store.jdbcUrl(),
                store.jdbcUrl() == null ? null : "dss", null, 1024 * 1024));
        admin = new Api(server.baseUrl(), ADMIN_KEY);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/dss-public-api.json")) {
            assertThat(in).as("the bundled DSS document (spec jar) on the classpath").isNotNull();
            spec = Api.JSON.readTree(in);
        }
        fixtures.groupsAndUsers();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    @Test
    void everyOperationAnswersAsItsPermissionSays() {
        List<String> rows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<String> notCalled = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) continue;
                operations++;
                Call call = new Call(entry.getKey().toUpperCase(), path.getKey(), entry.getValue());
                if (NOT_CALLED_YET.contains(call.id())) {
                    notCalled.add(call.id());
                    rows.add(String.format("%-32s %-16s not called yet (fixtures to write)", call.id(),
                            call.op.path("x-dss-permission").asText("")));
                    continue;
                }
                rows.add(check(call, mismatches));
            }
        }
        System.out.println("[matrix] permission matrix of the DSS document (" + operations + " operations; expected"
                + " status in brackets when it differs)");
        System.out.printf("[matrix] %-32s %-16s %-7s %-7s %-22s %s%n", "operation", "x-dss-permission", "no key",
                "bad key", "lacking it (as)", "holding it (as)");
        rows.forEach(r -> System.out.println("[matrix] " + r));
        assertThat(operations).as("operations in the DSS document").isGreaterThan(90);
        System.out.println("[matrix] " + (operations - notCalled.size()) + " of " + operations + " operations called; "
                + notCalled.size() + " not called yet: " + notCalled);
        assertThat(notCalled).as("NOT_CALLED_YET names only operations of the document").hasSameSizeAs(NOT_CALLED_YET);
        assertThat(mismatches).as("calls answering otherwise than their x-dss-permission says").isEmpty();
    }

    private String check(Call call, List<String> mismatches) {
        String permission = call.op.path("x-dss-permission").asText("");
        assertThat(permission).as("x-dss-permission of %s", call.id()).isNotEmpty();
        JsonNode vocabulary = spec.at("/info/x-dss-permissions/" + permission);
        assertThat(vocabulary.isObject()).as("%s is defined in info.x-dss-permissions", permission).isTrue();
        Roles roles = Roles.of(permission);

        fixtures.prepare(call);
        int noKey = send(new Api(server.baseUrl(), null), call).status();
        int badKey = send(new Api(server.baseUrl(), "no-such-key-0000"), call).status();
        expect(mismatches, call, "no key", noKey, 401);
        expect(mismatches, call, "unknown key", badKey, 401);

        String lacking = "-";
        if (roles.lacking != null) {
            int denied = vocabulary.path("denied").asInt();
            Api.Res r = send(user(roles.lacking), call);
            expect(mismatches, call, "lacking (" + roles.lacking + ")", r.status(), denied, r);
            lacking = mark(r.status(), denied) + " (" + roles.lacking + ")";
        }
        fixtures.prepare(call);
        Api.Res held = send(user(roles.holding), call);
        int wanted = HOLDER_STATUS.getOrDefault(call.id(), 200);
        boolean ok = HOLDER_STATUS.containsKey(call.id()) ? held.status() == wanted : held.status() / 100 == 2;
        if (!ok) {
            mismatches.add(call.id() + " holding it (" + roles.holding + "): " + held + " (expected "
                    + (HOLDER_STATUS.containsKey(call.id()) ? wanted : "2xx") + ")");
        }
        return String.format("%-32s %-16s %-7s %-7s %-22s %s", call.id(), permission, mark(noKey, 401),
                mark(badKey, 401), lacking, (ok ? held.status() : held.status() + " [2xx]") + " (" + roles.holding + ")");
    }

    private static void expect(List<String> mismatches, Call call, String who, int actual, int expected) {
        if (actual != expected) mismatches.add(call.id() + " " + who + ": " + actual + " (expected " + expected + ")");
    }

    private static void expect(List<String> mismatches, Call call, String who, int actual, int expected, Api.Res r) {
        if (actual != expected) mismatches.add(call.id() + " " + who + ": " + r + " (expected " + expected + ")");
    }

    private static String mark(int actual, int expected) {
        return actual == expected ? String.valueOf(actual) : actual + " [" + expected + "]";
    }

    private Api user(String login) {
        return login.equals("admin") ? admin : users.get(login);
    }

    /** Who holds and who lacks each permission of the vocabulary, among the users the fixtures create. */
    private record Roles(String holding, String lacking) {
        static Roles of(String permission) {
            return switch (permission) {
                case "authenticated" -> new Roles("mx-plain", null);
                case "project-read" -> new Roles("mx-reader", "mx-plain");
                case "project-write" -> new Roles("mx-writer", "mx-reader");
                case "project-admin" -> new Roles("mx-padmin", "mx-writer");
                case "create-projects" -> new Roles("mx-creator", "mx-plain");
                case "folder-admin" -> new Roles("mx-owner", "mx-creator");
                case "connection-use" -> new Roles("mx-owner", "mx-plain");
                case "own-object" -> new Roles("mx-owner", "mx-creator");
                case "global-admin" -> new Roles("admin", "mx-padmin");
                default -> throw new AssertionError("PermissionMatrix does not know the permission '" + permission
                        + "': add it to Roles.of (who holds it, who lacks it) and to the fixtures");
            };
        }
    }

    /** One operation of the document, and the request the matrix sends for it. */
    private final class Call {
        final String method;
        final String template;
        final JsonNode op;

        Call(String method, String template, JsonNode op) {
            this.method = method;
            this.template = template;
            this.op = op;
        }

        String id() {
            return op.path("operationId").asText();
        }

        String path() {
            Matcher m = PATH_PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(fixtures.pathValue(id(), m.group(1))));
            m.appendTail(out);
            StringBuilder query = new StringBuilder();
            for (JsonNode p : op.path("parameters")) {
                if (!p.path("in").asText().equals("query") || !p.path("required").asBoolean(false)) continue;
                String name = p.path("name").asText();
                String value = fixtures.queryValue(id(), name, p.path("example").asText(""));
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> extra : fixtures.extraQuery(id()).entrySet()) {
                query.append(query.length() == 0 ? "?" : "&").append(extra.getKey()).append('=')
                        .append(URLEncoder.encode(extra.getValue(), StandardCharsets.UTF_8));
            }
            return out + query.toString();
        }

        JsonNode exampleBody() {
            JsonNode media = op.path("requestBody").path("content").path("application/json");
            if (media.has("example")) return media.get("example");
            JsonNode examples = media.path("examples");
            if (examples.isObject() && examples.size() > 0) return examples.elements().next().path("value");
            return null;
        }

        boolean multipart() {
            return op.path("requestBody").path("content").has("multipart/form-data");
        }
    }

    private Api.Res send(Api api, Call call) {
        String path = call.path();
        if (call.multipart()) {
            return api.upload(path, "matrix-" + System.nanoTime() + ".csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Object body = fixtures.body(call);
        return api.send(call.method, path, body, null);
    }

    /**
     * The objects the calls name. {@link #prepare} makes sure, before each call, that what the call needs exists
     * (an earlier holder may have deleted it), always through the API as an administrator.
     */
    private final class Fixtures {
        private String folderId;
        private String globalKeyId;
        private String globalKeySecret;
        private String personalKeyId;
        private String jobId;
        private String futureId;
        private String queryId;
        private String logName;
        private int futureProjects;

        void groupsAndUsers() {
            group("mx-readers", false);
            group("mx-writers", false);
            group("mx-admins", false);
            group("mx-creators", true);
            group("mx-conn-users", false);
            users.put("mx-plain", userApi("mx-plain"));
            users.put("mx-reader", userApi("mx-reader", "mx-readers"));
            users.put("mx-writer", userApi("mx-writer", "mx-readers", "mx-writers"));
            users.put("mx-padmin", userApi("mx-padmin", "mx-admins"));
            users.put("mx-creator", userApi("mx-creator", "mx-creators"));
            users.put("mx-owner", userApi("mx-owner", "mx-creators", "mx-conn-users"));
            JsonNode logs = ok(admin.get("/admin/logs/")).path("logs");
            assertThat(logs.size()).as("log files the server lists").isPositive();
            logName = logs.get(0).path("name").asText();
        }

        private void group(String name, boolean mayCreateProjects) {
            ok(admin.post("/admin/groups/", map("name", name, "description", "permission matrix", "sourceType", "LOCAL")));
            ObjectNode g = (ObjectNode) ok(admin.get("/admin/groups/" + name));
            g.put("mayCreateProjects", mayCreateProjects);
            ok(admin.put("/admin/groups/" + name, g));
        }

        private Api userApi(String login, String... groups) {
            ok(admin.post("/admin/users/", map("login", login, "password", "pw-" + login, "displayName", login,
                    "sourceType", "LOCAL", "groups", List.of(groups), "userProfile", "DATA_SCIENTIST", "email", null)));
            JsonNode key = ok(admin.post("/admin/personal-api-keys/", map("user", login, "label", "matrix",
                    "description", "")));
            return new Api(server.baseUrl(), key.path("key").asText());
        }

        /** Makes sure every object the call may name exists, with the permissions the roles rely on. */
        void prepare(Call call) {
            project();
            dataset();
            folder();
            target();
            connection();
            globalKey();
            personalKey();
            job();
            String id = call.id();
            if (id.equals("getFutureState") || id.equals("abortFuture")) future();
            if (id.equals("streamSqlQueryResults") || id.equals("finishSqlQueryStreaming")) sqlQuery(id);
            if (id.equals("finishDatasetStreaming")) {
                ok(users.get("mx-reader").get("/projects/" + PROJECT + "/datasets/" + DATASET
                        + "/data/?format=tsv-excel-noheader&readSessionId=" + readSessionId()));
            }
            if (id.equals("moveProjectToFolder")) {
                JsonNode location = ok(admin.get("/project-folders/locate-project/" + PROJECT));
                if (!location.path("id").asText().equals("ROOT")) {
                    ok(admin.post("/project-folders/" + location.path("id").asText() + "/projects/" + PROJECT
                            + "/move?destination=ROOT", null));
                }
            }
            JsonNode example = call.exampleBody();
            if (call.method.equals("POST") && example != null && example.isObject()) {
                removeConflicting(id, example);
            }
        }

        private void project() {
            if (admin.get("/projects/" + PROJECT).status() == 404) {
                ok(admin.post("/projects/", map("projectKey", PROJECT, "name", "Permission matrix", "owner", "admin",
                        "settings", null, "description", null, "permissions", List.of(), "tags", List.of())));
            }
            ok(admin.put("/projects/" + PROJECT + "/permissions", map("owner", "admin", "permissions", List.of(
                    map("group", "mx-readers", "readProjectContent", true),
                    map("group", "mx-writers", "readProjectContent", true, "writeProjectContent", true),
                    map("group", "mx-admins", "admin", true)))));
        }

        private void dataset() {
            String base = "/projects/" + PROJECT + "/datasets/" + DATASET;
            if (admin.get(base).status() == 404) {
                ok(admin.post("/projects/" + PROJECT + "/datasets/", uploadedDataset(DATASET)));
            }
            if (!admin.get(base + "/uploaded/files").body().contains(UPLOADED)) {
                ok(admin.upload(base + "/uploaded/files", UPLOADED, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
                ok(admin.put(base + "/schema", map("columns", List.of(map("name", "a", "type", "bigint"),
                        map("name", "b", "type", "bigint")))));
            }
        }

        private Map<String, Object> uploadedDataset(String name) {
            return map("name", name, "projectKey", PROJECT, "type", "UploadedFiles",
                    "params", map("uploadConnection", "filesystem_managed"), "formatType", "csv",
                    "formatParams", map("separator", ",", "style", "excel", "parseHeaderRow", true));
        }

        private void folder() {
            if (folderId != null && admin.get("/project-folders/" + folderId).status() == 200) return;
            folderId = ok(users.get("mx-owner").post("/project-folders/ROOT/children?name=mx-folder-" + System.nanoTime(),
                    null)).path("id").asText();
        }

        /** The user, group, meaning the admin calls act on. */
        private void target() {
            if (admin.get("/admin/users/mx-target").status() == 404) {
                ok(admin.post("/admin/users/", map("login", "mx-target", "password", "pw", "displayName", "Target",
                        "sourceType", "LOCAL", "groups", List.of(), "userProfile", "DATA_SCIENTIST", "email", null)));
            }
            if (admin.get("/admin/groups/mx-target-group").status() == 404) {
                ok(admin.post("/admin/groups/", map("name", "mx-target-group", "description", null,
                        "sourceType", "LOCAL")));
            }
            if (admin.get("/meanings/mx_meaning").status() == 404) {
                ok(admin.post("/meanings/", map("id", "mx_meaning", "label", "Matrix meaning", "type",
                        "VALUES_LIST", "description", null, "entries", List.of(map("value", "a")), "mappings", null,
                        "pattern", null, "normalizationMode", null, "detectable", false)));
            }
        }

        /** mx_sql: a SQL connection only mx-conn-users (and admins) may use; mx_admin_conn for the admin calls. */
        private void connection() {
            if (admin.get("/admin/connections/mx_sql").status() == 404) {
                ObjectNode demo = (ObjectNode) ok(admin.get("/admin/connections/demo_sql"));
                ok(admin.post("/admin/connections/", map("name", "mx_sql", "description", "matrix",
                        "type", demo.path("type").asText(), "params", demo.path("params"), "usableBy", "ALLOWED",
                        "allowedGroups", List.of("mx-conn-users"))));
            }
            if (admin.get("/admin/connections/mx_admin_conn").status() == 404) {
                ok(admin.post("/admin/connections/", map("name", "mx_admin_conn", "description", "matrix",
                        "type", "Filesystem", "params", map("root", "/tmp"), "usableBy", "ALL",
                        "allowedGroups", List.of())));
            }
        }

        private void globalKey() {
            if (globalKeyId != null && admin.get("/admin/global-api-keys/" + globalKeyId).status() == 200) return;
            JsonNode k = ok(admin.post("/admin/global-api-keys/", map("label", "matrix", "description", "",
                    "globalPermissions", map("admin", false))));
            globalKeyId = k.path("id").asText();
            globalKeySecret = k.path("key").asText();
        }

        private void personalKey() {
            if (personalKeyId != null && admin.get("/personal-api-keys/" + personalKeyId).status() == 200) return;
            personalKeyId = ok(users.get("mx-owner").post("/personal-api-keys/", map("label", "own",
                    "description", ""))).path("id").asText();
        }

        private void job() {
            if (jobId != null && admin.get("/projects/" + PROJECT + "/jobs/" + jobId + "/").status() == 200) return;
            jobId = ok(admin.post("/projects/" + PROJECT + "/jobs/", jobBody())).path("id").asText();
        }

        private Map<String, Object> jobBody() {
            return map("type", "NON_RECURSIVE_FORCED_BUILD", "refreshHiveMetastore", false,
                    "autoUpdateSchemaBeforeEachRecipeRun", false, "outputs",
                    List.of(map("type", "DATASET", "id", DATASET, "projectKey", PROJECT, "partition", null)));
        }

        /** A long task of mx-owner: the deletion of a project of theirs, not waited for. */
        private void future() {
            String key = "MXFUT" + (++futureProjects);
            Api owner = users.get("mx-owner");
            ok(owner.post("/projects/", map("projectKey", key, "name", key, "owner", "mx-owner", "settings", null,
                    "description", null, "permissions", List.of(), "tags", List.of())));
            futureId = ok(owner.delete("/projects/" + key + "?clearManagedDatasets=False&clearOutputManagedFolders=False"
                    + "&clearJobAndScenarioLogs=True&wait=False")).path("jobId").asText();
        }

        /** A SQL query of mx-owner on mx_sql; streamed already when the call is the end of the stream. */
        private void sqlQuery(String operationId) {
            Api owner = users.get("mx-owner");
            Map<String, Object> request = new LinkedHashMap<>();
            for (String k : List.of("query", "connection", "database", "datasetFullName", "preQueries", "postQueries",
                    "type", "extraConf", "scriptInputSchema", "scriptOutputSchema", "scriptReportLocation",
                    "readTimestampWithoutTimezoneAsString", "readDateAsString", "datetimenotzReadMode",
                    "dateonlyReadMode", "projectKey")) {
                request.put(k, null);
            }
            request.put("query", "SELECT 1 AS one");
            request.put("connection", "mx_sql");
            request.put("type", "sql");
            queryId = ok(owner.post("/sql/queries/", request)).path("queryId").asText();
            if (operationId.equals("finishSqlQueryStreaming")) {
                ok(owner.get("/sql/queries/" + queryId + "/stream?format=tsv-excel-noheader"));
            }
        }

        /** A POST that creates a named object: the name must be free for the holder's call to succeed. */
        private void removeConflicting(String operationId, JsonNode example) {
            switch (operationId) {
                case "createProject" -> deleteIfPresent("/projects/" + example.path("projectKey").asText()
                        + "?clearManagedDatasets=True&clearOutputManagedFolders=True&clearJobAndScenarioLogs=True&wait=True");
                case "createDataset" -> deleteIfPresent("/projects/" + PROJECT + "/datasets/" + CREATED_DATASET);
                case "createUser" -> deleteIfPresent("/admin/users/" + example.path("login").asText());
                case "createGroup" -> deleteIfPresent("/admin/groups/" + example.path("name").asText());
                case "createConnection" -> deleteIfPresent("/admin/connections/" + example.path("name").asText());
                case "createMeaning" -> deleteIfPresent("/meanings/" + example.path("id").asText());
                default -> { }
            }
        }

        private void deleteIfPresent(String path) {
            int status = admin.delete(path).status();
            assertThat(status).as("admin DELETE %s", path).isIn(200, 204, 404);
        }

        String pathValue(String operationId, String param) {
            return switch (param) {
                case "projectKey" -> PROJECT;
                case "datasetName" -> DATASET;
                case "fileName" -> UPLOADED;
                case "partitionId" -> "NP";
                case "folderId" -> operationId.equals("moveProjectToFolder") ? "ROOT" : folderId;
                case "jobId" -> jobId;
                case "futureId" -> futureId;
                case "queryId" -> queryId;
                case "keyId" -> operationId.toLowerCase().contains("personal") ? personalKeyId : globalKeyId;
                case "secret" -> globalKeySecret;
                case "login" -> "mx-target";
                case "groupName" -> "mx-target-group";
                case "connectionName" -> operationId.equals("getConnectionInfo") ? "mx_sql" : "mx_admin_conn";
                case "meaningId" -> "mx_meaning";
                case "logName" -> logName;
                case "customType" -> "matrix-check";
                default -> throw new AssertionError("PermissionMatrix has no value for the path parameter {" + param
                        + "} of " + operationId + ": add one to Fixtures.pathValue");
            };
        }

        String queryValue(String operationId, String name, String example) {
            return switch (name) {
                case "destination" -> operationId.equals("moveProjectToFolder") ? folderId : "ROOT";
                case "readSessionId" -> readSessionId();
                case "format" -> "tsv-excel-noheader";
                default -> example;
            };
        }

        Map<String, String> extraQuery(String operationId) {
            return switch (operationId) {
                case "readDatasetData" -> Map.of("format", "tsv-excel-noheader", "readSessionId", readSessionId());
                case "streamSqlQueryResults" -> Map.of("format", "tsv-excel-noheader");
                default -> Map.of();
            };
        }

        private String readSessionId() {
            return "matrix-read-session";
        }

        /** The body of the call: the GET at the same path for a PUT (round trip), else the document's example. */
        Object body(Call call) {
            String id = call.id();
            if (call.method.equals("PUT")) {
                return ok(admin.get(call.path()));
            }
            return switch (id) {
                case "startJob" -> jobBody();
                case "createPersonalApiKeyForUser" -> map("user", "mx-target", "label", "matrix", "description", "");
                case "startSqlQuery" -> map("query", "SELECT 1 AS one", "connection", "mx_sql", "type", "sql");
                // the example names another project and a connection this server does not have
                case "createDataset" -> uploadedDataset(CREATED_DATASET);
                // the example names checks the prepared dataset does not define; no body runs all of its checks
                case "runDatasetChecks" -> null;
                default -> call.exampleBody();
            };
        }

        private JsonNode ok(Api.Res r) {
            assertThat(r.status() / 100).as("fixture call: %s", r).isEqualTo(2);
            return r.body().isEmpty() ? Api.JSON.nullNode() : r.json();
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
