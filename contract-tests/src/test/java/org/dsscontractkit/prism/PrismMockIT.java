package org.dsscontractkit.prism;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.apinode.APINodeClient;
import org.dsscontractkit.spec.OpenApiResources;
import org.dsscontractkit.web.HeadlessChromium;
import org.dsscontractkit.web.WebApp;
import org.dsscontractkit.pact.ChildProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against {@code prism mock} of the mock-ready documents (as the README runs them): the spec's
 * examples alone are enough for a client (or a frontend) to work without a server, and Prism accepts the client's
 * requests as valid.
 */
class PrismMockIT {

    private static PrismProcess dss;
    private static PrismProcess apiNode;

    @BeforeAll
    static void start() {
        dss = PrismProcess.mock(OpenApiResources.DSS_PUBLIC_API_MOCK_JSON);
        apiNode = PrismProcess.mock(OpenApiResources.APINODE_USER_API_MOCK_JSON);
    }

    @AfterAll
    static void stop() {
        if (dss != null) {
            dss.close();
        }
        if (apiNode != null) {
            apiNode.close();
        }
    }

    @Test
    void projectsDatasetsAndUsersFromTheExamples() throws Exception {
        DSSClient client = new DSSClient(dss.url(), "any-key");
        int before = dss.violations().size();

        assertThat(client.listProjectKeys()).contains("MYPROJECT");
        var project = client.getProject("MYPROJECT");
        assertThat(project.getSummary().path("name").asText()).isNotBlank();
        JsonNode columns = project.getDataset("dataset1").getSchema().path("columns");
        assertThat(columns.size()).isPositive();
        assertThat(columns.get(0).path("name").asText()).isNotBlank();
        assertThat(client.listUsersRaw().get(0).path("login").asText()).isNotBlank();
        assertThat(project.listJobsRaw().isArray()).isTrue();

        assertThat(dss.violations().subList(before, dss.violations().size()))
                .as("Prism's verdict on the client's requests").isEmpty();
    }

    /**
     * What a UI developer asks the stateless mock for: each documented answer of each operation, picked with
     * {@code Prefer: code=...}, under both bases clients send (and the API node's).
     */
    @Test
    void everyOperationAnswersEachDocumentedStatusWithItsExample() throws Exception {
        int before = dss.violations().size();
        List<String> wrong = new java.util.ArrayList<>();
        int asked = 0;
        for (String base : List.of("/dip/publicapi/", "/public/api/")) {
            DocumentedAnswers.Report report = DocumentedAnswers.of(OpenApiResources.DSS_PUBLIC_API_MOCK_JSON)
                    .askAll(dss.url(), base);
            asked += report.asked();
            wrong.addAll(report.wrong());
        }
        DocumentedAnswers.Report apiNodeReport = DocumentedAnswers.of(OpenApiResources.APINODE_USER_API_MOCK_JSON)
                .askAll(apiNode.url(), "/public/api/v1/");
        wrong.addAll(apiNodeReport.wrong());
        System.out.printf("Prism mock: %d documented answers asked with Prefer: code=..., %d wrong%n",
                asked + apiNodeReport.asked(), wrong.size());

        assertThat(wrong).as("answers of the Prism mock that are not the documented ones").isEmpty();
        // 99 DSS operations, each with at least a success and its 401 and 403, under two bases
        assertThat(asked).isGreaterThan(2 * 99 * 3);
        assertThat(apiNodeReport.asked()).isGreaterThan(13 * 3);
        assertThat(dss.violations().subList(before, dss.violations().size()))
                .as("Prism's verdict on requests built from the examples").isEmpty();
    }

    @Test
    void preferExamplePicksANamedExample() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(dss.url()
                        + "/dip/publicapi/futures/a1b2c3d4")).header("Authorization", "Basic YW55LWtleTo=");

        var first = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var done = http.send(request.header("Prefer", "example=done").build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isNotEqualTo(first.body());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(done.body()).path("hasResult").asBoolean()).isTrue();
    }

    @Test
    void theMockRejectsARequestThatBreaksTheSpec() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        int before = dss.violations().size();

        // a project without its projectKey: what a drifted client would send
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dss.url() + "/dip/publicapi/projects/"))
                        .header("Authorization", "Basic YW55LWtleTo=").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"no key\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // Prism answers an invalid request with the document's own 400 (422 when a document declares one)
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("projectKey");
        assertThat(dss.violations().subList(before, dss.violations().size()))
                .anySatisfy(line -> assertThat(line).contains("projectKey"));
    }

    @Test
    void theWebFrontendModuleWorksAgainstTheMocks() throws Exception {
        Path compiled = Path.of(System.getProperty("typescript.outDir", "target/typescript"), "dssWebApi.prism.test.js");
        assertThat(compiled).as("the frontend module's mock test, compiled by WebFrontendPactTest (test phase)")
                .isRegularFile();
        // fails with the runner's whole output unless node exits 0
        String output = ChildProcess.run(List.of(System.getProperty("node.bin", "node"), "--test", "--test-reporter=spec",
                        compiled.toString()), compiled.getParent(),
                Map.of("DSS_MOCK_URL", dss.url(), "APINODE_MOCK_URL", apiNode.url()), "node --test");
        System.out.println(output);

        assertThat(output).contains("pass 4", "fail 0");
    }

    /** The same module in the browser: a page on another origin calls the mock, which answers CORS for any origin. */
    @Test
    void theWebFrontendModuleWorksAgainstTheMockInTheBrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.start();
        try (WebApp app = WebApp.start()) {
            String dom = chromium.dumpDom(app.projectsPage("localhost", dss.url(), "any-key"));

            assertThat(WebApp.status(dom)).startsWith("loaded ");
            assertThat(dom).contains("data-key=\"MYPROJECT\"");
        }
    }

    @Test
    void apiNodePredictionFromTheExamples() throws Exception {
        JsonNode prediction = new APINodeClient(apiNode.url(), "fraud_svc", "fraud-demo-key-0001")
                .predictRecord("fraud_detection", Map.of("customer_id", 2136, "transaction_amount", 233.33));

        assertThat(prediction.path("result").has("prediction")).isTrue();
        assertThat(apiNode.violations()).as("Prism's verdict on the client's requests").isEmpty();
    }
}
