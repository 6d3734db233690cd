package org.dsscontractkit.reference.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the server over HTTP exactly as the official Python client does, for every operation:
 * happy path, 401/403, bad input, and a restart showing the data survived. Subclasses pick the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiSuite {
    static final String ADMIN_KEY = "it-admin-key-0123456789";
    static final long MAX_UPLOAD = 1024 * 1024;

    Store store;
    Path dataDir;
    ReferenceServer server;
    Api admin;
    String root;

    abstract Store openStore() throws Exception;

    @BeforeAll
    void start() throws Exception {
        store = openStore();
        dataDir = Files.createTempDirectory("dss-it");
        boot();
    }

    void boot() throws Exception {
        server = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, dataDir, ADMIN_KEY, store.jdbcUrl(),
                store.jdbcUrl() == null ? null : "dss", null, MAX_UPLOAD));
        root = server.baseUrl();
        admin = new Api(root, ADMIN_KEY);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    // ---- helpers --------------------------------------------------------------------------------

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    void createProject(String key) {
        Api.Res r = admin.post("/projects/", obj("projectKey", key, "name", "Project " + key, "owner", "admin",
                "settings", null, "description", null, "permissions", List.of(), "tags", List.of()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    void createUploadedDataset(String key, String name) {
        Api.Res r = admin.post("/projects/" + key + "/datasets/", obj("name", name, "projectKey", key, "type", "UploadedFiles",
                "params", obj("uploadConnection", "filesystem_managed"), "formatType", "csv",
                "formatParams", obj("separator", ",", "style", "excel", "parseHeaderRow", true)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** Creates a user in the given groups and a personal key for them; returns an Api acting as that user. */
    Api userApi(String login, String... groups) {
        Api.Res r = admin.post("/admin/users/", obj("login", login, "password", "pw-" + login, "displayName", login,
                "sourceType", "LOCAL", "groups", List.of(groups), "userProfile", "DATA_SCIENTIST", "email", null));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Api.Res k = admin.post("/admin/personal-api-keys/", obj("user", login, "label", "k", "description", ""));
        assertThat(k.status()).as(k.toString()).isEqualTo(200);
        return new Api(root, k.json().get("key").asText());
    }

    static void assertError(Api.Res r, int status, String... fragments) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode e = r.json();
        assertThat(e.path("errorType").asText()).isNotEmpty();
        assertThat(e.path("message").asText()).isNotEmpty();
        assertThat(e.path("detailedMessage").asText()).isNotEmpty();
        for (String f : fragments) assertThat(e.path("detailedMessage").asText()).contains(f);
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception:\n");
    }

    JsonNode waitJob(String key, String jobId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode s = admin.get("/projects/" + key + "/jobs/" + jobId + "/").json();
            String state = s.path("baseStatus").path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED") || state.equals("ABORTED")) return s;
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }

    // ---- transport and auth -------------------------------------------------------------------

    @Test
    void servesBothBasesWithVersionHeadersAndClientConventions() {
        Api documented = new Api(root, "/public/api", ADMIN_KEY);
        Api.Res a = documented.get("/projects/");
        Api.Res b = admin.get("/projects/");
        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).isEqualTo(200);
        assertThat(a.header("DSS-API-Version")).isNotBlank();
        assertThat(a.header("DSS-Version")).isNotBlank();
        assertThat(admin.get("/projects").status()).isEqualTo(200);
        assertThat(admin.get("/projects/?includeLocation=True").status()).isEqualTo(200);
        assertThat(admin.get("/projects/?includeLocation=false").status()).isEqualTo(200);
        assertError(admin.get("/projects/?includeLocation=yes"), 400, "includeLocation");
        assertError(admin.get("/no/such/endpoint"), 404);
        assertThat(new Api(root, "", null).get("/").status()).isEqualTo(200);
    }

    @Test
    void hostsTheApiNodeOnTheSamePort() {
        Api node = new Api(root, "", ADMIN_KEY);
        Api.Res services = node.get("/admin/api/services");
        assertThat(services.status()).as(services.toString()).isEqualTo(200);
        assertThat(services.body()).contains("fraud_svc");
        Api.Res predict = new Api(root, "", null).post("/public/api/v1/fraud_svc/fraud_detection/predict",
                obj("features", obj("transaction_amount", 10)));
        assertThat(predict.status()).as("the API node applies its own service keys").isEqualTo(401);
        assertThat(admin.get("/projects/").status()).isEqualTo(200);
        Api fraud = new Api(root, "", "fraud-demo-key-0001");
        Api.Res mislabelled = fraud.send("POST", "/public/api/v1/fraud_svc/fraud_detection/predict",
                obj("features", obj("customer_id", 17, "transaction_amount", 10)), "text/plain");
        assertThat(mislabelled.status()).as("a JSON body under another Content-Type is still read as JSON: " + mislabelled)
                .isEqualTo(200);
        assertError(fraud.send("POST", "/public/api/v1/fraud_svc/fraud_detection/predict", "x=1",
                "application/x-www-form-urlencoded"), 400);
    }

    @Test
    void missingOrUnknownKeyIs401WithDssError() {
        assertError(new Api(root, null).get("/projects/"), 401, "API key");
        assertError(new Api(root, "not-a-key").get("/projects/"), 401, "Invalid API key");
        assertError(new Api(root, null).post("/projects/", obj("projectKey", "X")), 401);
    }

    // ---- projects -----------------------------------------------------------------------------

    @Test
    void projectLifecycleAndValidation() {
        createProject("PLIFE");
        assertError(admin.post("/projects/", obj("projectKey", "PLIFE", "name", "dup", "owner", "admin")), 409, "already exists");
        assertError(admin.post("/projects/", obj("projectKey", "bad key!", "name", "x", "owner", "admin")), 400, "projectKey");
        assertError(admin.post("/projects/", obj("projectKey", "NONAME", "owner", "admin")), 400, "name");
        assertError(admin.post("/projects/", obj("projectKey", "NOOWNER", "name", "x", "owner", "ghost")), 400, "owner");
        assertError(admin.post("/projects/", "{\"projectKey\": \"BROKEN\","), 400, "Malformed JSON");
        assertError(admin.post("/projects/", obj("projectKey", "TYPES", "name", List.of(1), "owner", "admin")), 400, "name");
        assertError(admin.post("/projects/?projectFolderId=NOPE", obj("projectKey", "INFOLDER", "name", "x", "owner", "admin")), 400, "projectFolderId");
        assertThat(admin.get("/projects/NONAME").status()).isEqualTo(404);

        JsonNode summary = admin.get("/projects/PLIFE").json();
        assertThat(summary.get("projectKey").asText()).isEqualTo("PLIFE");
        assertThat(summary.get("owner").asText()).isEqualTo("admin");

        JsonNode md = admin.get("/projects/PLIFE/metadata").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) md).putArray("tags").add("blue");
        ((com.fasterxml.jackson.databind.node.ObjectNode) md).put("description", "described");
        assertThat(admin.put("/projects/PLIFE/metadata", md).status()).isEqualTo(204);
        assertThat(admin.get("/projects/PLIFE/metadata").json().get("description").asText()).isEqualTo("described");
        assertThat(admin.get("/projects/?tags=blue").json().toString()).contains("PLIFE");
        assertThat(admin.get("/projects/?tags=red").json().toString()).doesNotContain("PLIFE");
        assertError(admin.put("/projects/PLIFE/metadata", obj("tags", "notalist")), 400, "tags");

        JsonNode perms = admin.get("/projects/PLIFE/permissions").json();
        assertThat(perms.get("owner").asText()).isEqualTo("admin");
        assertThat(admin.put("/projects/PLIFE/permissions", obj("owner", "admin", "permissions",
                List.of(obj("group", "readers", "readProjectContent", true)))).status()).isEqualTo(204);
        assertThat(admin.get("/projects/PLIFE/permissions").json().get("permissions").get(0).get("group").asText()).isEqualTo("readers");
        assertError(admin.put("/projects/PLIFE/permissions", obj("permissions", List.of(obj("group", "nogroup")))), 400, "nogroup");

        assertThat(admin.get("/projects/PLIFE/recipes/").json().isArray()).isTrue();
        assertThat(admin.get("/projects/PLIFE/scenarios/").json().isArray()).isTrue();

        Api.Res del = admin.delete("/projects/PLIFE?clearManagedDatasets=False&clearOutputManagedFolders=False&clearJobAndScenarioLogs=True&wait=True");
        assertThat(del.status()).as(del.toString()).isEqualTo(200);
        assertThat(del.json().get("jobId").asText()).isNotEmpty();
        assertThat(del.json().get("hasResult").asBoolean()).isTrue();
        assertError(admin.get("/projects/PLIFE"), 404, "PLIFE");
        assertError(admin.delete("/projects/PLIFE"), 404);
    }

    @Test
    void nonAdminSeesOnlyProjectsItsGroupsMayRead() {
        createProject("PSECRET");
        Api reader = userApi("reader1", "readers");
        assertThat(reader.get("/projects/").json().toString()).doesNotContain("PSECRET");
        assertError(reader.get("/projects/PSECRET"), 403, "PSECRET");
        assertError(reader.post("/projects/", obj("projectKey", "RPROJ", "name", "x", "owner", "reader1")), 403);
        assertThat(admin.put("/projects/PSECRET/permissions", obj("owner", "admin", "permissions",
                List.of(obj("group", "readers", "readProjectContent", true)))).status()).isEqualTo(204);
        assertThat(reader.get("/projects/").json().toString()).contains("PSECRET");
        assertThat(reader.get("/projects/PSECRET").status()).isEqualTo(200);
        assertError(reader.put("/projects/PSECRET/metadata", obj("label", "x")), 403);
        assertError(reader.get("/projects/PSECRET/permissions"), 403);
        assertError(reader.delete("/projects/PSECRET"), 403);
        assertError(reader.post("/projects/PSECRET/datasets/", obj("name", "d", "type", "UploadedFiles")), 403);
        Api scientist = userApi("scientist1", "data_scientists");
        assertThat(scientist.post("/projects/", obj("projectKey", "SCIPROJ", "name", "x", "owner", "scientist1")).status()).isEqualTo(200);
        assertThat(scientist.get("/projects/SCIPROJ/permissions").status()).isEqualTo(200);
    }

    @Test
    void projectAndGlobalVariables() {
        createProject("PVARS");
        assertThat(admin.get("/projects/PVARS/variables/").json().has("standard")).isTrue();
        assertThat(admin.put("/projects/PVARS/variables/", obj("standard", obj("a", 1, "b", "std"), "local", obj("b", "loc"))).status()).isEqualTo(204);
        assertThat(admin.put("/admin/variables/", obj("g", "global", "a", 0)).status()).isEqualTo(204);
        assertThat(admin.get("/admin/variables/").json().get("g").asText()).isEqualTo("global");
        JsonNode resolved = admin.get("/projects/PVARS/variables-resolved?typed=true").json();
        assertThat(resolved.get("g").asText()).isEqualTo("global");
        assertThat(resolved.get("a").asInt()).isEqualTo(1);
        assertThat(resolved.get("b").asText()).isEqualTo("loc");
        assertError(admin.put("/projects/PVARS/variables/", obj("standard", "text", "local", obj())), 400, "standard");
        assertError(admin.put("/admin/variables/", "[1,2]"), 400);
        Api reader = userApi("varreader", "readers");
        assertError(reader.get("/admin/variables/"), 403);
        assertError(reader.get("/projects/PVARS/variables/"), 403);
    }

    @Test
    void projectFolders() {
        JsonNode rootFolder = admin.get("/project-folders/ROOT").json();
        assertThat(rootFolder.get("id").asText()).isEqualTo("ROOT");
        Api.Res child = admin.post("/project-folders/ROOT/children?name=Team%20A", null);
        assertThat(child.status()).as(child.toString()).isEqualTo(200);
        String id = child.json().get("id").asText();
        assertThat(child.json().get("parentId").asText()).isEqualTo("ROOT");
        assertThat(admin.get("/project-folders/ROOT").json().get("childrenIds").toString()).contains(id);
        assertError(admin.post("/project-folders/ROOT/children?name=Team%20A", null), 409);
        assertError(admin.post("/project-folders/ROOT/children", null), 400, "name");
        assertError(admin.post("/project-folders/ROOT/children?name=" + "a".repeat(256), null), 400, "name", "255");
        String sub = admin.post("/project-folders/" + id + "/children?name=Sub", null).json().get("id").asText();
        assertThat(admin.post("/project-folders/" + sub + "/move?destination=ROOT", null).status()).isEqualTo(204);
        assertError(admin.post("/project-folders/" + id + "/move?destination=" + id, null), 400, "destination");
        Api.Res created = admin.post("/projects/?projectFolderId=" + id, obj("projectKey", "PFOLD", "name", "x", "owner", "admin"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(admin.get("/project-folders/locate-project/PFOLD").json().get("id").asText()).isEqualTo(id);
        assertError(admin.delete("/project-folders/" + id), 409, "not empty");
        assertThat(admin.post("/project-folders/" + id + "/projects/PFOLD/move?destination=ROOT", null).status()).isEqualTo(204);
        assertThat(admin.get("/project-folders/ROOT").json().get("projectKeys").toString()).contains("PFOLD");
        JsonNode settings = admin.get("/project-folders/" + id + "/settings").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings).put("name", "Team B");
        assertThat(admin.put("/project-folders/" + id + "/settings", settings).status()).isEqualTo(204);
        assertThat(admin.get("/project-folders/" + id).json().get("name").asText()).isEqualTo("Team B");
        assertThat(admin.delete("/project-folders/" + id).status()).isEqualTo(204);
        assertError(admin.get("/project-folders/" + id), 404);
        assertError(admin.delete("/project-folders/ROOT"), 400);
        Api reader = userApi("folderreader", "readers");
        assertError(reader.post("/project-folders/ROOT/children?name=x", null), 403);
    }

    // ---- datasets -----------------------------------------------------------------------------

    @Test
    void datasetSettingsSchemaMetadataRoundTrips() {
        createProject("PDS");
        createUploadedDataset("PDS", "people");
        assertError(admin.post("/projects/PDS/datasets/", obj("name", "people", "type", "UploadedFiles")), 409);
        assertError(admin.post("/projects/PDS/datasets/", obj("name", "bad name", "type", "UploadedFiles")), 400, "name");
        assertError(admin.post("/projects/PDS/datasets/", obj("name", "notype")), 400, "type");
        assertError(admin.post("/projects/NOPROJ/datasets/", obj("name", "x", "type", "UploadedFiles")), 404);

        JsonNode settings = admin.get("/projects/PDS/datasets/people").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings).putObject("undocumentedThing").put("kept", true);
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings).putArray("tags").add("pii");
        assertThat(admin.put("/projects/PDS/datasets/people", settings).status()).isEqualTo(200);
        JsonNode back = admin.get("/projects/PDS/datasets/people").json();
        assertThat(back.path("undocumentedThing").path("kept").asBoolean()).isTrue();
        assertThat(admin.get("/projects/PDS/datasets/?tags=pii").json().size()).isEqualTo(1);
        assertThat(admin.get("/projects/PDS/datasets/?tags=other&foreign=False").json().size()).isZero();

        assertThat(admin.put("/projects/PDS/datasets/people/schema", obj("columns", List.of(obj("name", "a", "type", "string"),
                obj("name", "n", "type", "bigint")))).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PDS/datasets/people/schema").json().get("columns").size()).isEqualTo(2);
        assertError(admin.put("/projects/PDS/datasets/people/schema", obj("columns", List.of(obj("name", "a", "type", "varchar")))), 400, "type");
        assertError(admin.put("/projects/PDS/datasets/people/schema", obj("columns", "x")), 400, "columns");

        JsonNode md = admin.get("/projects/PDS/datasets/people/metadata").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) md).put("description", "people data");
        assertThat(admin.put("/projects/PDS/datasets/people/metadata", md).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PDS/datasets/people/metadata").json().get("description").asText()).isEqualTo("people data");
        assertThat(admin.get("/projects/PDS/datasets/people/partitions").json().toString()).isEqualTo("[\"NP\"]");
        assertError(admin.get("/projects/PDS/datasets/ghost/metadata"), 404, "ghost");

        assertThat(admin.delete("/projects/PDS/datasets/people?dropData=True").status()).isEqualTo(204);
        assertError(admin.get("/projects/PDS/datasets/people"), 404);
        assertError(admin.delete("/projects/PDS/datasets/people?dropData=perhaps"), 400, "dropData");
    }

    @Test
    void uploadStreamAndFinishStreaming() {
        createProject("PDATA");
        createUploadedDataset("PDATA", "cities");
        String csv = "name,pop,note\nParis,2100000,\"quoted, comma\"\nLyon,500000,\"tab\there\"\nNice,340000,\"say \"\"hi\"\"\nnewline\"\n";
        Api.Res up = admin.upload("/projects/PDATA/datasets/cities/uploaded/files", "cities.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(admin.get("/projects/PDATA/datasets/cities/uploaded/files").json().toString()).contains("cities.csv");
        JsonNode schema = admin.get("/projects/PDATA/datasets/cities/schema").json();
        assertThat(schema.get("columns").get(1).get("type").asText()).isEqualTo("bigint");

        Api.Res tsv = admin.get("/projects/PDATA/datasets/cities/data/?format=tsv-excel-noheader&readSessionId=s1");
        assertThat(tsv.status()).isEqualTo(200);
        assertThat(tsv.body()).isEqualTo("Paris\t2100000\tquoted, comma\nLyon\t500000\t\"tab\there\"\nNice\t340000\t\"say \"\"hi\"\"\nnewline\"\n");
        assertThat(admin.get("/projects/PDATA/datasets/cities/finish-streaming/?readSessionId=s1").status()).isEqualTo(204);
        assertError(admin.get("/projects/PDATA/datasets/cities/finish-streaming/?readSessionId=unknown"), 404);

        JsonNode json = admin.get("/projects/PDATA/datasets/cities/data/?format=json&columns=pop,name").json();
        assertThat(json.toString()).isEqualTo("[[\"2100000\",\"Paris\"],[\"500000\",\"Lyon\"],[\"340000\",\"Nice\"]]");
        assertError(admin.get("/projects/PDATA/datasets/cities/data/?format=json&columns=nope"), 400, "nope");
        assertError(admin.get("/projects/PDATA/datasets/cities/data/?format=xml"), 400, "format");
        assertError(admin.get("/projects/PDATA/datasets/cities/data/?format=json&partitions=2020"), 400, "partition");

        JsonNode metrics = admin.get("/projects/PDATA/datasets/cities/metrics/last/NP").json();
        assertThat(metrics.toString()).contains("records:COUNT_RECORDS").contains("\"value\":\"3\"");
        assertThat(metrics.get("metrics").get(0).get("lastValues").get(0).get("computed").asLong()).isPositive();
        assertThat(admin.post("/projects/PDATA/datasets/cities/actions/computeMetrics?partition=", null).json().toString()).contains("\"3\"");
        assertThat(admin.post("/projects/PDATA/datasets/cities/actions/computeMetricsFromIds?partition=",
                obj("metricIds", List.of("basic:COUNT_COLUMNS"))).json().toString()).contains("\"3\"");
        assertThat(admin.post("/projects/PDATA/datasets/cities/actions/runChecks?partition=", null).status()).isEqualTo(200);

        Api.Res cleared = admin.delete("/projects/PDATA/datasets/cities/data");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(admin.get("/projects/PDATA/datasets/cities/data/?format=json").json().size()).isZero();
        admin.upload("/projects/PDATA/datasets/cities/uploaded/files", "again.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(admin.delete("/projects/PDATA/datasets/cities/uploaded/files/again.csv").status()).isEqualTo(204);
        assertError(admin.delete("/projects/PDATA/datasets/cities/uploaded/files/again.csv"), 404);
    }

    @Test
    void brokenDataIsReportedByFinishStreaming() {
        createProject("PBROKEN");
        createUploadedDataset("PBROKEN", "bad");
        String csv = "a,b\n1,2\n3,\"quoted\"garbage\n";
        assertThat(admin.upload("/projects/PBROKEN/datasets/bad/uploaded/files", "bad.csv", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        Api.Res data = admin.get("/projects/PBROKEN/datasets/bad/data/?format=tsv-excel-noheader&readSessionId=rs-broken");
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.body()).startsWith("1\t2\n");
        assertError(admin.get("/projects/PBROKEN/datasets/bad/finish-streaming/?readSessionId=rs-broken"), 500, "bad.csv");
    }

    @Test
    void uploadBeyondLimitIsRejectedAndLeavesNothing() {
        createProject("PBIG");
        createUploadedDataset("PBIG", "big");
        byte[] big = new byte[(int) MAX_UPLOAD + 200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        assertError(admin.upload("/projects/PBIG/datasets/big/uploaded/files", "big.csv", big), 413);
        assertThat(admin.get("/projects/PBIG/datasets/big/uploaded/files").json().size()).isZero();
        Api reader = userApi("uploadreader", "readers");
        assertError(reader.upload("/projects/PBIG/datasets/big/uploaded/files", "x.csv", new byte[]{1}), 403);
    }

    // ---- managed folders ----------------------------------------------------------------------

    /** Creates a folder with the Python client's body; returns its id. */
    String createFolder(String key, String name) {
        Map<String, Object> body = obj("name", name, "projectKey", key, "type", null,
                "params", obj("connection", "filesystem_folders", "path", "/${projectKey}/${odbId}"));
        Api.Res r = admin.post("/projects/" + key + "/managedfolders/", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void managedFolderFilesAsThePythonClientSendsThem() {
        createProject("PMF");
        String id = createFolder("PMF", "drops");
        String folder = "/projects/PMF/managedfolders/" + id;
        // put_file("/2015/orders.csv"): requests.utils.quote keeps the slashes, so the URL has "contents//2015/..."
        Api.Res put = admin.upload(folder + "/contents//2015/orders.csv", "", "id,country\n1,FR\n".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("path").asText()).isEqualTo("/2015/orders.csv");
        assertThat(put.json().get("size").asLong()).isEqualTo(16);
        // a generated client percent-encodes the path as one segment: the same file
        Api.Res encoded = admin.get(folder + "/contents/%2F2015%2Forders.csv");
        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(200);
        assertThat(encoded.body()).isEqualTo("id,country\n1,FR\n");
        assertThat(encoded.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(admin.get(folder + "/contents//2015/orders.csv").body()).isEqualTo("id,country\n1,FR\n");
        assertThat(admin.upload(folder + "/contents/notes.txt", "", "n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        JsonNode items = admin.get(folder + "/contents").json().get("items");
        assertThat(items.toString()).contains("\"path\":\"/2015/orders.csv\"").contains("\"path\":\"/notes.txt\"");
        assertThat(items.get(0).get("lastModified").asLong()).isPositive();
        assertThat(dataDir.resolve("managed_folders/PMF/" + id + "/2015/orders.csv")).exists();

        assertThat(admin.delete(folder + "/contents//2015/orders.csv").status()).isEqualTo(204);
        assertThat(admin.delete(folder + "/contents//2015/orders.csv").status()).isEqualTo(204);
        assertThat(dataDir.resolve("managed_folders/PMF/" + id + "/2015")).doesNotExist();
        assertError(admin.get(folder + "/contents//2015/orders.csv"), 404, "/2015/orders.csv");

        JsonNode settings = admin.get(folder).json();
        assertThat(settings.get("name").asText()).isEqualTo("drops");
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings).put("description", "kept").putObject("unknownToTheServer").put("x", 1);
        assertThat(admin.put(folder, settings).status()).isEqualTo(200);
        assertThat(admin.get(folder).json().path("unknownToTheServer").path("x").asInt()).isEqualTo(1);
        assertThat(admin.get("/projects/PMF/managedfolders/").json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(admin.post("/projects/PMF/actions/renameManagedFolder", obj("id", id, "newName", "partner drops")).status()).isEqualTo(204);
        assertThat(admin.get(folder).json().get("name").asText()).isEqualTo("partner drops");
        assertError(admin.post("/projects/PMF/actions/renameManagedFolder", obj("id", id, "newName", " ")), 400, "newName");
        assertThat(admin.get(folder + "/usages").json()).isEmpty();
        assertThat(admin.get(folder + "/metrics/last").json().toString()).contains("basic:COUNT_FILES");
        assertThat(admin.get(folder + "/metrics/history?metricLookup=basic%3ASIZE").json().get("values")).hasSize(3);

        // deleting the folder keeps its files (as DSS)
        assertThat(admin.delete(folder).status()).isEqualTo(204);
        assertError(admin.get(folder), 404, id);
        assertThat(dataDir.resolve("managed_folders/PMF/" + id + "/notes.txt")).exists();
    }

    @Test
    void managedFolderPathsCannotLeaveTheFolder() throws Exception {
        createProject("PMFT");
        String id = createFolder("PMFT", "guarded");
        String contents = "/projects/PMFT/managedfolders/" + id + "/contents/";
        Files.writeString(dataDir.resolve("secret.txt"), "secret");
        for (String bad : List.of("..%2F..%2F..%2Fsecret.txt", "%2F..%2Fx", "%2E%2E%2Fx", "%252e%252e%2Fx", "%2F%2Fetc%2Fpasswd",
                "C%3A%2Fx", "a%2F.%2Fb", "%255c..%255cx")) {
            Api.Res r = admin.get(contents + bad);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
            assertThat(r.json().path("field").asText()).as(bad).isEqualTo("filePath");
            assertThat(r.json().path("detailedMessage").asText()).as(bad).contains("path '");
            assertThat(admin.upload(contents + bad, "", "x".getBytes(StandardCharsets.UTF_8)).status()).as(bad).isEqualTo(400);
            assertThat(admin.delete(contents + bad).status()).as(bad).isEqualTo(400);
        }
        // raw dot segments, encoded ones between slashes, encoded backslashes and NULs: the container refuses some
        // before the API (400 "Ambiguous URI path segment", "Suspicious Path Character"), never a file outside the folder
        for (String raw : List.of("../../../secret.txt", "..//..//secret.txt", "/../secret.txt", "x/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                "a%5Cb", "a%00b")) {
            Api.Res r = admin.get(contents + raw);
            assertThat(r.status()).as(raw + " -> " + r).isBetween(400, 404);
            assertThat(r.body()).doesNotContain("secret\n").isNotEqualTo("secret");
        }
        assertThat(admin.get(contents.substring(0, contents.length() - 1)).json().get("items")).isEmpty();
        assertThat(Files.readString(dataDir.resolve("secret.txt"))).isEqualTo("secret");

        Map<String, Object> escaping = obj("name", "escaping", "projectKey", "PMFT", "type", null,
                "params", obj("connection", "filesystem_folders", "path", "/../../outside"));
        assertError(admin.post("/projects/PMFT/managedfolders/", escaping), 400, "params.path");
        assertError(admin.post("/projects/PMFT/managedfolders/", obj("name", "sql", "params", obj("connection", "demo_sql"))), 400, "Filesystem");
        Api reader = userApi("managedfolderreader", "readers");
        assertError(reader.upload(contents + "x.txt", "", new byte[]{1}), 403);
        assertError(reader.post("/projects/PMFT/managedfolders/", obj("name", "mine")), 403);
    }

    @Test
    void filesInFolderDatasetIsDetectedAsThePythonClientDoes() throws Exception {
        createProject("PMFD");
        String id = createFolder("PMFD", "sales");
        admin.upload("/projects/PMFD/managedfolders/" + id + "/contents//s.csv", "",
                "id|label\n1|a\n2|b\n".getBytes(StandardCharsets.UTF_8));
        Api.Res created = admin.post("/projects/PMFD/datasets/", obj("name", "sales_ds", "projectKey", "PMFD", "type", "FilesInFolder",
                "params", obj("folderSmartId", id)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(admin.get("/projects/PMFD/managedfolders/" + id + "/usages").json().get(0).get("objectId").asText()).isEqualTo("sales_ds");
        JsonNode state = admin.post("/projects/PMFD/datasets/sales_ds/actions/testAndDetectSettings/fsLike",
                obj("detectPossibleFormats", true, "inferStorageTypes", true)).json();
        assertThat(state.get("hasResult").asBoolean()).as(state.toString()).isTrue();
        JsonNode format = state.get("result").get("format");
        assertThat(format.get("ok").asBoolean()).isTrue();
        assertThat(format.get("params").get("separator").asText()).isEqualTo("|");
        assertThat(format.get("schemaDetection").get("newSchema").get("columns").toString())
                .isEqualTo("[{\"name\":\"id\",\"type\":\"bigint\"},{\"name\":\"label\",\"type\":\"string\"}]");
        // the future is a real one
        assertThat(admin.get("/futures/" + state.get("jobId").asText() + "?peek=True").json().get("hasResult").asBoolean()).isTrue();
        assertError(admin.post("/projects/PMFD/datasets/", obj("name", "orphan", "projectKey", "PMFD", "type", "FilesInFolder",
                "params", obj("folderSmartId", "nOsUcH00"))), 400, "folderSmartId");
        assertError(admin.upload("/projects/PMFD/datasets/sales_ds/uploaded/files", "x.csv", new byte[]{1}), 400, "managed folder");
        Api.Res managed = admin.post("/projects/PMFD/datasets/managed", obj("name", "out", "creationSettings",
                obj("specificSettings", obj(), "connectionId", "filesystem_managed")));
        assertThat(managed.status()).as(managed.toString()).isEqualTo(200);
        assertThat(admin.get("/projects/PMFD/datasets/out/info").json().get("dataset").get("managed").asBoolean()).isTrue();
        assertThat(admin.get("/projects/PMFD/datasets/out/usages").json()).isEmpty();
        assertError(admin.post("/projects/PMFD/datasets/managed", obj("name", "bad", "creationSettings",
                obj("partitioningOptionId", "copy:dataset:nope"))), 400, "partitioningOptionId");
    }

    @Test
    void aFileWiderThanASchemaIsRefusedAndTheDatasetStaysUsable() {
        createProject("PWIDE");
        createUploadedDataset("PWIDE", "wide");
        // one row, no line break: what a JSON array uploaded as CSV looks like
        StringBuilder row = new StringBuilder("[1");
        for (int i = 0; i < 20_000; i++) row.append(",1234567");
        byte[] wide = row.append("]").toString().getBytes(StandardCharsets.UTF_8);

        assertError(admin.upload("/projects/PWIDE/datasets/wide/uploaded/files", "wide.csv", wide), 400,
                "file", "20001 columns", "10000");
        assertThat(admin.get("/projects/PWIDE/datasets/wide/uploaded/files").json().size()).as("the refused file is not kept").isZero();
        assertError(admin.upload("/projects/PWIDE/datasets/wide/uploaded/files", "x".repeat(252) + ".csv",
                "a\n1\n".getBytes(StandardCharsets.UTF_8)), 400, "file", "256 bytes");
        assertThat(admin.get("/projects/PWIDE/datasets/wide/schema").json().path("columns").size()).isZero();
        List<Object> columns = new java.util.ArrayList<>();
        for (int i = 0; i < 10_001; i++) columns.add(obj("name", "c" + i, "type", "string"));
        assertError(admin.put("/projects/PWIDE/datasets/wide/schema", obj("columns", columns)), 400, "columns", "10001");

        assertThat(admin.upload("/projects/PWIDE/datasets/wide/uploaded/files", "narrow.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PWIDE/datasets/wide/schema").json().path("columns").size()).isEqualTo(2);
    }

    // ---- jobs ---------------------------------------------------------------------------------

    @Test
    void jobsRunOnWorkersWithRealLogs() throws Exception {
        createProject("PJOB");
        createUploadedDataset("PJOB", "src");
        admin.upload("/projects/PJOB/datasets/src/uploaded/files", "s.csv", "x\n1\n2\n".getBytes(StandardCharsets.UTF_8));
        Api.Res started = admin.post("/projects/PJOB/jobs/", obj("type", "NON_RECURSIVE_FORCED_BUILD", "refreshHiveMetastore", false,
                "outputs", List.of(obj("type", "DATASET", "id", "src", "projectKey", "PJOB", "partition", null)),
                "autoUpdateSchemaBeforeEachRecipeRun", false));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String jobId = started.json().get("id").asText();
        JsonNode done = waitJob("PJOB", jobId);
        assertThat(done.path("baseStatus").path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("activities").path("build_src_NP").path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("globalState").path("done").asInt()).isEqualTo(1);
        String log = admin.get("/projects/PJOB/jobs/" + jobId + "/log").body();
        assertThat(log).contains("nothing upstream").contains("2 records");
        assertThat(admin.get("/projects/PJOB/jobs/" + jobId + "/log?activity=build_src_NP").body()).contains("records");
        assertThat(admin.post("/projects/PJOB/jobs/" + jobId + "/abort", null).json().get("aborted").asBoolean()).isFalse();

        String failing = admin.post("/projects/PJOB/jobs/", obj("outputs", List.of(obj("id", "missing")))).json().get("id").asText();
        assertThat(waitJob("PJOB", failing).path("baseStatus").path("state").asText()).isEqualTo("FAILED");
        assertThat(admin.get("/projects/PJOB/jobs/" + failing + "/log").body()).contains("'PJOB.missing' does not exist");
        assertThat(admin.get("/projects/PJOB/jobs/").json().size()).isEqualTo(2);
        assertThat(admin.get("/projects/PJOB/jobs/?limit=1").json().size()).isEqualTo(1);

        assertError(admin.post("/projects/PJOB/jobs/", obj("type", "FAST_BUILD", "outputs", List.of(obj("id", "src")))), 400, "type");
        assertError(admin.post("/projects/PJOB/jobs/", obj("outputs", List.of())), 400, "outputs");
        assertError(admin.post("/projects/PJOB/jobs/", obj("type", "RECURSIVE_BUILD")), 400, "outputs");
        assertError(admin.get("/projects/PJOB/jobs/nojob/"), 404);
        Api reader = userApi("jobreader", "readers");
        assertError(reader.post("/projects/PJOB/jobs/", obj("outputs", List.of(obj("id", "src")))), 403);
    }

    @Test
    void abortStopsARunningJob() throws Exception {
        createProject("PABORT");
        createUploadedDataset("PABORT", "large");
        StringBuilder sb = new StringBuilder("n,label\n");
        for (int i = 0; i < 300_000; i++) sb.append(i).append(",row ").append(i).append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        // Several files under the upload limit.
        for (int f = 0; f < 6; f++) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, 0, (int) Math.min(bytes.length, MAX_UPLOAD - 10));
            assertThat(admin.upload("/projects/PABORT/datasets/large/uploaded/files", "p" + f + ".csv", part).status()).isEqualTo(200);
        }
        List<Object> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) outputs.add(obj("id", "large"));
        String jobId = admin.post("/projects/PABORT/jobs/", obj("outputs", outputs)).json().get("id").asText();
        JsonNode abort = admin.post("/projects/PABORT/jobs/" + jobId + "/abort", null).json();
        assertThat(abort.get("success").asBoolean()).isTrue();
        assertThat(abort.get("aborted").asBoolean()).isTrue();
        assertThat(waitJob("PABORT", jobId).path("baseStatus").path("state").asText()).isEqualTo("ABORTED");
        assertThat(admin.get("/projects/PABORT/jobs/" + jobId + "/log").body()).contains("Abort");
        assertThat(admin.post("/projects/PABORT/jobs/" + jobId + "/abort", null).json().get("success").asBoolean()).isFalse();
    }

    // ---- scenarios ----------------------------------------------------------------------------

    /** The run a fire started, polled as the Python client's run_and_wait does, then polled to its end. */
    JsonNode runToEnd(String key, String scenarioId, JsonNode fire) throws InterruptedException {
        String base = "/projects/" + key + "/scenarios/" + scenarioId;
        String runId = null;
        for (int i = 0; i < 300 && runId == null; i++) {
            JsonNode r = admin.get(base + "/get-run-for-trigger?triggerId=" + fire.path("trigger").path("id").asText()
                    + "&triggerRunId=" + fire.path("runId").asText()).json();
            if (r.has("scenarioRun")) runId = r.path("scenarioRun").path("runId").asText();
            else Thread.sleep(20);
        }
        assertThat(runId).as("run started by the fire").isNotNull();
        for (int i = 0; i < 600; i++) {
            JsonNode d = admin.get(base + "/" + runId + "/").json();
            if (d.path("scenarioRun").has("result")) return d;
            Thread.sleep(50);
        }
        throw new AssertionError("scenario run did not finish");
    }

    void saveSteps(String key, String scenarioId, Object... steps) {
        JsonNode settings = admin.get("/projects/" + key + "/scenarios/" + scenarioId).json();
        Map<String, Object> s = Api.JSON.convertValue(settings, Map.class);
        s.put("params", obj("steps", List.of(steps)));
        Api.Res r = admin.put("/projects/" + key + "/scenarios/" + scenarioId, s);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void scenariosRunTheirStepsOnWorkers() throws Exception {
        createProject("PSCN");
        createUploadedDataset("PSCN", "src");
        admin.upload("/projects/PSCN/datasets/src/uploaded/files", "s.csv", "x\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8));
        Api.Res created = admin.post("/projects/PSCN/scenarios/", obj("params", obj(), "type", "step_based", "name", "Nightly build"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("id").asText()).isEqualTo("NIGHTLY_BUILD");
        assertThat(created.json().path("params").path("steps").isArray()).isTrue();
        assertThat(admin.post("/projects/PSCN/scenarios/", obj("type", "step_based", "name", "Nightly build")).json().path("id").asText())
                .isEqualTo("NIGHTLY_BUILD_2");
        assertThat(admin.get("/projects/PSCN/scenarios/").json()).hasSize(2);
        assertThat(admin.get("/projects/PSCN/scenarios/").json().get(0).path("running").asBoolean()).isFalse();

        saveSteps("PSCN", "NIGHTLY_BUILD",
                obj("id", "build", "type", "build_flowitem", "name", "Build src",
                        "params", obj("jobType", "RECURSIVE_BUILD", "builds", List.of(obj("type", "DATASET", "itemId", "src", "partitionsSpec", "")))),
                obj("type", "exec_sql", "params", obj("connection", "demo_sql", "sql", "SELECT * FROM customers WHERE id <= ${upTo}")));
        JsonNode settings = admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD").json();
        assertThat(settings.path("params").path("steps").get(1).path("id").asText()).as("ids given to steps without one").isEqualTo("step_1");
        assertThat(settings.path("versionTag").path("versionNumber").asLong()).isEqualTo(2);

        JsonNode fire = admin.post("/projects/PSCN/scenarios/NIGHTLY_BUILD/run", obj("upTo", 3)).json();
        assertThat(fire.path("cancelled").asBoolean()).isFalse();
        assertThat(fire.path("trigger").path("id").asText()).isEqualTo("manual");
        JsonNode done = runToEnd("PSCN", "NIGHTLY_BUILD", fire);
        JsonNode run = done.path("scenarioRun");
        assertThat(run.path("result").path("outcome").asText()).as(done.toString()).isEqualTo("SUCCESS");
        assertThat(run.path("runId").asText()).as("run ids start with a digit: never a fixed sub-path").matches("[0-9].*");
        assertThat(run.path("end").asLong()).isGreaterThanOrEqualTo(run.path("start").asLong());
        assertThat(run.path("trigger").path("params").path("upTo").asInt()).isEqualTo(3);
        JsonNode steps = done.path("stepRuns");
        assertThat(steps).hasSize(2);
        JsonNode item = steps.get(0).path("additionalReportItems").get(0);
        assertThat(item.path("type").asText()).isEqualTo("JOB_EXECUTED");
        JsonNode job = admin.get("/projects/PSCN/jobs/" + item.path("jobId").asText() + "/").json();
        assertThat(job.path("baseStatus").path("state").asText()).isEqualTo("DONE");
        assertThat(job.path("baseStatus").path("def").path("triggeredFrom").asText()).isEqualTo("SCENARIO");
        assertThat(steps.get(1).path("result").path("outcome").asText()).isEqualTo("SUCCESS");

        String runPath = "/projects/PSCN/scenarios/NIGHTLY_BUILD/" + run.path("runId").asText();
        String log = admin.get(runPath + "/log").body();
        assertThat(log).contains("Started job").contains("customers WHERE id <= 3").contains("Read 3 row(s)").contains("Run ended SUCCESS");
        assertThat(admin.get(runPath + "/log?stepId=build").body()).contains("Started job").doesNotContain("customers");
        assertError(admin.get(runPath + "/log?stepId=nope"), 404, "nope");
        assertError(admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/1999-01-01-00-00-00-000/"), 404);

        JsonNode last = admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/get-last-runs?limit=10&onlyFinishedRuns=False").json();
        assertThat(last).hasSize(1);
        assertThat(last.get(0).path("runId").asText()).isEqualTo(run.path("runId").asText());
        JsonNode status = admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/light").json();
        assertThat(status.path("running").asBoolean()).isFalse();
        assertThat(status.path("id").asText()).isEqualTo("NIGHTLY_BUILD");
        java.time.LocalDate today = java.time.LocalDate.now();
        assertThat(admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/get-runs-by-date?fromDate=" + today + "&toDate=" + today.plusDays(1)).json())
                .hasSize(1);
        assertThat(admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/get-runs-by-date?fromDate=" + today.minusDays(3) + "&toDate=" + today).json())
                .isEmpty();
        assertError(admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD/get-runs-by-date?fromDate=" + today.plusDays(1) + "&toDate=" + today),
                400, "fromDate");
        JsonNode again = admin.get("/projects/PSCN/scenarios/trigger/NIGHTLY_BUILD/manual?triggerRunId=" + fire.path("runId").asText()).json();
        assertThat(again.path("cancelled").asBoolean()).isFalse();
        assertError(admin.get("/projects/PSCN/scenarios/trigger/NIGHTLY_BUILD/manual?triggerRunId=nofire"), 404);

        assertThat(admin.delete("/projects/PSCN/scenarios/NIGHTLY_BUILD").json().path("success").asBoolean()).isTrue();
        assertError(admin.get("/projects/PSCN/scenarios/NIGHTLY_BUILD"), 404);
        assertError(admin.get(runPath + "/"), 404);
        assertThat(admin.get("/projects/PSCN/scenarios/").json()).hasSize(1);
    }

    @Test
    void aFailingStepFailsTheRunAndSkipsWhatDependsOnIt() throws Exception {
        createProject("PSFAIL");
        String id = admin.post("/projects/PSFAIL/scenarios/", obj("type", "step_based", "name", "Fragile")).json().path("id").asText();
        saveSteps("PSFAIL", id,
                obj("id", "broken", "type", "exec_sql", "params", obj("connection", "demo_sql", "sql", "DELETE FROM no_such_table")),
                obj("id", "skipped", "type", "exec_sql", "params", obj("connection", "demo_sql", "sql", "SELECT 1")),
                obj("id", "always", "type", "build_flowitem", "runConditionType", "RUN_ALWAYS",
                        "params", obj("builds", List.of(obj("type", "DATASET", "itemId", "missing")))));
        JsonNode done = runToEnd("PSFAIL", id, admin.post("/projects/PSFAIL/scenarios/" + id + "/run", obj()).json());
        assertThat(done.path("scenarioRun").path("result").path("outcome").asText()).isEqualTo("FAILED");
        JsonNode steps = done.path("stepRuns");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).path("step").path("id").asText()).isEqualTo("broken");
        assertThat(steps.get(0).path("result").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(steps.get(0).path("result").path("thrown").path("message").asText()).containsIgnoringCase("no_such_table");
        assertThat(steps.get(1).path("step").path("id").asText()).isEqualTo("always");
        assertThat(steps.get(1).path("result").path("thrown").path("message").asText()).contains("PSFAIL.missing");
        assertThat(steps.get(1).path("additionalReportItems").get(0).path("outcome").asText()).isEqualTo("FAILED");
        String log = admin.get("/projects/PSFAIL/scenarios/" + id + "/" + done.path("scenarioRun").path("runId").asText() + "/log").body();
        assertThat(log).contains("Step skipped").contains("Run ended FAILED");

        // a scenario that this server cannot run fails with a message saying why
        String py = admin.post("/projects/PSFAIL/scenarios/", obj("type", "custom_python", "name", "Script")).json().path("id").asText();
        assertThat(admin.put("/projects/PSFAIL/scenarios/" + py + "/payload", obj("script", "print(1)")).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PSFAIL/scenarios/" + py + "/payload").json().path("script").asText()).isEqualTo("print(1)");
        JsonNode pyRun = runToEnd("PSFAIL", py, admin.post("/projects/PSFAIL/scenarios/" + py + "/run", obj()).json());
        assertThat(pyRun.path("scenarioRun").path("result").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(pyRun.path("scenarioRun").path("result").path("thrown").path("message").asText()).contains("step_based");
    }

    @Test
    void testScenariosReportAsJUnit() throws Exception {
        createProject("PSTEST");
        String base = "/projects/PSTEST/scenarios/";
        assertThat(admin.post(base, obj("type", "step_based", "name", "Checks", "id", "CHECKS", "markedAsTest", true, "params", obj("steps", List.of(
                obj("id", "ok", "type", "exec_sql", "params", obj("connection", "demo_sql", "sql", "SELECT 1")),
                obj("id", "bad", "type", "exec_sql", "runConditionType", "RUN_ALWAYS",
                        "params", obj("connection", "demo_sql", "sql", "SELECT * FROM \"<nowhere>\"")))))).status()).isEqualTo(200);
        assertThat(admin.post(base, obj("type", "step_based", "name", "Plain", "id", "PLAIN")).status()).isEqualTo(200);
        assertThat(admin.get(base + "testing-status").json().path("nbTotalRanScenarios").asInt()).isZero();

        JsonNode checks = runToEnd("PSTEST", "CHECKS", admin.post(base + "CHECKS/run", obj()).json());
        JsonNode plain = runToEnd("PSTEST", "PLAIN", admin.post(base + "PLAIN/run", obj()).json());
        JsonNode status = admin.get(base + "testing-status").json();
        assertThat(status.path("nbTotalRanScenarios").asInt()).as(status.toString()).isEqualTo(1);
        assertThat(status.path("nbScenariosPerOutcome").path("FAILED").asInt()).isEqualTo(1);
        assertThat(status.path("worstOutcome").asText()).isEqualTo("FAILED");

        Api.Res report = admin.get(base + "last-test-scenario-runs-report");
        assertThat(report.header("Content-Type")).startsWith("application/xml");
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(report.raw().body()));
        org.w3c.dom.Element suite = (org.w3c.dom.Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(xml.getElementsByTagName("testsuite").getLength()).as("test scenarios only").isEqualTo(1);
        assertThat(suite.getAttribute("name")).isEqualTo("PSTEST.CHECKS");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(((org.w3c.dom.Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message")).contains("<nowhere>");
        assertThat(admin.get(base + "last-test-scenario-runs-html-report").body()).contains("CHECKS").contains("FAILED").doesNotContain("PLAIN");

        String runPath = base + "CHECKS/" + checks.path("scenarioRun").path("runId").asText();
        assertThat(admin.get(runPath + "/scenario-run-report").body()).contains("tests=\"2\"");
        assertThat(admin.get(runPath + "/step-run-report?stepId=ok").body()).contains("tests=\"1\" failures=\"0\"");
        assertError(admin.get(runPath + "/step-run-report?stepId=nope"), 404, "nope");
        assertError(admin.get(base + "PLAIN/" + plain.path("scenarioRun").path("runId").asText() + "/scenario-run-report"), 400,
                "not marked as a test");
        assertError(admin.get(base + "testing-status?bundleId=v1"), 400, "bundleId");
    }

    static final String ENDLESS_SQL = "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b";

    @Test
    void abortStopsARunningScenario() throws Exception {
        createProject("PSABORT");
        String id = admin.post("/projects/PSABORT/scenarios/", obj("type", "step_based", "name", "Endless")).json().path("id").asText();
        saveSteps("PSABORT", id,
                obj("id", "endless", "type", "exec_sql", "params", obj("connection", "demo_sql", "sql", ENDLESS_SQL)),
                obj("id", "after", "type", "exec_sql", "runConditionType", "RUN_ALWAYS", "params", obj("connection", "demo_sql", "sql", "SELECT 1")));
        String base = "/projects/PSABORT/scenarios/" + id;
        JsonNode fire = admin.post(base + "/run", obj()).json();
        String runId = null;
        for (int i = 0; i < 200 && runId == null; i++) {
            JsonNode r = admin.get(base + "/get-run-for-trigger?triggerId=manual&triggerRunId=" + fire.path("runId").asText()).json();
            runId = r.has("scenarioRun") ? r.path("scenarioRun").path("runId").asText() : null;
            Thread.sleep(20);
        }
        assertThat(runId).isNotNull();
        for (int i = 0; i < 200 && admin.get(base + "/" + runId + "/").json().path("stepRuns").isEmpty(); i++) Thread.sleep(20);
        JsonNode status = admin.get(base + "/light").json();
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("start").asLong()).isPositive();
        JsonNode current = admin.get(base + "/get-last-runs?limit=1&onlyFinishedRuns=False").json().get(0);
        assertThat(current.has("result")).as("the current run has no result").isFalse();
        assertThat(admin.get(base + "/get-last-runs?limit=1&onlyFinishedRuns=True").json()).isEmpty();

        JsonNode second = admin.post(base + "/run", obj()).json();
        assertThat(second.path("cancelled").asBoolean()).as("one run at a time").isTrue();
        Api.Res noRun = admin.get(base + "/get-run-for-trigger?triggerId=manual&triggerRunId=" + second.path("runId").asText());
        assertThat(noRun.status()).as(noRun.toString()).isEqualTo(200);
        assertThat(noRun.json().has("scenarioRun")).as("a cancelled fire starts no run").isFalse();

        JsonNode abort = admin.post(base + "/abort", null).json();
        assertThat(abort.path("success").asBoolean()).as(abort.toString()).isTrue();
        JsonNode done = runToEnd("PSABORT", id, fire);
        assertThat(done.path("scenarioRun").path("result").path("outcome").asText()).isEqualTo("ABORTED");
        assertThat(done.path("stepRuns")).as("nothing runs after an abort, RUN_ALWAYS included").hasSize(1);
        assertThat(done.path("stepRuns").get(0).path("result").path("outcome").asText()).isEqualTo("ABORTED");
        assertThat(admin.get(base + "/" + runId + "/log").body()).contains("Abort requested by");
        assertThat(admin.post(base + "/abort", null).json().path("success").asBoolean()).isFalse();
        assertThat(admin.get(base + "/light").json().path("running").asBoolean()).isFalse();
    }

    @Test
    void scenarioInputIsCheckedAndRightsApply() {
        createProject("PSBAD");
        String base = "/projects/PSBAD/scenarios/";
        assertError(admin.post(base, obj("type", "sql", "name", "x")), 400, "type");
        assertError(admin.post(base, obj("type", "step_based")), 400, "name");
        assertError(admin.post(base, obj("type", "step_based", "name", "t", "id", "trigger")), 400, "reserved");
        assertError(admin.post(base, obj("type", "step_based", "name", "t", "id", "not valid")), 400, "id");
        assertError(admin.post(base, obj("type", "step_based", "name", "t", "params", obj("steps", "build"))), 400, "params.steps");
        assertError(admin.post(base, obj("type", "step_based", "name", "t", "params", obj("steps", List.of(obj("name", "no type"))))), 400,
                "params.steps[0].type");
        assertThat(admin.post(base, obj("type", "step_based", "name", "t", "id", "MINE")).status()).isEqualTo(200);
        assertError(admin.post(base, obj("type", "step_based", "name", "t", "id", "MINE")), 409, "MINE");
        Map<String, Object> settings = Api.JSON.convertValue(admin.get(base + "MINE").json(), Map.class);
        settings.put("id", "OTHER");
        assertError(admin.put(base + "MINE", settings), 400, "id");
        settings.put("id", "MINE");
        settings.put("params", obj("steps", List.of(obj("id", "a", "type", "exec_sql"), obj("id", "a", "type", "exec_sql"))));
        assertError(admin.put(base + "MINE", settings), 400, "'a'");
        settings.put("params", obj("steps", List.of()));
        settings.put("unknownAttribute", obj("kept", true));
        assertThat(admin.put(base + "MINE", settings).status()).isEqualTo(200);
        assertThat(admin.get(base + "MINE").json().path("unknownAttribute").path("kept").asBoolean()).isTrue();
        assertError(admin.put(base + "MINE/payload", obj("script", "print(1)")), 400, "custom_python");
        assertError(admin.get(base + "NOPE"), 404, "NOPE");
        assertError(admin.post(base + "NOPE/run", obj()), 404);
        assertError(admin.get(base + "MINE/get-last-runs?limit=0"), 400, "limit");
        assertError(admin.get("/projects/NOPROJECT/scenarios/"), 404);
        assertThat(admin.post(base + "MINE/abort", null).json().path("success").asBoolean()).isFalse();

        Api reader = userApi("scenarioreader", "readers");
        assertError(reader.post(base, obj("type", "step_based", "name", "r")), 403);
        assertError(reader.post(base + "MINE/run", obj()), 403);
    }

    @Test
    void aRunInProgressWhenTheServerStopsEndsAborted() throws Exception {
        createProject("PSRESTART");
        String id = admin.post("/projects/PSRESTART/scenarios/", obj("type", "step_based", "name", "Long")).json().path("id").asText();
        saveSteps("PSRESTART", id, obj("id", "endless", "type", "exec_sql", "params", obj("connection", "demo_sql", "sql", ENDLESS_SQL)));
        String base = "/projects/PSRESTART/scenarios/" + id;
        JsonNode fire = admin.post(base + "/run", obj()).json();
        String runId = admin.get(base + "/get-run-for-trigger?triggerId=manual&triggerRunId=" + fire.path("runId").asText())
                .json().path("scenarioRun").path("runId").asText();
        assertThat(runId).isNotEmpty();
        server.close();
        boot();
        JsonNode run = admin.get(base + "/" + runId + "/").json();
        assertThat(run.path("scenarioRun").path("result").path("outcome").asText()).as(run.toString()).isEqualTo("ABORTED");
        assertThat(admin.get(base + "/light").json().path("running").asBoolean()).isFalse();
        assertThat(admin.get(base).json().path("params").path("steps")).hasSize(1);
        assertThat(admin.get(base + "/" + runId + "/log").body()).containsIgnoringCase("server stop");
        // and it runs again
        assertThat(admin.post(base + "/run", obj()).json().path("cancelled").asBoolean()).isFalse();
        assertThat(admin.post(base + "/abort", null).json().path("success").asBoolean()).isTrue();
    }

    // ---- recipes ------------------------------------------------------------------------------

    static Map<String, Object> recipeCreation(String key, String type, String name, String input, String output, boolean newOutput) {
        return obj("recipePrototype", obj("inputs", input == null ? obj() : obj("main", obj("items", List.of(obj("ref", input)))),
                        "outputs", obj("main", obj("items", List.of(obj("ref", output, "appendMode", false)))),
                        "type", type, "name", name, "projectKey", key),
                "creationSettings", obj("createOutputDataset", newOutput, "outputDatasetSettings", newOutput
                                ? obj("connectionId", "filesystem_managed", "typeOptionId", null,
                                "specificSettings", obj("formatOptionId", null, "overrideSQLSchema", null), "partitioningOptionId", null) : null,
                        "createOutputFolder", null, "outputFolderSettings", null));
    }

    String buildAndWait(String key, String dataset) throws InterruptedException {
        String jobId = admin.post("/projects/" + key + "/jobs/", obj("type", "NON_RECURSIVE_FORCED_BUILD",
                "outputs", List.of(obj("id", dataset, "type", "DATASET", "projectKey", key, "partition", null)))).json().get("id").asText();
        return waitJob(key, jobId).path("baseStatus").path("state").asText() + " " + jobId;
    }

    @Test
    void recipesKeepTheFlowWholeAndJobsRunThem() throws Exception {
        createProject("PREC");
        createUploadedDataset("PREC", "orders");
        admin.upload("/projects/PREC/datasets/orders/uploaded/files", "o.csv", "id,price\n1,9.5\n2,3.25\n3,12\n".getBytes(StandardCharsets.UTF_8));
        assertThat(admin.put("/projects/PREC/datasets/orders/schema", obj("columns", List.of(obj("name", "id", "type", "bigint"),
                obj("name", "price", "type", "double")))).status()).isLessThan(300);

        Api.Res created = admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "compute_orders_copy", "orders", "orders_copy", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("name").asText()).isEqualTo("compute_orders_copy");
        JsonNode copy = admin.get("/projects/PREC/datasets/orders_copy").json();
        assertThat(copy.path("managed").asBoolean()).isTrue();
        assertThat(copy.path("schema").path("columns")).as("a sync's new output has its input's schema").hasSize(2);
        assertThat(admin.get("/projects/PREC/recipes/").json().get(0).path("type").asText()).isEqualTo("sync");
        JsonNode settings = admin.get("/projects/PREC/recipes/compute_orders_copy").json();
        assertThat(settings.path("recipe").path("inputs").path("main").path("items").get(0).path("ref").asText()).isEqualTo("orders");
        JsonNode status = admin.get("/projects/PREC/recipes/compute_orders_copy/status").json();
        assertThat(status.path("allMessagesForFrontend").path("maxSeverity").asText()).as(status.toString()).isEqualTo("SUCCESS");
        assertThat(status.path("selectedEngine").path("type").asText()).isEqualTo("DSS");
        assertThat(admin.get("/projects/PREC/recipes/compute_orders_copy/schema-update").json().path("totalIncompatibilities").asInt()).isZero();

        String built = buildAndWait("PREC", "orders_copy");
        assertThat(built).startsWith("DONE");
        String jobId = built.substring(5);
        assertThat(admin.get("/projects/PREC/jobs/" + jobId + "/").json().path("activities").path("build_orders_copy_NP").path("recipeName").asText())
                .isEqualTo("compute_orders_copy");
        assertThat(admin.get("/projects/PREC/jobs/" + jobId + "/log").body()).contains("Running recipe compute_orders_copy").contains("wrote 3 records");
        assertThat(admin.get("/projects/PREC/datasets/orders_copy/data/?format=json").json().toString())
                .isEqualTo("[[\"1\",\"9.5\"],[\"2\",\"3.25\"],[\"3\",\"12\"]]");

        // the flow stays whole
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "again", "orders", "orders_copy", false)), 409,
                "compute_orders_copy");
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "compute_orders_copy", "orders", "other", true)), 409);
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "r1", "nope", "x1", true)), 400, "'nope' does not exist");
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "r2", "orders", "nope", false)), 400, "'nope' does not exist");
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "r3", "orders", "orders", true)), 409, "already exists");
        assertError(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "bad name", "orders", "x2", true)), 400, "name");
        assertError(admin.post("/projects/PREC/recipes/", obj("creationSettings", obj())), 400, "recipePrototype");
        assertThat(admin.get("/projects/PREC/datasets/x1").status()).as("nothing created by a refused creation").isEqualTo(404);

        // sql_query on the demo database, schema updates
        assertThat(admin.post("/projects/PREC/datasets/", obj("name", "customers", "projectKey", "PREC", "type", "H2",
                "params", obj("connection", "demo_sql", "table", "customers"), "formatType", null, "formatParams", obj())).status()).isEqualTo(200);
        Map<String, Object> sqlRecipe = recipeCreation("PREC", "sql_query", "compute_vips", "customers", "vips", true);
        ((Map<String, Object>) sqlRecipe.get("creationSettings")).put("script", "SELECT id, name FROM customers WHERE vip ORDER BY id");
        assertThat(admin.post("/projects/PREC/recipes/", sqlRecipe).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PREC/recipes/compute_vips/status").json().path("selectedEngine").path("type").asText()).isEqualTo("SQL");
        JsonNode updates = admin.get("/projects/PREC/recipes/compute_vips/schema-update").json();
        assertThat(updates.path("totalIncompatibilities").asInt()).as(updates.toString()).isEqualTo(2);
        assertThat(buildAndWait("PREC", "vips")).startsWith("DONE");
        assertThat(admin.get("/projects/PREC/datasets/vips/data/?format=json").json().toString())
                .isEqualTo("[[\"1\",\"Ada Lovelace\"],[\"3\",\"Grace Hopper\"]]");
        assertThat(admin.get("/projects/PREC/recipes/compute_vips/schema-update").json().path("totalIncompatibilities").asInt()).isZero();

        Map<String, Object> sqlSettings = Api.JSON.convertValue(admin.get("/projects/PREC/recipes/compute_vips").json(), Map.class);
        sqlSettings.put("payload", "SELECT id, name, country FROM customers WHERE vip ORDER BY id");
        assertThat(admin.put("/projects/PREC/recipes/compute_vips", sqlSettings).status()).isEqualTo(200);
        JsonNode wider = admin.get("/projects/PREC/recipes/compute_vips/schema-update").json();
        assertThat(wider.path("totalIncompatibilities").asInt()).isEqualTo(1);
        assertThat(wider.path("computables").get(0).path("incompatibilities").get(0).asText()).containsIgnoringCase("country");
        JsonNode applied = admin.post("/projects/PREC/recipes/compute_vips/actions/updateOutputSchema", obj("computableType", "DATASET",
                "computableId", "vips", "newSchema", wider.path("computables").get(0).path("newSchema"), "dropAndRecreate", true,
                "synchronizeMetastore", true)).json();
        assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
        assertThat(admin.get("/projects/PREC/datasets/vips/schema").json().path("columns")).hasSize(3);
        assertThat(admin.get("/projects/PREC/datasets/vips/data/?format=json").json()).as("dropped with the old schema").isEmpty();
        assertThat(buildAndWait("PREC", "vips")).startsWith("DONE");
        assertThat(admin.get("/projects/PREC/datasets/vips/data/?format=json").json().get(0).toString()).isEqualTo("[\"1\",\"Ada Lovelace\",\"UK\"]");
        assertError(admin.post("/projects/PREC/recipes/compute_vips/actions/updateOutputSchema", obj("computableId", "orders",
                "newSchema", obj("columns", List.of()))), 400, "not an output");

        sqlSettings.put("payload", "SELECT nope FROM nowhere");
        assertThat(admin.put("/projects/PREC/recipes/compute_vips", sqlSettings).status()).isEqualTo(200);
        JsonNode broken = admin.get("/projects/PREC/recipes/compute_vips/status").json();
        assertThat(broken.path("allMessagesForFrontend").path("maxSeverity").asText()).isEqualTo("ERROR");
        assertError(admin.get("/projects/PREC/recipes/compute_vips/schema-update"), 400, "nowhere");
        String failed = buildAndWait("PREC", "vips");
        assertThat(failed).startsWith("FAILED");
        assertThat(admin.get("/projects/PREC/jobs/" + failed.substring(7) + "/log").body()).contains("Recipe compute_vips failed");
        sqlSettings.put("recipe", obj("type", "sync"));
        assertError(admin.put("/projects/PREC/recipes/compute_vips", sqlSettings), 400, "type");

        // metadata, recipes this server cannot run, deletion
        JsonNode metadata = admin.get("/projects/PREC/recipes/compute_orders_copy/metadata").json();
        Map<String, Object> m = Api.JSON.convertValue(metadata, Map.class);
        m.put("tags", List.of("nightly"));
        m.put("custom", obj("kv", obj("team", "sales")));
        assertThat(admin.put("/projects/PREC/recipes/compute_orders_copy/metadata", m).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PREC/recipes/compute_orders_copy/metadata").json().path("custom").path("kv").path("team").asText())
                .isEqualTo("sales");
        Map<String, Object> python = recipeCreation("PREC", "python", "compute_py", "orders", "py_out", true);
        ((Map<String, Object>) python.get("creationSettings")).put("script", "print(1)");
        assertThat(admin.post("/projects/PREC/recipes/", python).status()).isEqualTo(200);
        assertThat(admin.get("/projects/PREC/recipes/compute_py").json().path("payload").asText()).isEqualTo("print(1)");
        assertThat(admin.get("/projects/PREC/recipes/compute_py/status").json().path("allMessagesForFrontend").path("maxSeverity").asText())
                .isEqualTo("WARNING");
        assertError(admin.get("/projects/PREC/recipes/compute_py/schema-update"), 400, "python");
        String py = buildAndWait("PREC", "py_out");
        assertThat(py).startsWith("FAILED");
        assertThat(admin.get("/projects/PREC/jobs/" + py.substring(7) + "/log").body()).contains("cannot run on this server");
        assertThat(admin.delete("/projects/PREC/recipes/compute_py").status()).isEqualTo(204);
        assertError(admin.get("/projects/PREC/recipes/compute_py"), 404);
        assertThat(admin.get("/projects/PREC/datasets/py_out").status()).as("its output stays").isEqualTo(200);
        assertThat(admin.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "compute_py_out", "orders", "py_out", false)).status())
                .as("a dataset whose recipe was deleted may get another").isEqualTo(200);
        Api reader = userApi("recipereader", "readers");
        assertError(reader.post("/projects/PREC/recipes/", recipeCreation("PREC", "sync", "r4", "orders", "x3", true)), 403);
    }

    // ---- SQL ----------------------------------------------------------------------------------

    Map<String, Object> sqlBody(String query, String connection) {
        Map<String, Object> b = obj("query", query, "preQueries", null, "postQueries", null, "connection", connection,
                "database", null, "datasetFullName", null, "projectKey", null, "type", "sql", "extraConf", obj(),
                "scriptSteps", null, "scriptInputSchema", null, "scriptOutputSchema", null, "scriptReportLocation", null,
                "datetimenotzReadMode", "AS_IS", "dateonlyReadMode", "AS_IS", "readTimestampWithoutTimezoneAsString", true,
                "readDateAsString", false);
        return b;
    }

    @Test
    void sqlQueriesOverRealJdbc() throws Exception {
        Api.Res start = admin.post("/sql/queries/", sqlBody("SELECT id, name, vip FROM customers WHERE id <= 3 ORDER BY id", "demo_sql"));
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        assertThat(start.json().get("schema").isArray()).isTrue();
        assertThat(start.json().get("schema").get(0).get("type").asText()).isEqualTo("int");
        String qid = start.json().get("queryId").asText();
        Api.Res rows = admin.get("/sql/queries/" + qid + "/stream?format=tsv-excel-noheader");
        assertThat(rows.body()).isEqualTo("1\tAda Lovelace\ttrue\n2\tAlan Turing\tfalse\n3\tGrace Hopper\ttrue\n");
        assertThat(admin.get("/sql/queries/" + qid + "/finish-streaming").status()).isEqualTo(204);
        assertError(admin.get("/sql/queries/" + qid + "/stream"), 404);

        assertError(admin.post("/sql/queries/", sqlBody("SELEC nonsense", "demo_sql")), 400, "Query failed");
        assertError(admin.post("/sql/queries/", sqlBody("SELECT 1", "nope")), 404, "nope");
        assertError(admin.post("/sql/queries/", sqlBody("SELECT 1", "filesystem_managed")), 400, "connection");
        assertError(admin.post("/sql/queries/", sqlBody(null, "demo_sql")), 400, "query");

        // A failure after the rows were sent (here in a post-query) is reported by finish-streaming.
        Map<String, Object> failingBody = sqlBody("SELECT id FROM customers ORDER BY id", "demo_sql");
        failingBody.put("postQueries", List.of("DELETE FROM no_such_table"));
        String failing = admin.post("/sql/queries/", failingBody).json().get("queryId").asText();
        assertThat(admin.get("/sql/queries/" + failing + "/stream?format=tsv-excel-noheader").body()).startsWith("1\n2\n");
        assertError(admin.get("/sql/queries/" + failing + "/finish-streaming"), 500, "failed");

        // A connection created through the API connects for real.
        Path h2 = Files.createTempDirectory("dss-h2").resolve("db");
        assertThat(admin.post("/admin/connections/", obj("name", "myh2", "type", "H2", "params", obj("url", "jdbc:h2:file:" + h2, "user", "sa", "password", ""),
                "usableBy", "ALL", "allowedGroups", List.of(), "description", null)).status()).isEqualTo(200);
        Map<String, Object> create = sqlBody("SELECT 40 + 2 AS answer", "myh2");
        create.put("preQueries", List.of("CREATE TABLE IF NOT EXISTS t (x INT)"));
        JsonNode q = admin.post("/sql/queries/", create).json();
        assertThat(admin.get("/sql/queries/" + q.get("queryId").asText() + "/stream?format=json").json().toString()).isEqualTo("[[\"42\"]]");
        if (store.jdbcUrl() != null) {
            String url = store.jdbcUrl();
            String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
            assertThat(admin.post("/admin/connections/", obj("name", "mypg", "type", "PostgreSQL", "params",
                    obj("host", hostPort.split(":")[0], "port", hostPort.split(":")[1], "db", "dss_test", "user", "dss"))).status()).isEqualTo(200);
            JsonNode pq = admin.post("/sql/queries/", sqlBody("SELECT current_database() AS db", "mypg")).json();
            assertThat(admin.get("/sql/queries/" + pq.get("queryId").asText() + "/stream?format=json").body()).contains("dss_test");
        }
        Api reader = userApi("sqlreader", "readers");
        String other = admin.post("/sql/queries/", sqlBody("SELECT 1", "demo_sql")).json().get("queryId").asText();
        assertError(reader.get("/sql/queries/" + other + "/stream"), 404);
    }

    // ---- admin --------------------------------------------------------------------------------

    @Test
    void usersAndGroups() {
        Api.Res created = admin.post("/admin/users/", obj("login", "alice", "password", "s3cret!", "displayName", "Alice", "sourceType", "LOCAL",
                "groups", List.of("analysts"), "userProfile", "DATA_SCIENTIST", "email", "alice@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.body()).doesNotContain("s3cret").doesNotContain("password");
        assertThat(admin.get("/admin/users/").body()).contains("alice").doesNotContain("s3cret").doesNotContain("$2a$");
        JsonNode alice = admin.get("/admin/users/alice").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) alice).put("displayName", "Alice L.");
        assertThat(admin.put("/admin/users/alice", alice).json().get("displayName").asText()).isEqualTo("Alice L.");
        assertError(admin.post("/admin/users/", obj("login", "alice", "password", "x")), 409);
        assertError(admin.post("/admin/users/", obj("login", "nopw", "sourceType", "LOCAL")), 400, "password");
        assertError(admin.post("/admin/users/", obj("login", "badgroup", "password", "x", "groups", List.of("nogroup"))), 400, "nogroup");
        assertError(admin.put("/admin/users/alice", obj("login", "renamed")), 400, "login");
        assertThat(admin.get("/users/alice").json().get("login").asText()).isEqualTo("alice");
        Api user = userApi("plainuser", "readers");
        assertError(user.get("/admin/users/"), 403);
        assertThat(user.get("/users/alice").status()).isEqualTo(200);
        assertThat(admin.delete("/admin/users/alice?allowSelfDeletion=False").status()).isEqualTo(204);
        assertError(admin.get("/admin/users/alice"), 404);

        assertThat(admin.get("/admin/groups/").body()).contains("administrators");
        assertThat(admin.post("/admin/groups/", obj("name", "team_x", "description", "X", "sourceType", "LOCAL")).status()).isEqualTo(200);
        assertError(admin.post("/admin/groups/", obj("name", "team_x")), 409);
        assertError(admin.post("/admin/groups/", obj("description", "no name")), 400, "name");
        JsonNode g = admin.get("/admin/groups/team_x").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) g).put("description", "changed");
        assertThat(admin.put("/admin/groups/team_x", g).json().get("description").asText()).isEqualTo("changed");
        assertThat(admin.delete("/admin/groups/team_x").status()).isEqualTo(204);
        assertError(admin.get("/admin/groups/team_x"), 404);
        assertError(user.post("/admin/groups/", obj("name", "hack")), 403);
    }

    @Test
    void connections() {
        JsonNode all = admin.get("/admin/connections/").json();
        assertThat(all.isObject()).isTrue();
        assertThat(all.has("filesystem_managed")).isTrue();
        assertThat(all.has("demo_sql")).isTrue();
        assertThat(admin.post("/admin/connections/", obj("name", "pgconn", "type", "PostgreSQL", "params", obj("host", "127.0.0.1", "db", "x"),
                "usableBy", "ALLOWED", "allowedGroups", List.of("analysts"), "description", null)).status()).isEqualTo(200);
        assertError(admin.post("/admin/connections/", obj("name", "pgconn", "type", "PostgreSQL", "params", obj("host", "h", "db", "d"))), 409);
        assertError(admin.post("/admin/connections/", obj("name", "bad", "type", "PostgreSQL", "params", obj("db", "d"))), 400, "params.host");
        assertError(admin.post("/admin/connections/", obj("name", "bad2", "type", "H2", "usableBy", "SOME", "params", obj("url", "jdbc:h2:mem:x"))), 400, "usableBy");
        JsonNode c = admin.get("/admin/connections/pgconn").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("description", "desc");
        assertThat(admin.put("/admin/connections/pgconn", c).json().get("description").asText()).isEqualTo("desc");
        assertError(admin.put("/admin/connections/pgconn", obj("type", "MySQL")), 400, "type");
        Api analyst = userApi("connanalyst", "analysts");
        assertThat(analyst.get("/connections/pgconn/info").json().get("type").asText()).isEqualTo("PostgreSQL");
        Api reader = userApi("connreader", "readers");
        assertError(reader.get("/connections/pgconn/info"), 403);
        assertError(reader.get("/admin/connections/"), 403);
        assertThat(admin.delete("/admin/connections/pgconn").status()).isEqualTo(204);
        assertError(admin.get("/admin/connections/pgconn"), 404);
    }

    @Test
    void apiKeys() {
        Api.Res g = admin.post("/admin/global-api-keys/", obj("label", "ci", "description", "d", "globalPermissions", obj("admin", false)));
        assertThat(g.status()).as(g.toString()).isEqualTo(200);
        String id = g.json().get("id").asText();
        String secret = g.json().get("key").asText();
        assertThat(admin.get("/admin/global-api-keys/").body()).contains(id).doesNotContain(secret);
        assertThat(admin.get("/admin/global-api-keys/" + id).json().has("key")).isFalse();
        assertThat(admin.get("/admin/globalAPIKeys/" + secret).json().get("id").asText()).isEqualTo(id);
        Api global = new Api(root, secret);
        assertThat(global.get("/projects/").status()).isEqualTo(200);
        assertError(global.get("/admin/users/"), 403);
        assertThat(admin.put("/admin/global-api-keys/" + id, obj("label", "renamed", "globalPermissions", obj("admin", true))).status()).isEqualTo(204);
        assertThat(global.get("/admin/users/").status()).isEqualTo(200);
        assertThat(admin.delete("/admin/global-api-keys/" + id).status()).isEqualTo(204);
        assertError(global.get("/projects/"), 401);

        Api bob = userApi("keybob", "data_scientists");
        Api.Res own = bob.post("/personal-api-keys/", obj("label", "mine", "description", ""));
        assertThat(own.status()).isEqualTo(200);
        String ownId = own.json().get("id").asText();
        assertThat(own.json().get("user").asText()).isEqualTo("keybob");
        assertThat(bob.get("/personal-api-keys/").json().size()).isEqualTo(2);
        assertThat(bob.get("/personal-api-keys/").body()).doesNotContain(own.json().get("key").asText());
        assertThat(bob.put("/personal-api-keys/" + ownId, obj("label", "renamed")).status()).isEqualTo(204);
        assertThat(bob.get("/personal-api-keys/" + ownId).json().get("label").asText()).isEqualTo("renamed");
        Api eve = userApi("keyeve", "readers");
        assertError(eve.get("/personal-api-keys/" + ownId), 404);
        assertError(eve.get("/admin/personal-api-keys/"), 403);
        assertError(eve.post("/admin/personal-api-keys/", obj("user", "keybob")), 403);
        assertThat(admin.get("/admin/personal-api-keys/").body()).contains(ownId);
        assertError(admin.post("/admin/personal-api-keys/", obj("user", "ghost", "label", "x")), 404, "ghost");
        assertError(admin.post("/admin/global-api-keys/", obj("label", "x", "groups", List.of("nogroup"))), 400, "nogroup");
        assertThat(bob.delete("/personal-api-keys/" + ownId).status()).isEqualTo(204);
        assertError(new Api(root, own.json().get("key").asText()).get("/projects/"), 401);
    }

    @Test
    void instanceAdministration() throws Exception {
        JsonNode logs = admin.get("/admin/logs/").json();
        assertThat(logs.toString()).contains("server.log").contains("audit.log");
        assertThat(admin.post("/admin/audit/custom/it-check", obj("who", "suite")).status()).isEqualTo(204);
        assertThat(admin.get("/admin/logs/audit.log").json().asText()).contains("it-check").contains("suite");
        assertThat(admin.get("/admin/logs/server.log").json().asText()).contains("listening");
        assertError(admin.get("/admin/logs/nope.log"), 404);

        JsonNode gs = admin.get("/admin/general-settings").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) gs).put("customAttribute", 42);
        assertThat(admin.put("/admin/general-settings", gs).status()).isEqualTo(204);
        assertThat(admin.get("/admin/general-settings").json().get("customAttribute").asInt()).isEqualTo(42);
        assertError(admin.put("/admin/general-settings", "\"text\""), 400);

        assertThat(admin.get("/admin/licensing/status").json().has("expired")).isTrue();
        JsonNode info = admin.get("/auth/info?withSecrets=False").json();
        assertThat(info.get("authIdentifier").asText()).isEqualTo("admin");
        assertThat(info.get("groups").toString()).contains("administrators");
        assertThat(admin.get("/plugins/").json().isArray()).isTrue();
        assertThat(admin.get("/admin/code-envs/").json().isArray()).isTrue();

        assertThat(admin.post("/meanings/", obj("id", "color", "label", "Color", "type", "VALUES_LIST", "values", List.of(obj("id", "red")))).status()).isEqualTo(200);
        assertError(admin.post("/meanings/", obj("id", "color", "label", "Color", "type", "VALUES_LIST")), 409);
        assertError(admin.post("/meanings/", obj("id", "m2", "label", "x", "type", "WRONG")), 400, "type");
        assertThat(admin.get("/meanings/").body()).contains("color");
        Api.Res savedMeaning = admin.put("/meanings/color", obj("id", "color", "label", "Colour", "type", "VALUES_LIST"));
        assertThat(savedMeaning.status()).isEqualTo(200);
        assertThat(savedMeaning.json().get("label").asText()).isEqualTo("Colour");
        assertThat(admin.get("/meanings/color").json().get("label").asText()).isEqualTo("Colour");
        assertThat(admin.delete("/meanings/color").status()).isEqualTo(204);
        assertError(admin.get("/meanings/color"), 404);

        assertThat(admin.get("/futures/?withScenarios=False&withNotScenarios=True&allUsers=False").json().isArray()).isTrue();
        assertThat(admin.get("/futures/?withScenarios=True&withNotScenarios=False&allUsers=True").json().size()).isZero();
        assertError(admin.get("/futures/nofuture?peek=False"), 404);
        assertError(admin.delete("/futures/nofuture"), 404);
        createProject("PFUT");
        String fid = admin.delete("/projects/PFUT?wait=False").json().get("jobId").asText();
        JsonNode state = null;
        for (int i = 0; i < 100; i++) {
            state = admin.get("/futures/" + fid + "?peek=True").json();
            if (state.get("hasResult").asBoolean()) break;
            Thread.sleep(50);
        }
        assertThat(state.get("result").get("projectKey").asText()).isEqualTo("PFUT");

        Api user = userApi("adminless", "readers");
        assertError(user.get("/admin/logs/"), 403);
        assertError(user.get("/admin/general-settings"), 403);
        assertError(user.get("/admin/licensing/status"), 403);
        assertError(user.post("/meanings/", obj("id", "x", "label", "x", "type", "DECLARATIVE")), 403);
        assertError(user.get("/futures/?allUsers=True"), 403);
        assertThat(user.get("/auth/info").json().get("authIdentifier").asText()).isEqualTo("adminless");
    }

    @Test
    void exportIsARealZip() throws Exception {
        createProject("PEXP");
        createUploadedDataset("PEXP", "up");
        admin.upload("/projects/PEXP/datasets/up/uploaded/files", "u.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        Api.Res r = admin.post("/projects/PEXP/export", obj());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("zip");
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.raw().body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(entries.get("project.json")).contains("PEXP");
        assertThat(entries).containsKey("datasets/up.json");
        assertThat(entries.get("uploads/up/u.csv")).isEqualTo("a\n1\n");
        Api.Res noData = admin.post("/projects/PEXP/export", obj("exportUploads", false));
        assertThat(new String(noData.raw().body(), StandardCharsets.ISO_8859_1)).doesNotContain("uploads/up/u.csv");
        assertError(admin.post("/projects/PEXP/export", obj("exportUploads", "yes")), 400, "exportUploads");
        assertError(admin.post("/projects/NOPE/export", obj()), 404);
    }

    @Test
    void restartKeepsEverything() throws Exception {
        createProject("PKEEP");
        createUploadedDataset("PKEEP", "kept");
        admin.upload("/projects/PKEEP/datasets/kept/uploaded/files", "k.csv", "v\nsurvivor\n".getBytes(StandardCharsets.UTF_8));
        Api keeper = userApi("keeper", "analysts");
        String jobId = admin.post("/projects/PKEEP/jobs/", obj("outputs", List.of(obj("id", "kept")))).json().get("id").asText();
        String folderId = createFolder("PKEEP", "kept_files");
        admin.upload("/projects/PKEEP/managedfolders/" + folderId + "/contents//kept.txt", "", "kept".getBytes(StandardCharsets.UTF_8));
        waitJob("PKEEP", jobId);
        server.close();
        boot();
        assertThat(admin.get("/projects/PKEEP").status()).isEqualTo(200);
        assertThat(admin.get("/projects/PKEEP/datasets/kept/data/?format=json").json().toString()).isEqualTo("[[\"survivor\"]]");
        assertThat(admin.get("/admin/users/keeper").status()).isEqualTo(200);
        assertThat(admin.get("/projects/PKEEP/jobs/" + jobId + "/").json().path("baseStatus").path("state").asText()).isEqualTo("DONE");
        assertThat(new Api(root, keeper.key()).get("/auth/info").json().get("authIdentifier").asText()).isEqualTo("keeper");
        assertThat(admin.get("/projects/PKEEP/managedfolders/" + folderId + "/contents//kept.txt").body()).isEqualTo("kept");
        assertThat(admin.get("/projects/PKEEP/managedfolders/" + folderId).json().get("name").asText()).isEqualTo("kept_files");
    }

}
