package org.dsscontractkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.pact.RenamingProvider;
import org.dsscontractkit.reference.testing.NotYetExercised;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar contract-tests-<version>-cli.jar conformance ...} as an administrator runs it: against the
 * reference server (read-only and with writes: conformant, every GET reached, the unreachable ones named with the
 * reason), against a drifting DSS (each drift named with its operation and rule), behind a self-signed certificate,
 * and on bad input (exit 2, one line).
 */
class ConformanceCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "CONFSEED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final List<String> DEMO_SERVICES = List.of("fraud_svc", "pricing_svc", "iris_svc", "uplift_svc",
            "forecast_svc", "python_svc", "sql_svc", "lookup_svc");

    private static ReferenceServerProcess server;
    private static OpenApiDocument dssDocument;

    @TempDir
    Path reports;

    private record Run(int exit, String output, Path reportDir) {
        String markdown() throws Exception {
            return Files.readString(reportDir.resolve("conformance-report.md"));
        }

        String junit() throws Exception {
            return Files.readString(reportDir.resolve("TEST-conformance.xml"));
        }
    }

    /**
     * What a DSS in use holds, in a project of the test's own: an uploaded dataset with rows and a job that built
     * it, a managed folder with a file; and on the instance a meaning and a personal API key of the admin.
     */
    @BeforeAll
    static void seed(@TempDir Path dir) throws Exception {
        server = ReferenceServerProcess.get();
        dssDocument = OpenApiDocument.fromClasspath(OpenApiDocument.DSS_PUBLIC_API);
        DSSClient client = new DSSClient(server.directUrl(), server.adminKey());
        DSSProject project = client.createProject(SEED, "Conformance seed", "admin");
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv", Map.of("separator", ","));
        Path csv = Files.writeString(dir.resolve("orders.csv"), "id,customer,amount\n1,ann,12.5\n2,bob,7\n3,cy,40.25\n");
        orders.uploadedAddFile(csv);
        orders.build();
        project.createManagedFolder("drops").putFile("/2015/orders.csv", csv);
        client.createMeaning("conformance_sku_" + SEED.toLowerCase(), "SKU", "PATTERN", null, null, null, "[A-Z]{3}",
                null, false);
        client.createPersonalApiKey("conformance seed", "read by the conformance run");
    }

    private Run run(String... args) throws Exception {
        Path reportDir = Files.createTempDirectory(reports, "report");
        String jar = System.getProperty("contract.kit.cli.jar");
        assertThat(jar).as("system property contract.kit.cli.jar").isNotNull();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar, "conformance"));
        command.addAll(List.of(args));
        command.addAll(List.of("--report-dir", reportDir.toString()));
        Path log = Files.createTempFile(reports, "cli", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("conformance finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("$ dss-contract-kit conformance " + String.join(" ", args) + "\n" + output);
        return new Run(process.exitValue(), output, reportDir);
    }

    private static long gets(OpenApiDocument document) {
        return document.operations().stream().filter(op -> op.method().equals("GET")).count();
    }

    /**
     * GETs the walk does not reach yet (the ledger's {@code conformance-walk} rows, each with its reason): printed by
     * the run as not reached; the ledger can only shrink.
     */
    private static final List<String> NOT_WALKED_YET =
            List.copyOf(NotYetExercised.of(NotYetExercised.Suite.CONFORMANCE_WALK).keySet());

    private static List<String> notReached(String output) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  (\\w+) \\(GET [^)]*\\): ").matcher(
                output.contains("GET operations not reached") ? output.substring(output.indexOf("GET operations not reached"))
                        : "");
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void readOnlyTheReferenceServerIsConformantAndTheRunNamesWhatOnlyWritesReach() throws Exception {
        Run run = run("--url", server.directUrl(), "--api-key", server.adminKey(), "--project", SEED);

        assertThat(run.exit()).as(run.output()).isZero();
        long gets = gets(dssDocument);
        assertThat(run.output()).contains("Checking " + server.directUrl() + "/public/api (DSS ", ", read-only")
                .contains("dss-public-api: GET operations reached " + (gets - 3 - NOT_WALKED_YET.size()) + " / " + gets
                        + ", other operations exercised 0 / ")
                .contains("0 violations in 0 operations")
                .contains("getFutureState (GET /futures/{futureId}): no future is running on the server")
                .contains("streamSqlQueryResults (GET /sql/queries/{queryId}/stream): needs a SQL query, which only a"
                        + " POST starts: run with --allow-writes --sql-connection NAME")
                .contains("CONFORMANT: no exchange broke the contract");
        List<String> expected = new ArrayList<>(List.of("getFutureState", "streamSqlQueryResults", "finishSqlQueryStreaming"));
        expected.addAll(NOT_WALKED_YET);
        assertThat(notReached(run.output())).containsExactlyInAnyOrderElementsOf(expected);
        String markdown = run.markdown();
        assertThat(markdown).contains("**Conformant**", "| dss-public-api | " + (gets - 3 - NOT_WALKED_YET.size()) + " / " + gets + " |",
                "## GET operations not reached");
        assertThat(markdown.lines().filter(l -> l.matches("\\| \\d+ \\| .*")))
                .as("a read-only run sends nothing but GET").isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("| `GET /public/api/"));
        assertThat(markdown).as("the key never reaches a report").doesNotContain(server.adminKey());
        assertThat(run.junit()).contains("<testsuite name=\"dss-contract-kit conformance\"", "failures=\"0\"",
                "<testcase classname=\"conformance.dss-public-api\" name=\"listProjects (GET /projects/)\"",
                "<skipped message=\"needs a SQL query");
    }

    @Test
    void withWritesAndTheApiNodeEveryGetOperationIsReachedAndTheScratchProjectIsGone() throws Exception {
        DSSClient client = new DSSClient(server.directUrl(), server.adminKey());
        String scratch = "CONFSCRATCH_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> args = new ArrayList<>(List.of("--url", server.directUrl() + "/dip/publicapi/", "--api-key",
                server.adminKey(), "--project", SEED, "--allow-writes", "--scratch-project", scratch,
                "--sql-connection", "demo_sql", "--apinode-url", server.directUrl(), "--service-key",
                "fraud-demo-key-0001", "--apinode-admin-key", server.adminKey()));
        DEMO_SERVICES.forEach(service -> args.addAll(List.of("--service", service)));

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.output()).isZero();
        long gets = gets(dssDocument);
        OpenApiDocument apiNode = OpenApiDocument.fromClasspath(OpenApiDocument.APINODE_USER_API);
        assertThat(run.output()).contains("/dip/publicapi (DSS ", "with writes in scratch project " + scratch)
                .contains("dss-public-api: GET operations reached " + (gets - NOT_WALKED_YET.size()) + " / " + gets)
                .contains("apinode-user-api: GET operations reached " + gets(apiNode) + " / " + gets(apiNode)
                        + ", other operations exercised " + (apiNode.operations().size() - gets(apiNode)) + " / "
                        + (apiNode.operations().size() - gets(apiNode)))
                .contains("CONFORMANT");
        assertThat(notReached(run.output())).containsExactlyInAnyOrderElementsOf(NOT_WALKED_YET);
        assertThat(client.listProjectKeys()).as("the scratch project is deleted, the seed left alone")
                .doesNotContain(scratch).contains(SEED);
        assertThat(client.getProject(SEED).getDataset("orders").getSchema().path("columns")).hasSize(3);
        assertThat(run.markdown()).contains("`POST /dip/publicapi/projects/` | 200",
                "`DELETE /dip/publicapi/projects/" + scratch + "?clearJobAndScenarioLogs=True");
    }

    @Test
    void aDriftingServerIsNotConformantAndEachDriftIsNamedWithItsOperationAndRule() throws Exception {
        try (RenamingProvider renaming = new RenamingProvider(server.directUrl());
             ForwardingDss drifting = ForwardingDss.drifting(renaming.url(), ConformanceCliIT::drift)) {
            Run run = run("--url", drifting.url() + "/public/api", "--api-key", server.adminKey(), "--project", SEED,
                    "--sample", "2");

            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("Violations, by operation:", "NOT CONFORMANT");
            assertThat(violationLines(run.output()))
                    .as("projectKey renamed to key (RenamingProvider)")
                    .anySatisfy(l -> assertThat(l).startsWith("listProjects ").contains("validation.response.body.schema.required"))
                    .anySatisfy(l -> assertThat(l).startsWith("getProjectSummary ").contains("validation.response.body.schema.required"))
                    .as("a user's enabled flag sent as a string")
                    .anySatisfy(l -> assertThat(l).startsWith("listUsers ").contains("validation.response.body.schema.type"))
                    .as("project metadata answered 201")
                    .anySatisfy(l -> assertThat(l).startsWith("getProjectMetadata ").contains("validation.response.status.unknown"))
                    .as("the log list sent as text/plain")
                    .anySatisfy(l -> assertThat(l).startsWith("listLogs ").contains("validation.response.contentType.notAllowed"))
                    .as("a meaning type the document does not know")
                    .anySatisfy(l -> assertThat(l).startsWith("listMeanings ").contains("validation.response.body.schema.enum"));
            assertThat(run.junit()).contains("<failure message=\"", "name=\"listUsers (GET /admin/users/)\"");
            assertThat(run.markdown()).contains("**Not conformant**", "### getProjectMetadata (GET /projects/{projectKey}/metadata)");
        }
    }

    /** "listUsers (GET ...): rule: ..." per violation, joined from the summary's two-level listing. */
    private static List<String> violationLines(String output) {
        List<String> lines = new ArrayList<>();
        String operation = null;
        for (String line : output.lines().toList()) {
            if (line.matches("  \\w+ \\((GET|POST|PUT|DELETE) .*\\): \\d+")) {
                operation = line.trim();
            } else if (line.startsWith("    ") && operation != null) {
                lines.add(operation + " " + line.trim());
            } else if (!line.startsWith("  ")) {
                operation = null;
            }
        }
        return lines;
    }

    private static ForwardingDss.Answer drift(String method, String path, ForwardingDss.Answer answer)
            throws java.io.IOException {
        if (path.endsWith("/admin/users/") && answer.status() == 200) {
            JsonNode users = JSON.readTree(answer.body());
            users.forEach(user -> ((ObjectNode) user).set("enabled", TextNode.valueOf("yes")));
            return new ForwardingDss.Answer(200, answer.contentType(), JSON.writeValueAsBytes(users));
        }
        if (path.endsWith("/metadata") && path.contains("/projects/") && !path.contains("/datasets/")) {
            return new ForwardingDss.Answer(201, answer.contentType(), answer.body());
        }
        if (path.endsWith("/admin/logs/")) {
            return new ForwardingDss.Answer(answer.status(), "text/plain", answer.body());
        }
        if (path.endsWith("/meanings/") && answer.status() == 200) {
            JsonNode meanings = JSON.readTree(answer.body());
            meanings.forEach(meaning -> ((ObjectNode) meaning).put("type", "FREE_TEXT"));
            return new ForwardingDss.Answer(200, answer.contentType(), JSON.writeValueAsBytes(meanings));
        }
        return answer;
    }

    @Test
    void behindASelfSignedCertificateTheRunNeedsInsecureAndThenPasses(@TempDir Path work) throws Exception {
        try (ForwardingDss tls = ForwardingDss.selfSignedTls(server.directUrl(), work)) {
            Run refused = run("--url", tls.url(), "--api-key", server.adminKey());
            Run insecure = run("--url", tls.url() + "/public/api", "--api-key", server.adminKey(), "--insecure",
                    "--project", SEED, "--sample", "1");

            assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("dss-contract-kit: TLS handshake with 127.0.0.1:").contains("add --insecure"));
            assertThat(insecure.exit()).as(insecure.output()).isZero();
            assertThat(insecure.output()).contains("Checking " + tls.url() + "/public/api", "CONFORMANT");
        }
    }

    @Test
    void badInputAndAnUnreachableServerExitWith2AndOneLine() throws Exception {
        int closed = ReferenceServerProcess.freePort();
        Map<String, List<String>> cases = Map.of(
                "cannot connect to 127.0.0.1:" + closed, List.of("--url", "http://127.0.0.1:" + closed,
                        "--api-key", "k"),
                "--api-key: " + server.directUrl() + "/public/api refused the key (401)", List.of("--url",
                        server.directUrl(), "--api-key", "not-a-key"),
                "--url: no DSS public API at " + server.directUrl() + "/nothing/public/api (GET /auth/info answered 404",
                List.of("--url", server.directUrl() + "/nothing", "--api-key", server.adminKey()),
                "--scratch-project: only with --allow-writes", List.of("--url", server.directUrl(), "--api-key", "k",
                        "--scratch-project", "X"),
                "--service: required with --apinode-url", List.of("--apinode-url", server.directUrl()),
                "--url: expected http(s)://host[:port][/path], got ftp://dss", List.of("--url", "ftp://dss",
                        "--api-key", "k"));
        for (Map.Entry<String, List<String>> bad : cases.entrySet()) {
            Run run = run(bad.getValue().toArray(String[]::new));

            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.output().strip().lines()).as(run.output()).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("dss-contract-kit: ").contains(bad.getKey()));
        }
    }
}
