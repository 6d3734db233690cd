package org.dsscontractkit.reference.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsscontractkit.reference.it.MatrixWorld.DATASET;
import static org.dsscontractkit.reference.it.MatrixWorld.PROJECT;
import static org.dsscontractkit.reference.it.MatrixWorld.map;
import static org.dsscontractkit.reference.it.MatrixWorld.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's users and groups, and the objects of the first areas: the project and its permissions, the uploaded
 * dataset, a project folder, the user, group and meaning the admin calls act on, connections, API keys, a job, a
 * future, a SQL query.
 */
final class CoreFixtures implements MatrixFixtures {
    static final String UPLOADED = "f.csv";
    private static final String CREATED_DATASET = "mx_created";

    private final MatrixWorld world;
    private final Api admin;
    private String folderId;
    private String globalKeyId;
    private String globalKeySecret;
    private String personalKeyId;
    private String jobId;
    private String futureId;
    private String queryId;
    private String logName;
    private int futureProjects;

    CoreFixtures(MatrixWorld world) {
        this.world = world;
        this.admin = world.admin;
    }

    /** The groups and users the roles of {@link PermissionMatrix} rely on, each with a personal key. */
    void groupsAndUsers() {
        group("mx-readers", false);
        group("mx-writers", false);
        group("mx-admins", false);
        group("mx-creators", true);
        group("mx-conn-users", false);
        world.users.put("mx-plain", userApi("mx-plain"));
        world.users.put("mx-reader", userApi("mx-reader", "mx-readers"));
        world.users.put("mx-writer", userApi("mx-writer", "mx-readers", "mx-writers"));
        world.users.put("mx-padmin", userApi("mx-padmin", "mx-admins"));
        world.users.put("mx-creator", userApi("mx-creator", "mx-creators"));
        world.users.put("mx-owner", userApi("mx-owner", "mx-creators", "mx-conn-users"));
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
        return new Api(world.baseUrl, key.path("key").asText());
    }

    @Override
    public void prepare(MatrixCall call) {
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
            ok(world.users.get("mx-reader").get(MatrixWorld.project() + "/datasets/" + DATASET
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
        if (call.method().equals("POST") && example != null && example.isObject()) {
            removeConflicting(id, example);
        }
    }

    private void project() {
        if (admin.get(MatrixWorld.project()).status() == 404) {
            ok(admin.post("/projects/", map("projectKey", PROJECT, "name", "Permission matrix", "owner", "admin",
                    "settings", null, "description", null, "permissions", List.of(), "tags", List.of())));
        }
        ok(admin.put(MatrixWorld.project() + "/permissions", map("owner", "admin", "permissions", List.of(
                map("group", "mx-readers", "readProjectContent", true),
                map("group", "mx-writers", "readProjectContent", true, "writeProjectContent", true),
                map("group", "mx-admins", "admin", true)))));
    }

    private void dataset() {
        String base = MatrixWorld.project() + "/datasets/" + DATASET;
        if (admin.get(base).status() == 404) {
            ok(admin.post(MatrixWorld.project() + "/datasets/", uploadedDataset(DATASET)));
        }
        if (!admin.get(base + "/uploaded/files").body().contains(UPLOADED)) {
            ok(admin.upload(base + "/uploaded/files", UPLOADED, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
            ok(admin.put(base + "/schema", map("columns", List.of(map("name", "a", "type", "bigint"),
                    map("name", "b", "type", "bigint")))));
        }
    }

    static Map<String, Object> uploadedDataset(String name) {
        return map("name", name, "projectKey", PROJECT, "type", "UploadedFiles",
                "params", map("uploadConnection", "filesystem_managed"), "formatType", "csv",
                "formatParams", map("separator", ",", "style", "excel", "parseHeaderRow", true));
    }

    private void folder() {
        if (folderId != null && admin.get("/project-folders/" + folderId).status() == 200) return;
        folderId = ok(world.users.get("mx-owner").post("/project-folders/ROOT/children?name=mx-folder-" + System.nanoTime(),
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
        personalKeyId = ok(world.users.get("mx-owner").post("/personal-api-keys/", map("label", "own",
                "description", ""))).path("id").asText();
    }

    private void job() {
        if (jobId != null && admin.get(MatrixWorld.project() + "/jobs/" + jobId + "/").status() == 200) return;
        jobId = ok(admin.post(MatrixWorld.project() + "/jobs/", jobBody())).path("id").asText();
    }

    private static Map<String, Object> jobBody() {
        return map("type", "NON_RECURSIVE_FORCED_BUILD", "refreshHiveMetastore", false,
                "autoUpdateSchemaBeforeEachRecipeRun", false, "outputs",
                List.of(map("type", "DATASET", "id", DATASET, "projectKey", PROJECT, "partition", null)));
    }

    /** A long task of mx-owner: the deletion of a project of theirs, not waited for. */
    private void future() {
        String key = "MXFUT" + (++futureProjects);
        Api owner = world.users.get("mx-owner");
        ok(owner.post("/projects/", map("projectKey", key, "name", key, "owner", "mx-owner", "settings", null,
                "description", null, "permissions", List.of(), "tags", List.of())));
        futureId = ok(owner.delete("/projects/" + key + "?clearManagedDatasets=False&clearOutputManagedFolders=False"
                + "&clearJobAndScenarioLogs=True&wait=False")).path("jobId").asText();
    }

    /** A SQL query of mx-owner on mx_sql; streamed already when the call is the end of the stream. */
    private void sqlQuery(String operationId) {
        Api owner = world.users.get("mx-owner");
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
            case "createProject" -> world.deleteIfPresent("/projects/" + example.path("projectKey").asText()
                    + "?clearManagedDatasets=True&clearOutputManagedFolders=True&clearJobAndScenarioLogs=True&wait=True");
            case "createDataset" -> world.deleteIfPresent(MatrixWorld.project() + "/datasets/" + CREATED_DATASET);
            case "createUser" -> world.deleteIfPresent("/admin/users/" + example.path("login").asText());
            case "createGroup" -> world.deleteIfPresent("/admin/groups/" + example.path("name").asText());
            case "createConnection" -> world.deleteIfPresent("/admin/connections/" + example.path("name").asText());
            case "createMeaning" -> world.deleteIfPresent("/meanings/" + example.path("id").asText());
            default -> { }
        }
    }

    @Override
    public String pathValue(String operationId, String param) {
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
            default -> null;
        };
    }

    @Override
    public String queryValue(String operationId, String name) {
        return switch (name) {
            case "destination" -> operationId.equals("moveProjectToFolder") ? folderId : "ROOT";
            case "readSessionId" -> readSessionId();
            case "format" -> "tsv-excel-noheader";
            default -> null;
        };
    }

    @Override
    public Map<String, String> extraQuery(String operationId) {
        return switch (operationId) {
            case "readDatasetData" -> Map.of("format", "tsv-excel-noheader", "readSessionId", readSessionId());
            case "streamSqlQueryResults" -> Map.of("format", "tsv-excel-noheader");
            default -> Map.of();
        };
    }

    private static String readSessionId() {
        return "matrix-read-session";
    }

    @Override
    public Object body(MatrixCall call) {
        return switch (call.id()) {
            case "startJob" -> jobBody();
            case "createPersonalApiKeyForUser" -> map("user", "mx-target", "label", "matrix", "description", "");
            case "startSqlQuery" -> map("query", "SELECT 1 AS one", "connection", "mx_sql", "type", "sql");
            // the example names another project and a connection this server does not have
            case "createDataset" -> uploadedDataset(CREATED_DATASET);
            // the example names checks the prepared dataset does not define; no body runs all of its checks
            case "runDatasetChecks" -> null;
            default -> NO_OPINION;
        };
    }
}
