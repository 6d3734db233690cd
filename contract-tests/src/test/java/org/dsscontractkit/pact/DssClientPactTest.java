package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.sql.SqlQuerySpec;
import org.dsscontractkit.contract.provider.ProviderStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Java client's handle layer expects from a DSS public API provider: projects, datasets and their schema,
 * admin users and groups. Written to target/pacts/dss-java-client-dss-reference-server.json and verified against
 * the reference server by {@code DssReferenceServerPactIT}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ProviderStates.DSS_PROVIDER, pactVersion = PactSpecVersion.V4)
class DssClientPactTest {

    private static final String BASE = "/dip/publicapi";
    // query booleans: the contract accepts both spellings (Python sends True/False, Java false/true)
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String JOB_STATE = "NOT_STARTED|RUNNING|DONE|FAILED|ABORTED";
    private static final String BOOLEAN = "true|false|True|False";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static DSSClient client(MockServer mockServer) {
        return new DSSClient(mockServer.getUrl(), "any-key");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact listProjects(PactDslWithProvider builder) {
        return builder.given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a request to list the projects")
                .method("GET").path(BASE + "/projects/").matchQuery("includeLocation", BOOLEAN, "false")
                .willRespondWith().status(200).headers(JSON)
                .body(PactDslJsonArray.arrayMinLike(1).stringType("projectKey", ProviderStates.PROJECT).closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listProjects")
    void listProjectKeys(MockServer mockServer) {
        assertThat(client(mockServer).listProjectKeys()).contains(ProviderStates.PROJECT);
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact projectSummary(PactDslWithProvider builder) {
        return builder.given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a request for a project's summary")
                .method("GET").path(BASE + "/projects/" + ProviderStates.PROJECT)
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringValue("projectKey", ProviderStates.PROJECT).stringType("name", "Pact project"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "projectSummary")
    void getSummary(MockServer mockServer) {
        JsonNode summary = client(mockServer).getProject(ProviderStates.PROJECT).getSummary();
        assertThat(summary.path("projectKey").asText()).isEqualTo(ProviderStates.PROJECT);
        assertThat(summary.path("name").asText()).isNotEmpty();
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact missingProject(PactDslWithProvider builder) {
        return builder.given(ProviderStates.NO_SUCH_PROJECT)
                .uponReceiving("a request for a project that does not exist")
                .method("GET").path(BASE + "/projects/NO_SUCH_PROJECT")
                .willRespondWith().status(404).headers(JSON)
                .body(new PactDslJsonBody().stringType("errorType", "com.dataiku.dip.server.controllers.NotFoundException")
                        .stringType("message", "Project not found: NO_SUCH_PROJECT"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "missingProject")
    void missingProjectIsADataikuException(MockServer mockServer) {
        var project = client(mockServer).getProject("NO_SUCH_PROJECT");
        org.assertj.core.api.Assertions.assertThatThrownBy(project::getSummary)
                .isInstanceOfSatisfying(org.dsscontractkit.client.DataikuException.class,
                        e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact datasetSchema(PactDslWithProvider builder) {
        return builder.given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a request for a dataset's schema")
                .method("GET").path(BASE + "/projects/" + ProviderStates.PROJECT + "/datasets/orders/schema")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().minArrayLike("columns", 1)
                        .stringType("name", "id").stringMatcher("type", "string|bigint|int|double|float|boolean|date", "bigint")
                        .closeObject().closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "datasetSchema")
    void getSchema(MockServer mockServer) {
        JsonNode schema = client(mockServer).getProject(ProviderStates.PROJECT).getDataset("orders").getSchema();
        assertThat(schema.path("columns").get(0).path("name").asText()).isEqualTo("id");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact uploadedFiles(PactDslWithProvider builder) {
        return builder.given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a request for an uploaded dataset's files")
                .method("GET").path(BASE + "/projects/" + ProviderStates.PROJECT + "/datasets/orders/uploaded/files")
                .willRespondWith().status(200).headers(JSON)
                .body(PactDslJsonArray.arrayMinLike(1).stringType("path", "/orders.csv").integerType("size", 42).closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "uploadedFiles")
    void listUploadedFiles(MockServer mockServer) {
        JsonNode files = client(mockServer).getProject(ProviderStates.PROJECT).getDataset("orders").uploadedListFilesRaw();
        assertThat(files.get(0).path("path").asText()).endsWith(".csv");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact uploadFile(PactDslWithProvider builder) throws java.io.IOException {
        return builder.given(ProviderStates.EMPTY_UPLOADED_DATASET)
                .uponReceiving("an upload of a file into an uploaded-files dataset")
                .method("POST").path(BASE + "/projects/" + ProviderStates.PROJECT + "/datasets/incoming/uploaded/files")
                .withFileUpload("file", "orders.csv", "application/octet-stream",
                        "id,price\n1,9.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringType("path", "/orders.csv"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "uploadFile")
    void uploadedAddFile(MockServer mockServer) {
        client(mockServer).getProject(ProviderStates.PROJECT).getDataset("incoming").uploadedAddFile(
                new java.io.ByteArrayInputStream("id,price\n1,9.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "orders.csv");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact folderFileRoundTrip(PactDslWithProvider builder) throws java.io.IOException {
        String folder = BASE + "/projects/" + ProviderStates.PROJECT + "/managedfolders/";
        // a file at the folder's top: its path is one plain segment (nested paths travel %2F-encoded, see
        // ManagedFolderHandlesIT; pact mock servers differ on decoding them)
        String file = "/contents/orders.csv";
        return builder.given(ProviderStates.EMPTY_MANAGED_FOLDER)
                .uponReceiving("an upload of a file into a managed folder")
                .method("POST").pathFromProviderState(folder + "${folderId}" + file, folder + "Xz81Lq0a" + file)
                .withFileUpload("file", "orders.csv", "application/octet-stream",
                        ProviderStates.FOLDER_FILE_CONTENT.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringValue("path", "/orders.csv")
                        .integerType("size", ProviderStates.FOLDER_FILE_CONTENT.length()).integerType("lastModified", 1442418929502L))
                .given(ProviderStates.MANAGED_FOLDER_WITH_FILE)
                .uponReceiving("a download of a file of a managed folder")
                .method("GET").pathFromProviderState(folder + "${folderId}" + file, folder + "Xz81Lq0a" + file)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/octet-stream.*", "application/octet-stream")
                .body(ProviderStates.FOLDER_FILE_CONTENT, "application/octet-stream")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "folderFileRoundTrip")
    void uploadThenDownloadAFolderFile(MockServer mockServer) throws Exception {
        var folder = client(mockServer).getProject(ProviderStates.PROJECT).getManagedFolder("Xz81Lq0a");
        var stored = folder.putFile("orders.csv", new java.io.ByteArrayInputStream(
                ProviderStates.FOLDER_FILE_CONTENT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored.getPath()).isEqualTo("/orders.csv");
        try (var in = folder.getFile("orders.csv")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(ProviderStates.FOLDER_FILE_CONTENT);
        }
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact dataStream(PactDslWithProvider builder) {
        String dataset = BASE + "/projects/" + ProviderStates.PROJECT + "/datasets/orders";
        return builder.given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a streamed read of a dataset's rows")
                .method("GET").path(dataset + "/data/").query("format=tsv-excel-noheader")
                .matchQuery("readSessionId", UUID, "0d6c1f7e-2b1a-4c55-9a53-2b0e6f0b8a11")
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "text/tab-separated-values.*", "text/tab-separated-values; charset=UTF-8")
                .body(PactDslRootValue.stringMatcher("([^\\t\\n]*\\t[^\\t\\n]*\\n){3}", "1\t9.5\n2\t3.25\n3\t12\n"))
                .given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("a request for the schema of a dataset being streamed")
                .method("GET").path(dataset + "/schema")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().minArrayLike("columns", 1)
                        .stringType("name", "id").stringMatcher("type", "string|bigint|int|double|float|boolean|date", "bigint")
                        .closeObject().closeArray())
                .given(ProviderStates.PROJECT_WITH_ORDERS)
                .uponReceiving("the end of a streamed read")
                .method("GET").path(dataset + "/finish-streaming/")
                .matchQuery("readSessionId", UUID, "0d6c1f7e-2b1a-4c55-9a53-2b0e6f0b8a11")
                .willRespondWith().status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "dataStream")
    void iterRows(MockServer mockServer) throws Exception {
        try (var rows = client(mockServer).getProject(ProviderStates.PROJECT).getDataset("orders").iterRows()) {
            int count = 0;
            for (var row : rows) {
                assertThat(row).isNotNull();
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact jobs(PactDslWithProvider builder) {
        String jobs = BASE + "/projects/" + ProviderStates.PROJECT + "/jobs/";
        return builder.given(ProviderStates.ORDERS_BUILT)
                .uponReceiving("a request to list a project's jobs")
                .method("GET").path(jobs)
                .willRespondWith().status(200).headers(JSON)
                .body(PactDslJsonArray.arrayMinLike(1).stringMatcher("state", JOB_STATE, "DONE")
                        .object("def").stringType("id", "Build_orders_2024")
                        .minArrayLike("outputs", 1).stringValue("id", "orders").closeObject().closeArray()
                        .closeObject().closeObject())
                .given(ProviderStates.ORDERS_BUILT)
                .uponReceiving("a request for a job's status")
                .method("GET").pathFromProviderState(jobs + "${jobId}/", jobs + "Build_orders_2024/")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().object("baseStatus").stringMatcher("state", JOB_STATE, "DONE")
                        .object("def").stringType("id", "Build_orders_2024")
                        .minArrayLike("outputs", 1).stringValue("id", "orders").closeObject().closeArray()
                        .closeObject().closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "jobs")
    void jobStatus(MockServer mockServer) {
        var project = client(mockServer).getProject(ProviderStates.PROJECT);
        String jobId = project.listJobsRaw().get(0).path("def").path("id").asText();
        assertThat(project.getJob(jobId).getState()).isEqualTo("DONE");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact runScenarioAndWait(PactDslWithProvider builder) {
        String scenario = BASE + "/projects/" + ProviderStates.PROJECT + "/scenarios/" + ProviderStates.SCENARIO;
        String fireId = "2024-05-04-10-20-30-100";
        String runId = "2024-05-04-10-20-30-101";
        return builder.given(ProviderStates.SCENARIO_BUILDING_ORDERS)
                .uponReceiving("a request to run a scenario")
                .method("POST").path(scenario + "/run").body("{}", "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringMatcher("runId", "[0-9].*", fireId).booleanValue("cancelled", false)
                        .object("trigger").stringType("id", "manual").closeObject())
                .given(ProviderStates.SCENARIO_RAN)
                .uponReceiving("a request for the run a trigger fire started")
                .method("GET").path(scenario + "/get-run-for-trigger")
                .query("triggerId=manual")
                .queryParameterFromProviderState("triggerRunId", "${triggerRunId}", fireId)
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().object("scenarioRun").stringMatcher("runId", "[0-9].*", runId)
                        .integerType("start", 1714810830101L).integerType("end", 0L)
                        .object("scenario").stringValue("projectKey", ProviderStates.PROJECT).stringValue("id", ProviderStates.SCENARIO)
                        .closeObject().closeObject())
                .given(ProviderStates.SCENARIO_RAN)
                .uponReceiving("a request for the details of a finished scenario run")
                .method("GET").pathFromProviderState(scenario + "/${runId}/", scenario + "/" + runId + "/")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody()
                        .minArrayLike("stepRuns", 1).stringMatcher("runId", "[0-9].*", "2024-05-04-10-20-30-102")
                        .integerType("start", 1714810830102L).integerType("end", 1714810831900L)
                        .object("result").stringValue("outcome", "SUCCESS").closeObject().asBody()
                        .object("step").stringValue("id", "build_orders").stringValue("type", "build_flowitem").closeObject()
                        .closeObject().closeArray().asBody()
                        .object("scenarioRun").stringMatcher("runId", "[0-9].*", runId)
                        .integerType("start", 1714810830101L).integerType("end", 1714810832000L)
                        .object("result").stringValue("outcome", "SUCCESS").closeObject().asBody()
                        .object("scenario").stringValue("projectKey", ProviderStates.PROJECT).stringValue("id", ProviderStates.SCENARIO)
                        .closeObject().closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "runScenarioAndWait")
    void runScenarioAndWait(MockServer mockServer) {
        var run = client(mockServer).getProject(ProviderStates.PROJECT).getScenario(ProviderStates.SCENARIO).runAndWait();
        assertThat(run.getOutcome()).isEqualTo("SUCCESS");
        assertThat(run.getId()).isEqualTo("2024-05-04-10-20-30-101");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact sqlQuery(PactDslWithProvider builder) {
        String queries = BASE + "/sql/queries/";
        // the request body is exactly what the client serialises (every option of the Python client, nulls included)
        String startBody = SqlQuerySpec.of(ProviderStates.SQL).connection("demo_sql").toBody(MAPPER).toString();
        return builder.given(ProviderStates.SQL_CONNECTION_WITH_CUSTOMERS)
                .uponReceiving("a request to start a SQL query")
                .method("POST").path(queries).body(startBody, "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringType("queryId", "q-42")
                        .minArrayLike("schema", 1).stringType("name", "id").stringType("type", "bigint").closeObject().closeArray())
                .given(ProviderStates.SQL_QUERY_STARTED)
                .uponReceiving("a request for the rows of a started SQL query")
                .method("GET").pathFromProviderState(queries + "${queryId}/stream", queries + "q-42/stream")
                .query("format=tsv-excel-noheader")
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "text/tab-separated-values.*", "text/tab-separated-values; charset=UTF-8")
                .body(PactDslRootValue.stringMatcher("(?s).*\\n", "1\tAda Lovelace\ttrue\n"))
                .given(ProviderStates.SQL_QUERY_READ)
                .uponReceiving("a check that a SQL query ran to its end")
                .method("GET").pathFromProviderState(queries + "${queryId}/finish-streaming", queries + "q-42/finish-streaming")
                .willRespondWith().status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sqlQuery")
    void sqlQuery(MockServer mockServer) throws Exception {
        var query = client(mockServer).sqlQuery(ProviderStates.SQL, "demo_sql");
        assertThat(query.getQueryId()).isEqualTo("q-42");
        int rows = 0;
        try (var stream = query.iterRows()) {
            for (var row : stream) {
                rows++;
            }
        }
        query.verify();
        assertThat(rows).isEqualTo(1);
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact listUsers(PactDslWithProvider builder) {
        return builder.given(ProviderStates.USER_WITHOUT_ADMIN)
                .uponReceiving("a request to list the users")
                .method("GET").path(BASE + "/admin/users/").matchQuery("includeSettings", BOOLEAN, "false")
                .willRespondWith().status(200).headers(JSON)
                .body(PactDslJsonArray.arrayMinLike(1).stringType("login", ProviderStates.USER).stringType("displayName", "Pact user")
                        .eachLike("groups", PactDslJsonRootValue.stringType("readers")).closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listUsers")
    void listUsers(MockServer mockServer) {
        assertThat(client(mockServer).listUsersRaw().get(0).path("login").asText()).isEqualTo(ProviderStates.USER);
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact getUser(PactDslWithProvider builder) {
        return builder.given(ProviderStates.USER_WITHOUT_ADMIN)
                .uponReceiving("a request for a user's definition")
                .method("GET").path(BASE + "/admin/users/" + ProviderStates.USER)
                .willRespondWith().status(200).headers(JSON)
                .body(new PactDslJsonBody().stringValue("login", ProviderStates.USER).stringType("displayName", "Pact user")
                        .array("groups").stringValue("readers").closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getUser")
    void getUserDefinition(MockServer mockServer) {
        JsonNode definition = client(mockServer).getUser(ProviderStates.USER).getDefinition();
        assertThat(definition.path("groups").toString()).contains("readers").doesNotContain("administrators");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact listGroups(PactDslWithProvider builder) {
        return builder.given(ProviderStates.USER_WITHOUT_ADMIN)
                .uponReceiving("a request to list the groups")
                .method("GET").path(BASE + "/admin/groups/")
                .willRespondWith().status(200).headers(JSON)
                .body(PactDslJsonArray.arrayMinLike(1).stringType("name", "readers").booleanType("admin", false).closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listGroups")
    void listGroups(MockServer mockServer) {
        assertThat(client(mockServer).listGroupsRaw().get(0).has("admin")).isTrue();
    }
}
