package org.dsscontractkit.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.dsscontractkit.reference.testing.NotYetExercised;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The permissions of the DSS document, checked against the server: every operation × {no key, unknown key, a user
 * lacking its {@code x-dss-permission}, a user holding it}. The first two must answer 401; the one lacking it the
 * status the vocabulary ({@code info.x-dss-permissions.*.denied}) gives; the holder a success. The objects each call
 * names (project, dataset, folder, job, key, query, managed folder, scenario run, recipe...) are prepared before each
 * operation by the areas' {@link MatrixFixtures}, so that the holder's call can succeed and a refusal is about the
 * permission, not a missing object. Operations the matrix does not call yet are the ledger's
 * {@code permission-matrix} rows ({@link NotYetExercised}). Prints the matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PermissionMatrix {
    private static final String ADMIN_KEY = "matrix-admin-key-0123456789";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * Operations where the holder's answer is, by design of the call, not a 2xx: the expected status. Keep this
     * empty if at all possible: each entry is a call the matrix cannot make succeed with the objects it prepares.
     */
    private static final Map<String, Integer> HOLDER_STATUS = Map.of();

    private Store store;
    private ReferenceServer server;
    private MatrixWorld world;
    private JsonNode spec;
    private List<MatrixFixtures> areas;

    abstract Store openStore() throws Exception;

    /** One fixture class per area; the first that knows a parameter or a body answers for it. */
    private static List<MatrixFixtures> areas(MatrixWorld world, CoreFixtures core) {
        return List.of(new ManagedFolderFixtures(world), new ScenarioFixtures(world), new RecipeFixtures(world),
                new DatasetFixtures(world), core);
    }

    @BeforeAll
    void start() throws Exception {
        store = openStore();
        Path dataDir = Files.createTempDirectory("dss-matrix");
        server = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, dataDir, ADMIN_KEY, store.jdbcUrl(),
                store.jdbcUrl() == null ? null : "dss", null, 1024 * 1024));
        world = new MatrixWorld(server.baseUrl(), ADMIN_KEY);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/dss-public-api.json")) {
            assertThat(in).as("the bundled DSS document (spec jar) on the classpath").isNotNull();
            spec = Api.JSON.readTree(in);
        }
        CoreFixtures core = new CoreFixtures(world);
        core.groupsAndUsers();
        areas = areas(world, core);
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
        Map<String, String> notYet = NotYetExercised.of(NotYetExercised.Suite.PERMISSION_MATRIX);
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) continue;
                operations++;
                MatrixCall call = new MatrixCall(entry.getKey().toUpperCase(), path.getKey(), entry.getValue());
                if (notYet.containsKey(call.id())) {
                    notCalled.add(call.id());
                    rows.add(String.format("%-32s %-16s not called yet: %s", call.id(),
                            call.op().path("x-dss-permission").asText(""), notYet.get(call.id())));
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
        assertThat(notCalled).as("permission-matrix rows of the ledger name only operations of the document")
                .hasSameSizeAs(notYet.keySet());
        assertThat(mismatches).as("calls answering otherwise than their x-dss-permission says").isEmpty();
    }

    private String check(MatrixCall call, List<String> mismatches) {
        String permission = call.op().path("x-dss-permission").asText("");
        assertThat(permission).as("x-dss-permission of %s", call.id()).isNotEmpty();
        JsonNode vocabulary = spec.at("/info/x-dss-permissions/" + permission);
        assertThat(vocabulary.isObject()).as("%s is defined in info.x-dss-permissions", permission).isTrue();
        Roles roles = Roles.of(permission);

        prepare(call);
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
        prepare(call);
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

    private static void expect(List<String> mismatches, MatrixCall call, String who, int actual, int expected) {
        if (actual != expected) mismatches.add(call.id() + " " + who + ": " + actual + " (expected " + expected + ")");
    }

    private static void expect(List<String> mismatches, MatrixCall call, String who, int actual, int expected, Api.Res r) {
        if (actual != expected) mismatches.add(call.id() + " " + who + ": " + r + " (expected " + expected + ")");
    }

    private static String mark(int actual, int expected) {
        return actual == expected ? String.valueOf(actual) : actual + " [" + expected + "]";
    }

    private Api user(String login) {
        return world.user(login);
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

    private void prepare(MatrixCall call) {
        for (MatrixFixtures area : areas) area.prepare(call);
    }

    /** The request the matrix sends: the path with the areas' values, their query, their body or the example. */
    private Api.Res send(Api api, MatrixCall call) {
        String path = path(call);
        if (call.multipart()) {
            return api.upload(path, "matrix-" + System.nanoTime() + ".csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        return api.send(call.method(), path, body(call, path), null);
    }

    private String path(MatrixCall call) {
        String id = call.id();
        Matcher m = PATH_PARAM.matcher(call.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(pathValue(id, m.group(1))));
        m.appendTail(out);
        StringBuilder query = new StringBuilder();
        for (JsonNode p : call.op().path("parameters")) {
            if (!p.path("in").asText().equals("query") || !p.path("required").asBoolean(false)) continue;
            String name = p.path("name").asText();
            String value = null;
            for (MatrixFixtures area : areas) {
                if (value == null) value = area.queryValue(id, name);
            }
            if (value == null) value = p.path("example").asText("");
            query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        for (MatrixFixtures area : areas) {
            for (Map.Entry<String, String> extra : area.extraQuery(id).entrySet()) {
                query.append(query.length() == 0 ? "?" : "&").append(extra.getKey()).append('=')
                        .append(URLEncoder.encode(extra.getValue(), StandardCharsets.UTF_8));
            }
        }
        return out + query.toString();
    }

    private String pathValue(String operationId, String param) {
        for (MatrixFixtures area : areas) {
            String value = area.pathValue(operationId, param);
            if (value != null) return value;
        }
        throw new AssertionError("PermissionMatrix has no value for the path parameter {" + param + "} of "
                + operationId + ": the area's MatrixFixtures must give one (pathValue)");
    }

    /** The areas' body, else for a PUT the GET at the same path (a round trip), else the document's example. */
    private Object body(MatrixCall call, String path) {
        for (MatrixFixtures area : areas) {
            Object body = area.body(call);
            if (body != MatrixFixtures.NO_OPINION) return body;
        }
        if (call.method().equals("PUT")) return MatrixWorld.ok(world.admin.get(path));
        return call.exampleBody();
    }
}
