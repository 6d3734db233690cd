package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.fuzz.MisbehavingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's CLI jar as a user runs it ({@code java -jar contract-tests-<version>-cli.jar ...}): each command (fuzz too) passes
 * on a provider or pacts that honour the contract, fails (exit 1) naming what broke on ones that do not, and
 * rejects bad input with a one-line message (exit 2).
 */
class ContractKitCliIT {

    private static ReferenceServerProcess server;
    private static RenamingProvider broken;

    private record Run(int exit, String output) {
    }

    @BeforeAll
    static void start() throws IOException {
        server = ReferenceServerProcess.get();
        broken = new RenamingProvider(server.directUrl());
    }

    @AfterAll
    static void stop() {
        broken.close();
    }

    private static List<String> command(String... args) {
        String jar = System.getProperty("contract.kit.cli.jar");
        assertThat(jar).as("system property contract.kit.cli.jar").isNotNull();
        assertThat(Path.of(jar)).as("the CLI jar (built in the package phase)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(String... args) throws Exception {
        Path log = Files.createTempFile("contract-kit-cli", ".log");
        Process process = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("CLI finished").isTrue();
        String output = Files.readString(log);
        Files.delete(log);
        System.out.println("$ dss-contract-kit " + String.join(" ", args) + "\n" + output);
        return new Run(process.exitValue(), output);
    }

    @Test
    void checkPactsAcceptsThePactsOurConsumersWrote() throws Exception {
        Run run = run("check-pacts", System.getProperty("pact.dir", "target/pacts"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("dss-java-client-dss-reference-server.json").containsPattern("\\d+ pacts, \\d+ interactions, 0 violations");
    }

    @Test
    void checkPactsNamesTheInteractionAndRuleOfABrokenPact(@TempDir Path dir) throws Exception {
        Path pact = dir.resolve("broken-consumer-dss.json");
        Files.writeString(pact, """
                {"consumer":{"name":"broken-consumer"},"provider":{"name":"dss-reference-server"},"interactions":[{
                  "type":"Synchronous/HTTP","description":"list projects with a renamed key",
                  "request":{"method":"GET","path":"/dip/publicapi/projects/"},
                  "response":{"status":200,"headers":{"Content-Type":["application/json"]},
                              "body":{"content":[{"key":"P"}],"contentType":"application/json","encoded":false}}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}
                """);

        Run run = run("check-pacts", dir.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL", "list projects with a renamed key", "validation.response.body.schema.required",
                "1 pacts, 1 interactions, 1 violations");
    }

    @Test
    void checkPactsRejectsWhatIsNotAPact(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("half.json"), "{\"consumer\":");

        Run missing = run("check-pacts", dir.resolve("nowhere").toString());
        Run invalid = run("check-pacts", notJson.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("is neither a pact file nor a folder").doesNotContain("Exception\n\tat ");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.output()).contains("half.json: not a pact file (invalid JSON");
    }

    @Test
    void verifyProviderPassesOnTheReferenceServerWithThePactsPublishedInTheJar() throws Exception {
        Run run = run("verify-provider", "--url", server.directUrl(), "--admin-key", server.adminKey());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK   dss-java-client - a request to list the projects")
                .containsPattern("(\\d+) interactions verified, 0 failed; \\d+ exchanges checked against the OpenAPI documents, 0 violations");
        assertThat(interactionsVerified(run.output())).as("DSS and API node interactions of every published pact")
                .isGreaterThanOrEqualTo(21);
    }

    @Test
    void verifyProviderFailsOnAProviderThatRenamedAField() throws Exception {
        Run run = run("verify-provider", "--url", broken.url(), "--state-url", server.directUrl(),
                "--admin-key", server.adminKey(), "--api", "dss", "--consumer", PactNames.CONSUMER);

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL dss-java-client - a request to list the projects",
                "violates the OpenAPI document", "validation.response.body.schema.required");
        assertThat(run.output()).as("--consumer keeps the other consumers' pacts out").doesNotContain("dss-web-frontend");
    }

    @Test
    void verifyProviderRejectsBadOptions() throws Exception {
        Run badUrl = run("verify-provider", "--url", "ftp://dss.example.com", "--admin-key", "k");
        Run noKey = run("verify-provider", "--url", server.directUrl(), "--api", "dss");

        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.output()).contains("--url: expected http(s)://host[:port], got ftp://dss.example.com");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.output()).contains("--admin-key: required");
    }

    @Test
    void proxyReportsTheExchangesThatBreakTheContractWhenStopped() throws Exception {
        int port = ReferenceServerProcess.freePort();
        Path log = Files.createTempFile("contract-kit-proxy", ".log");
        Process proxy = new ProcessBuilder(command("proxy", "--target", server.directUrl(), "--port", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitOutput(log, "Validating proxy listening on");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString((server.adminKey() + ":").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/dip/publicapi/projects/")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> undeclared = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/dip/publicapi/no-such-route/")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).as("forwarded to the provider").isEqualTo(200);
            assertThat(undeclared.statusCode()).as("forwarded as it is, reported at the end").isEqualTo(404);
        } finally {
            proxy.destroy();
            assertThat(proxy.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String output = Files.readString(log);
        System.out.println(output);

        assertThat(proxy.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("VIOLATION GET /dip/publicapi/no-such-route/", "validation.request.path.missing",
                "Contract validation: 2 exchanges validated, 1 violations; operations exercised 1 / ");
    }

    @Test
    void fuzzFromTheJarPassesAServerThatHoldsAndFailsOneThatDoesNot(@TempDir Path dir) throws Exception {
        // a fake server, not the shared reference server: the fuzz would spoil the state the other suites use
        // (ReferenceServerFuzzIT fuzzes a reference server of its own)
        try (MisbehavingServer fake = new MisbehavingServer()) {
            String[] common = {"fuzz", "--url", fake.url().toString(), "--api", "apinode", "--endpoint", "svc/ep",
                    "--api-key", MisbehavingServer.KEY, "--requests", "80", "--seed", "3"};
            Run holds = run(concat(common, "--spec", resource(dir, "well-behaved-api.yaml")));
            Run fails = run(concat(common, "--spec", resource(dir, "misbehaving-api.yaml")));
            Run bad = run("fuzz", "--url", fake.url().toString(), "--requests", "0");

            assertThat(holds.exit()).as(holds.output()).isZero();
            assertThat(holds.output()).contains("Spec-driven fuzz: seed 3, 80 requests over 4 operations", "No finding.");
            assertThat(fails.exit()).as(fails.output()).isEqualTo(1);
            assertThat(fails.output()).contains("[SERVER_ERROR] ", "explodes", "Replay: fuzz --url " + fake.url()
                    + " --api apinode --seed 3 --case <index>");
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.output()).contains("--requests: must be at least 1");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String resource(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (var in = ContractKitCliIT.class.getResourceAsStream("/fuzz/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file.toString();
    }

    private static int interactionsVerified(String output) {
        var matcher = java.util.regex.Pattern.compile("(\\d+) interactions verified").matcher(output);
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static void awaitOutput(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(log).contains(text)) {
            assertThat(System.nanoTime()).as("proxy started: " + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
