package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar runs on its own: picocli, Jackson, Swagger Parser, logging all wired, stdout kept for data. */
class ExecutableJarIT {
    @TempDir Path dir;
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() { server.close(); }

    private record Run(int exit, String out, String err) {
    }

    private static List<String> command(String... args) {
        return command(List.of(), args);
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        String jar = System.getProperty("apiConnectJar", "target/api-connect-0.1.0-SNAPSHOT.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = command(args);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("API_TOKEN", "jar-secret-token");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void fetchToStdoutRecipeWithProgressAndConfigErrorFromTheJar() throws Exception {
        server.on("/things", (r, i) -> Reply.json(i == 0
                ? "{\"items\": [{\"id\": 1}], \"next\": \"" + server.url("/things") + "?page=2\"}" : "{\"items\": [{\"id\": 2}]}"));
        server.on("/thing", (r, i) -> r.query().contains("id=2")
                ? Reply.status(500, "{\"echo\": \"" + r.header("Authorization") + "\"}") : Reply.json("{\"ok\": true}"));
        Path list = Fixtures.write(dir, "list.yaml", """
                endpoint: {url: '%s', dataPath: items}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/things")));
        Run fetch = run("fetch", "-p", list.toString(), "--format", "jsonl");
        assertThat(fetch.exit()).isZero();
        assertThat(fetch.out()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
        assertThat(fetch.err()).isEqualTo("fetched 2 rows from 2 page(s)\n");

        Path one = Fixtures.write(dir, "one.yaml", """
                auth: {type: bearer, token: {env: API_TOKEN}}
                endpoint: {url: '%s', query: {id: '{{id}}'}, retry: {maxRetries: 0}}
                """.formatted(server.url("/thing")));
        Path in = Fixtures.write(dir, "in.csv", "id\n1\n2\n");
        Run recipe = run("recipe", "-p", one.toString(), "-i", in.toString(), "--progress", "plain");
        assertThat(recipe.exit()).isZero();
        assertThat(recipe.out()).isEqualTo("id,dku_error,ok\n1,,true\n2,\"Error 500: {\"\"echo\"\": \"\"Bearer ***\"\"}\",\n");
        assertThat(recipe.err()).contains("done: 2/2 (100%)").doesNotContain("jar-secret-token").doesNotContain("SLF4J");

        Path bad = Fixtures.write(dir, "bad.yaml", "endpoint: {url: '%s', dataPath: 'a..b'}".formatted(server.url("/things")));
        Run config = run("fetch", "-p", bad.toString());
        assertThat(config.exit()).isEqualTo(2);
        assertThat(config.err()).isEqualTo("api-connect: configuration error: " + bad + ": endpoint.dataPath: invalid path 'a..b': empty key at position 2\n");
        assertThat(config.out()).isEmpty();
    }

    @Test
    void fetchToAPipeShowsEachPageAsItArrivesAndKeepsItWhenALaterPageFails() throws Exception {
        // Page 2 is answered only once the rows of page 1 have come out of the process's stdout (or after 60 s,
        // which fails the test): rows are flushed per page, not at the end.
        CountDownLatch pageOneSeen = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean rowsCameFirst = new java.util.concurrent.atomic.AtomicBoolean();
        server.on("/stream", (r, i) -> {
            if (i == 0) return Reply.json("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"" + server.url("/stream") + "?page=2\"}");
            try {
                rowsCameFirst.set(pageOneSeen.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.status(503, "{\"error\": \"gone\"}");
        });
        Path preset = Fixtures.write(dir, "stream.yaml", """
                endpoint: {url: '%s', dataPath: items, retry: {maxRetries: 0}}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/stream")));
        Process p = new ProcessBuilder(command("fetch", "-p", preset.toString(), "--format", "jsonl", "-q"))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines.add(stdout.readLine());
            lines.add(stdout.readLine());
            pageOneSeen.countDown();
            for (String line; (line = stdout.readLine()) != null; ) lines.add(line);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rowsCameFirst).as("page 1 rows reached stdout while page 2 was pending").isTrue();
        assertThat(lines).containsExactly("{\"id\":1}", "{\"id\":2}");
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("api-connect: failed: Error 503");
    }

    @Test
    void aRateLimitedRecipeSpacesItsFirstRequestsInAColdJvm() throws Exception {
        // As reported: with -c 4 the first starts of a fresh JVM came within a few ms of each other (the first
        // request spends ~1 s loading the HTTP client while the next ones are let through). Start times are the
        // server's; no two may be closer than 80% of the 1 s interval (only bunching can fail this; the interval is
        // long so that a thread of client or server delayed by a loaded machine stays well inside the margin).
        server.on("/item", (r, i) -> Reply.json("{\"ok\": true}"));
        Path preset = Fixtures.write(dir, "limited.yaml", "endpoint: {url: '%s', query: {id: '{{id}}'}, requestsPerMinute: 60, retry: {maxRetries: 0}}"
                .formatted(server.url("/item")));
        Path in = Fixtures.write(dir, "ids.csv", "id\n1\n2\n3\n4\n5\n");
        Run recipe = run("recipe", "-p", preset.toString(), "-i", in.toString(), "-c", "4", "-q");
        assertThat(recipe.exit()).as(recipe.err()).isZero();
        List<Long> starts = server.requests("/item").stream().map(TestServer.Recorded::nanos).sorted().toList();
        assertThat(starts).hasSize(5);
        for (int k = 1; k < starts.size(); k++) {
            assertThat((starts.get(k) - starts.get(k - 1)) / 1e6).as("gap before start %d, ms", k).isGreaterThanOrEqualTo(0.8 * 1000);
        }
    }

    @Test
    void aPlainHttpFetchLoadsNeitherTlsNorLoggingFrameworkNorUnusedCommands() throws Exception {
        // Start-up CPU is mostly class loading: what a run does not use must stay unloaded (see README, Measured).
        // Class loading is deterministic, so this guards the lazy start-up without timing anything.
        server.on("/one", (r, i) -> Reply.json("[{\"id\": 1}]"));
        Path preset = Fixtures.write(dir, "one.yaml", "endpoint: {url: '%s'}".formatted(server.url("/one")));
        Path classes = dir.resolve("classes.log");
        Process p = new ProcessBuilder(command(List.of("-Xlog:class+load:file=" + classes + ":none"), "fetch", "-p", preset.toString(), "-q"))
                .redirectOutput(dir.resolve("out.csv").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("id\n1\n");
        List<String> loaded = Files.readAllLines(classes).stream()
                .map(line -> line.split(" ")[0]).toList();
        assertThat(loaded).as("the log lists classes").contains("picocli.CommandLine", "org.dsscontractkit.apiconnect.cli.FetchCommand");
        assertThat(loaded).filteredOn(c -> c.startsWith("sun.security.ssl.") || c.startsWith("ch.qos.logback.")
                        || c.equals("java.security.SecureRandom") || c.startsWith("io.swagger.") || c.startsWith("com.atlassian.")
                        || c.startsWith("org.dsscontractkit.apiconnect.cli.RecipeCommand")
                        || c.startsWith("org.dsscontractkit.apiconnect.cli.BenchCommand"))
                .isEmpty();
    }
}
