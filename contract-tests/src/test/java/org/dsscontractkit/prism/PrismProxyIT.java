package org.dsscontractkit.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.pact.RenamingProvider;
import org.junit.jupiter.api.Test;

/**
 * An end-to-end flow through {@code prism proxy} in front of the reference server: Prism validates every request and
 * response against the bundled document, and the build fails listing its violations unless there are none.
 */
class PrismProxyIT {

    @Test
    void endToEndFlowThroughPrismProxyHasNoViolations() throws Exception {
        ReferenceServerProcess server = ReferenceServerProcess.get();
        try (PrismProcess prism = PrismProcess.proxy(OpenApiDocument.DSS_PUBLIC_API, "/dip/publicapi", server.directUrl())) {
            DSSClient client = new DSSClient(prism.url(), server.adminKey());
            String key = "PRISM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

            DSSProject project = client.createProject(key, "Through Prism", "admin");
            assertThat(client.listProjectKeys()).contains(key);
            var metadata = (com.fasterxml.jackson.databind.node.ObjectNode) project.getMetadata();
            metadata.put("label", "Proxied");
            project.setMetadata(metadata);
            assertThat(project.getSummary().path("projectKey").asText()).isEqualTo(key);

            DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                    Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
            // a local file goes with a Content-Length: Prism 5.16 forwards a chunked multipart body with both
            // Transfer-Encoding and Content-Length, which the server rightly refuses (400)
            Path csv = Files.createTempFile("orders", ".csv");
            Files.writeString(csv, "id,price\n1,9.5\n2,3.25\n");
            orders.uploadedAddFile(csv);
            Files.delete(csv);
            orders.setSchema(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("columns", List.of(
                    Map.of("name", "id", "type", "bigint"), Map.of("name", "price", "type", "double")))));
            assertThat(orders.getSchema().path("columns")).hasSize(2);
            int rows = 0;
            try (var stream = orders.iterRows()) {
                for (var row : stream) {
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(2);
            var job = orders.build(null, null, true, true, Duration.ofSeconds(60));
            assertThat(job.getState()).isIn("DONE", "FAILED");
            assertThat(project.listJobs()).extracting(j -> j.getDef().path("id").asText()).contains(job.getId());
            assertThat(client.listUsers()).extracting(u -> u.getLogin()).contains("admin");
            project.delete(true, true, true, true);

            List<String> violations = prism.violations();
            assertThat(violations).as("Prism proxy violations:\n" + String.join("\n", violations)).isEmpty();
            System.out.println("Prism proxy: " + prism.logText().lines().filter(l -> l.contains("Request received")).count()
                    + " requests validated, " + violations.size() + " violations");

            // and the check can fail: a route the document does not declare is reported
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(prism.url() + "/dip/publicapi/no-such-route")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(prism.violations()).anySatisfy(line -> assertThat(line).contains("route not found"));
        }
    }

    @Test
    void prismProxyReportsAProviderThatRenamedAField() throws Exception {
        ReferenceServerProcess server = ReferenceServerProcess.get();
        try (RenamingProvider broken = new RenamingProvider(server.directUrl());
             PrismProcess prism = PrismProcess.proxy(OpenApiDocument.DSS_PUBLIC_API, "/dip/publicapi", broken.url())) {
            DSSClient admin = new DSSClient(server.directUrl(), server.adminKey());
            String key = "PRISM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            admin.createProject(key, "Renamed behind Prism", "admin");

            var summary = new DSSClient(prism.url(), server.adminKey()).getProject(key).getSummary();

            assertThat(summary.has("projectKey")).as("the broken provider's answer reaches the client").isFalse();
            List<String> violations = prism.violations();
            System.out.println("Prism proxy in front of the broken provider:\n" + String.join("\n", violations));
            assertThat(violations).anySatisfy(line -> assertThat(line).contains("projectKey"));
            admin.getProject(key).delete(true, true, true, true);
        }
    }
}
