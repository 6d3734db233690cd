package org.dsscontractkit.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.e2e.E2eRoute;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;
import org.dsscontractkit.pact.ChildProcess;
import org.dsscontractkit.pact.RenamingProvider;
import org.dsscontractkit.spec.OpenApiResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The clients through {@code prism proxy} of the mock-ready documents in front of the reference server: Prism checks
 * every request and response, and the build fails listing its violations unless there are none.
 */
class PrismProxyIT {

    private static final String E2E_SUITES = "org.dsscontractkit.client.e2e";

    /**
     * End-to-end tests Prism 5.16 cannot carry, and why; they run everywhere else. Each must still exist (a renamed
     * test fails here rather than silently running through Prism).
     */
    private static final Map<String, String> NOT_THROUGH_PRISM = Map.of(
            "DatasetHandlesIT.abortedJobEndsAborted", "uploads a gzip file: Prism reads every request body that is"
                    + " not JSON as UTF-8 text and forwards the re-encoded text, so a binary upload arrives corrupted");

    private static ReferenceServerProcess server;
    /** Prism's proxies of the two mock documents in front of the reference server (it hosts the API node too). */
    private static PrismProcess dssPrism;
    private static PrismProcess apiNodePrism;

    @BeforeAll
    static void start() {
        server = ReferenceServerProcess.get();
        dssPrism = PrismProcess.proxy(OpenApiResources.DSS_PUBLIC_API_MOCK_JSON, server.directUrl());
        apiNodePrism = PrismProcess.proxy(OpenApiResources.APINODE_USER_API_MOCK_JSON, server.directUrl());
    }

    @AfterAll
    static void stop() {
        if (dssPrism != null) {
            dssPrism.close();
        }
        if (apiNodePrism != null) {
            apiNodePrism.close();
        }
    }

    /**
     * Every flow the end-to-end suites cover ({@code client/e2e/*IT}: projects, folders, datasets, uploads and rows,
     * metrics, jobs, SQL, futures, admin, API keys, the API node), run again with Prism's proxy in the chain: client →
     * validating proxy → Prism proxy → server. The validating proxy stands first as in every run of the suites; it
     * also hands Prism each body with a Content-Length (Prism 5.16 forwards a chunked body with both
     * Transfer-Encoding and Content-Length, which servers rightly refuse).
     */
    @Test
    void everyEndToEndFlowThroughPrismProxyHasNoViolations() throws Exception {
        List<PrismProcess> apiNodePrisms = new CopyOnWriteArrayList<>();
        int before = dssPrism.violations().size();
        long requestsBefore = dssPrism.requests();
        try (ValidatingProxy front = ValidatingProxy.start(URI.create(dssPrism.url()), ContractValidator.shared())) {
            // the API node suite runs its own API node server: a Prism proxy goes in front of that one
            E2eRoute.through(front.uri().toString(), apiNode -> {
                PrismProcess prism = PrismProcess.proxy(OpenApiResources.APINODE_USER_API_MOCK_JSON, apiNode.toString());
                apiNodePrisms.add(prism);
                return URI.create(prism.url());
            });
            EngineExecutionResults results;
            try {
                results = EngineTestKit.engine("junit-jupiter").selectors(selectPackage(E2E_SUITES))
                        .filters(notThroughPrism()).execute();
            } finally {
                E2eRoute.direct();
            }

            List<String> failures = results.testEvents().failed().stream().map(PrismProxyIT::describe).toList();
            List<String> violations = new ArrayList<>(dssPrism.violations().subList(before, dssPrism.violations().size()));
            long requests = dssPrism.requests() - requestsBefore;
            for (PrismProcess prism : apiNodePrisms) {
                violations.addAll(prism.violations());
                requests += prism.requests();
            }
            long tests = results.testEvents().started().count();
            System.out.printf("Prism proxy over the end-to-end suites: %d tests (%d failed, %d left out: %s), %d requests"
                    + " validated, %d violations%n", tests, failures.size(), NOT_THROUGH_PRISM.size(),
                    NOT_THROUGH_PRISM.keySet(), requests, violations.size());

            assertThat(failures).as("end-to-end tests failing through Prism's proxy").isEmpty();
            assertThat(violations).as("Prism proxy violations:%n%s", String.join("\n", violations)).isEmpty();
            assertThat(tests).as("end-to-end tests run through Prism").isGreaterThan(30);
            assertThat(apiNodePrisms).as("the API node suite went through Prism too").hasSize(1);
            assertThat(requests).isGreaterThan(tests);

            // and the check can fail: a route the document does not declare is reported
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create(dssPrism.url() + "/dip/publicapi/no-such-route")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(dssPrism.violations()).anySatisfy(line -> assertThat(line).contains("route not found"));
        } finally {
            apiNodePrisms.forEach(PrismProcess::close);
        }
    }

    /**
     * The Java client straight at Prism (no validating proxy in front), as a user points it: the file upload goes
     * with a Content-Length, so Prism forwards it intact.
     */
    @Test
    void theJavaClientUploadsAndReadsRowsThroughPrismProxy() throws Exception {
        int before = dssPrism.violations().size();
        DSSClient client = new DSSClient(dssPrism.url(), server.adminKey());
        DSSProject project = client.createProject(uniqueKey(), "Through Prism", "admin");
        try {
            DSSDataset orders = uploadedOrders(client, project, "id,price\n1,9.5\n2,3.25\n", "id", "bigint", "price", "double");
            int rows = 0;
            try (var stream = orders.iterRows()) {
                for (var row : stream) {
                    rows++;
                }
            }
            var job = orders.build(null, null, true, true, Duration.ofSeconds(60));

            assertThat(rows).isEqualTo(2);
            assertThat(job.getState()).isIn("DONE", "FAILED");
            assertThat(dssPrism.violations().subList(before, dssPrism.violations().size()))
                    .as("Prism proxy violations").isEmpty();
        } finally {
            project.delete(true, true, true, true);
        }
    }

    /** The web UI's TypeScript module from Node, against the stateful server through Prism's proxy. */
    @Test
    void theWebFrontendModuleWorksAgainstTheReferenceServerThroughPrismProxy() throws Exception {
        Path compiled = Path.of(System.getProperty("typescript.outDir", "target/typescript"), "dssWebApi.reference.test.js");
        assertThat(compiled).as("the frontend module's test, compiled by WebFrontendPactTest (test phase)").isRegularFile();
        DSSClient admin = new DSSClient(server.baseUrl(), server.adminKey());
        String key = uniqueKey();
        DSSProject project = admin.createProject(key, "Web frontend", "admin");
        uploadedOrders(admin, project, "id,price,label\n1,9.5,plain\n2,,\"with, comma\"\n",
                "id", "bigint", "price", "double", "label", "string");
        int dssBefore = dssPrism.violations().size();
        int apiNodeBefore = apiNodePrism.violations().size();
        try {
            String output = ChildProcess.run(List.of(System.getProperty("node.bin", "node"), "--test",
                    "--test-reporter=spec", compiled.toString()), compiled.getParent(), Map.of("DSS_URL", dssPrism.url(),
                    "APINODE_URL", apiNodePrism.url(), "DSS_API_KEY", server.adminKey(), "PROJECT_KEY", key), "node --test");
            System.out.println(output);

            assertThat(output).contains("pass 4", "fail 0");
            List<String> violations = new ArrayList<>(dssPrism.violations().subList(dssBefore, dssPrism.violations().size()));
            violations.addAll(apiNodePrism.violations().subList(apiNodeBefore, apiNodePrism.violations().size()));
            assertThat(violations).as("Prism proxy violations").isEmpty();
        } finally {
            project.delete(true, true, true, true);
        }
    }

    @Test
    void prismProxyReportsAProviderThatRenamedAField() throws Exception {
        try (RenamingProvider broken = new RenamingProvider(server.directUrl());
             PrismProcess prism = PrismProcess.proxy(OpenApiResources.DSS_PUBLIC_API_MOCK_JSON, broken.url())) {
            DSSClient admin = new DSSClient(server.directUrl(), server.adminKey());
            String key = uniqueKey();
            admin.createProject(key, "Renamed behind Prism", "admin");

            var summary = new DSSClient(prism.url(), server.adminKey()).getProject(key).getSummary();

            assertThat(summary.has("projectKey")).as("the broken provider's answer reaches the client").isFalse();
            List<String> violations = prism.violations();
            System.out.println("Prism proxy in front of the broken provider:\n" + String.join("\n", violations));
            assertThat(violations).anySatisfy(line -> assertThat(line).contains("projectKey"));
            admin.getProject(key).delete(true, true, true, true);
        }
    }

    /**
     * Creates the dataset {@code orders} of the project from a local CSV file (uploaded with a Content-Length, as the
     * Python client does) and gives it a schema.
     *
     * @param columns name, type, name, type...
     */
    private static DSSDataset uploadedOrders(DSSClient client, DSSProject project, String csv, String... columns)
            throws java.io.IOException {
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        Path file = Files.createTempFile("orders", ".csv");
        try {
            Files.writeString(file, csv);
            orders.uploadedAddFile(file);
        } finally {
            Files.delete(file);
        }
        List<Map<String, String>> schema = new ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) {
            schema.add(Map.of("name", columns[i], "type", columns[i + 1]));
        }
        orders.setSchema(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("columns", schema)));
        return orders;
    }

    /** Leaves out {@link #NOT_THROUGH_PRISM}, after checking each of those tests exists. */
    private static PostDiscoveryFilter notThroughPrism() {
        for (String test : NOT_THROUGH_PRISM.keySet()) {
            String[] parts = test.split("\\.");
            try {
                Class.forName(E2E_SUITES + "." + parts[0]).getDeclaredMethod(parts[1]);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("NOT_THROUGH_PRISM names " + test + ", which is not an end-to-end test (renamed?)", e);
            }
        }
        return descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .filter(NOT_THROUGH_PRISM::containsKey)
                .map(name -> FilterResult.excluded(NOT_THROUGH_PRISM.get(name)))
                .orElse(FilterResult.included("runs through Prism"));
    }

    private static String uniqueKey() {
        return "PRISM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String describe(Event failed) {
        String where = failed.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .orElse(failed.getTestDescriptor().getDisplayName());
        return where + ": " + failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::toString).orElse("failed");
    }
}
