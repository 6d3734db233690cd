package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private Run run(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("apiConnectJar", "target/api-connect-0.1.0-SNAPSHOT.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        cmd.addAll(List.of(args));
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
}
