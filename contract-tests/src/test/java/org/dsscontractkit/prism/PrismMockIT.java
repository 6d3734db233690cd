package org.dsscontractkit.prism;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.apinode.APINodeClient;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.pact.ChildProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against {@code prism mock} of the bundled documents: the spec's examples alone are enough for a
 * client (or a frontend) to work without a server, and Prism accepts the client's requests as valid.
 */
class PrismMockIT {

    private static PrismProcess dss;
    private static PrismProcess apiNode;

    @BeforeAll
    static void start() {
        dss = PrismProcess.mock(OpenApiDocument.DSS_PUBLIC_API, "/dip/publicapi");
        apiNode = PrismProcess.mock(OpenApiDocument.APINODE_USER_API, "");
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

    @Test
    void apiNodePredictionFromTheExamples() throws Exception {
        JsonNode prediction = new APINodeClient(apiNode.url(), "fraud_svc", "fraud-demo-key-0001")
                .predictRecord("fraud_detection", Map.of("customer_id", 2136, "transaction_amount", 233.33));

        assertThat(prediction.path("result").has("prediction")).isTrue();
        assertThat(apiNode.violations()).as("Prism's verdict on the client's requests").isEmpty();
    }
}
