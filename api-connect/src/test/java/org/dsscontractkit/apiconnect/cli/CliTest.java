package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() { server.close(); }

    private int run(String... args) {
        return ApiConnectCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void fetchWritesCsvWithTheUnionOfColumnsAcrossPages() throws Exception {
        server.on("/items", (r, i) -> Reply.json(i == 0
                ? "{\"data\": [{\"id\": 1, \"name\": \"a,b\"}], \"next\": \"" + server.url("/items") + "?p=2\"}"
                : "{\"data\": [{\"id\": 2, \"extra\": {\"k\": \"v\"}}]}"));
        Path preset = Fixtures.write(dir, "items.yaml", """
                endpoint: {url: '%s', dataPath: data}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/items")));
        Path csv = dir.resolve("out.csv");
        assertThat(run("fetch", "-p", preset.toString(), "-o", csv.toString(), "-q")).isZero();
        assertThat(Files.readString(csv)).isEqualTo("""
                id,name,extra
                1,"a,b",
                2,,"{""k"":""v""}"
                """);
    }

    @Test
    void aFailedRunLeavesThePreviousOutputFileUntouched() throws Exception {
        server.on("/half", (r, i) -> i == 0
                ? Reply.json("{\"data\": [{\"id\": 1}], \"next\": \"" + server.url("/half") + "?p=2\"}")
                : Reply.status(500, "{}"));
        Path preset = Fixtures.write(dir, "half.yaml", "endpoint: {url: '%s', dataPath: data, retry: {maxRetries: 0}}\npagination: {type: next_page, nextUrlPath: next}\n"
                .formatted(server.url("/half")));
        for (String name : new String[]{"previous.csv", "previous.jsonl"}) {
            Path target = Fixtures.write(dir, name, "good old data\n");
            assertThat(run("fetch", "-p", preset.toString(), "-o", target.toString(), "-q")).isEqualTo(1);
            assertThat(Files.readString(target)).isEqualTo("good old data\n");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void aFailedFetchToStandardOutputKeepsTheRowsItHadAndExitsWith1() {
        server.on("/half", (r, i) -> i % 2 == 0
                ? Reply.json("{\"data\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"" + server.url("/half") + "?p=2\"}")
                : Reply.status(500, "{\"error\": \"page 2 is gone\"}"));
        Path preset = Fixtures.write(dir, "half.yaml", "endpoint: {url: '%s', dataPath: data, retry: {maxRetries: 0}}\npagination: {type: next_page, nextUrlPath: next}\n"
                .formatted(server.url("/half")));
        assertThat(run("fetch", "-p", preset.toString(), "--format", "jsonl", "-q")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
        assertThat(err.toString()).contains("api-connect: failed: Error 500: {\"error\": \"page 2 is gone\"}");
        out.getBuffer().setLength(0);
        // CSV spools until the header is known; a failure still prints what was fetched, header first.
        assertThat(run("fetch", "-p", preset.toString(), "-q")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("id\n1\n2\n");
    }

    @Test
    void aRecipeStoppedByRaiseKeepsTheRowsAlreadyWrittenOnStandardOutput() {
        server.on("/r", (r, i) -> r.query().equals("n=3") ? Reply.status(500, "no") : Reply.json("{\"ok\": " + r.query().substring(2) + "}"));
        Path preset = Fixtures.write(dir, "r.yaml", "endpoint: {url: '%s', query: {n: '{{n}}'}, retry: {maxRetries: 0}}".formatted(server.url("/r")));
        Path in = Fixtures.write(dir, "in.csv", "n\n1\n2\n3\n4\n");
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "--on-error", "raise", "--format", "jsonl", "-q")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("{\"n\":\"1\",\"ok\":1}\n{\"n\":\"2\",\"ok\":2}\n");
        assertThat(err.toString()).contains("api-connect: failed: input row 3: Error 500: no");
    }

    @Test
    void fetchJsonLinesRawWithMetadata() throws Exception {
        server.on("/one", (r, i) -> Reply.json("[{\"a\": 1}, {\"a\": 2}]"));
        Path preset = Fixtures.write(dir, "one.yaml", "endpoint: {url: '%s'}".formatted(server.url("/one")));
        Path jsonl = dir.resolve("out.jsonl");
        assertThat(run("fetch", "-p", preset.toString(), "-o", jsonl.toString(), "--raw", "--metadata", "-q")).isZero();
        String[] lines = Files.readString(jsonl).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"api_response\":\"{\\\"a\\\":1}\",\"dku_status_code\":200,\"dku_request_duration\":");
    }

    @Test
    void aRecordFieldNamedLikeAMetadataColumnIsKeptUnderThePrefix() throws Exception {
        server.on("/m", (r, i) -> Reply.json("[{\"dku_status_code\": \"theirs\", \"a\": 1}]"));
        Path preset = Fixtures.write(dir, "m.yaml", "endpoint: {url: '%s'}".formatted(server.url("/m")));
        assertThat(run("fetch", "-p", preset.toString(), "--metadata", "--format", "jsonl", "-q")).isZero();
        assertThat(out.toString()).startsWith("{\"api_dku_status_code\":\"theirs\",\"a\":1,\"dku_status_code\":200,");
        assertThat(err.toString()).contains("the response field 'dku_status_code' is written as column 'api_dku_status_code'");
    }

    @Test
    void badConfigurationExitsWith2NamingFileAndFieldBeforeAnyCall() {
        Path preset = Fixtures.write(dir, "bad.yaml", "auth: {type: ntlm}\nendpoint: {url: '%s'}".formatted(server.url("/x")));
        assertThat(run("fetch", "-p", preset.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("api-connect: configuration error: " + preset + ": auth.type: ");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void unknownVariableFailsBeforeTheFirstCallUnlessLiteralIsAsked() {
        server.on("/u/{{who}}", (r, i) -> Reply.json("[]")).on("/u/bob", (r, i) -> Reply.json("[]"));
        Path preset = Fixtures.write(dir, "u.yaml", "endpoint: {url: '%s/u/{{who}}'}".formatted(server.url("")));
        assertThat(run("fetch", "-p", preset.toString(), "-q", "-o", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(preset + ": endpoint.url: unknown variable {{who}}");
        assertThat(server.requests()).isEmpty();
        assertThat(run("fetch", "-p", preset.toString(), "-q", "-o", dir.resolve("o.csv").toString(), "--unknown-variables", "literal")).isZero();
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).uri().getRawPath()).isEqualTo("/u/%7B%7Bwho%7D%7D");
        assertThat(run("fetch", "-p", preset.toString(), "-q", "--var", "who=bob", "-o", dir.resolve("o.csv").toString())).isZero();
        assertThat(server.requests().get(1).uri().getRawPath()).isEqualTo("/u/bob");
    }

    @Test
    void httpErrorInFetchExitsWith1AndRedactsTheSecret() {
        server.on("/secret", (r, i) -> Reply.status(403, "{\"error\": \"token " + r.header("Authorization") + " refused\"}"));
        Path preset = Fixtures.write(dir, "s.yaml", """
                auth: {type: bearer, token: {env: HOME}}
                endpoint: {url: '%s', retry: {maxRetries: 0}}
                """.formatted(server.url("/secret")));
        assertThat(run("fetch", "-p", preset.toString(), "-q", "-o", dir.resolve("o.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("api-connect: failed: Error 403: {\"error\": \"token Bearer *** refused\"}")
                .doesNotContain(System.getenv("HOME") + " refused");
    }

    @Test
    void recipeWritesErrorColumnsAndPlainProgressWhenNotATerminal() throws Exception {
        server.on("/score", (r, i) -> r.query().contains("x=bad")
                ? Reply.status(422, "{\"detail\": \"bad input\"}")
                : Reply.json("{\"result\": {\"prediction\": \"yes\"}}"));
        Path preset = Fixtures.write(dir, "score.yaml", """
                endpoint: {url: '%s', query: {x: '{{feature}}'}, dataPath: result, retry: {maxRetries: 0}}
                """.formatted(server.url("/score")));
        Path in = Fixtures.write(dir, "in.csv", "id,f\n1,good\n2,bad\n3,good\n");
        Path outCsv = dir.resolve("scored.csv");
        PrintStream saved = System.err;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run("recipe", "-p", preset.toString(), "-i", in.toString(), "-o", outCsv.toString(),
                    "--rename", "f=feature", "-c", "2", "--progress", "plain");
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isZero();
        assertThat(Files.readString(outCsv)).isEqualTo("""
                id,f,dku_error,prediction
                1,good,,yes
                2,bad,"Error 422: {""detail"": ""bad input""}",
                3,good,,yes
                """);
        String log = progress.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("recipe: 3 input rows").contains("done: 3/3 (100%) rows").contains("1 failed")
                .contains("recipe: 3 input rows, 3 output rows, 1 failed call(s)").doesNotContain("\r");
    }

    @Test
    void recipeHeaderIsInputColumnsThenErrorColumnThenResultsAndACollidingFieldIsKept() throws Exception {
        server.on("/item", (r, i) -> r.query().equals("id=2")
                ? Reply.status(404, "{\"message\": \"no 2\"}")
                : Reply.json("{\"id\": \"item-" + r.query().substring(3) + "\", \"name\": \"n\"}"));
        Path preset = Fixtures.write(dir, "item.yaml", "endpoint: {url: '%s', query: {id: '{{id}}'}, retry: {maxRetries: 0}}".formatted(server.url("/item")));
        Path in = Fixtures.write(dir, "in.csv", "id,label\n1,a\n2,b\n3,c\n");
        Path csv = dir.resolve("items.csv");
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "-o", csv.toString(), "-q")).isZero();
        assertThat(Files.readString(csv)).isEqualTo("""
                id,label,dku_error,api_id,name
                1,a,,item-1,n
                2,b,"Error 404: {""message"": ""no 2""}",,
                3,c,,item-3,n
                """);
        assertThat(err.toString()).isEqualTo("api-connect: warning: the response field 'id' is written as column 'api_id': "
                + "the output already has a column 'id' (--collision-prefix sets the prefix)\n");

        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "-o", csv.toString(), "-q",
                "--collision-prefix", "response.", "--on-error", "add-error-column")).isZero();
        assertThat(Files.readString(csv)).startsWith("id,label,response.id,name,dku_error\n1,a,item-1,n,\n");
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "--collision-prefix", "")).isEqualTo(2);
        assertThat(err.toString()).contains("api-connect: configuration error: --collision-prefix: must not be empty");
    }

    @Test
    void recipeQuietPrintsNothingAndRaiseExitsWith1() throws Exception {
        server.on("/e", (r, i) -> Reply.status(500, "boom"));
        Path preset = Fixtures.write(dir, "e.yaml", "endpoint: {url: '%s', retry: {maxRetries: 0}}".formatted(server.url("/e")));
        Path in = Fixtures.write(dir, "in.csv", "a\n1\n");
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "-o", dir.resolve("o.csv").toString(), "-q")).isZero();
            assertThat(captured.size()).isZero();
        } finally {
            System.setErr(saved);
        }
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "-o", dir.resolve("o.csv").toString(), "-q", "--on-error", "raise")).isEqualTo(1);
        assertThat(err.toString()).contains("api-connect: failed: input row 1: Error 500: boom");
    }

    @Test
    void recipeConfigErrorsExitWith2() {
        Path preset = Fixtures.write(dir, "p.yaml", "endpoint: {url: 'http://127.0.0.1:1/{{nope}}'}");
        Path in = Fixtures.write(dir, "in.csv", "a\n1\n");
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("endpoint.url: unknown variable {{nope}}");
        assertThat(run("recipe", "-p", preset.toString(), "-i", dir.resolve("missing.csv").toString(), "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("missing.csv: file not found");
        assertThat(run("recipe", "-p", preset.toString(), "-i", in.toString(), "--on-error", "explode")).isEqualTo(2);
        assertThat(err.toString()).contains("--on-error: unknown error behaviour 'explode'");
    }

    @Test
    void validatePresetAndUsageErrors() {
        Path preset = Fixtures.write(dir, "v.yaml", "endpoint: {url: 'http://h/{{id}}'}\npagination: {type: page, param: p}");
        assertThat(run("validate-preset", "-p", preset.toString(), "--columns", "id")).isZero();
        assertThat(out.toString()).contains("OK:").contains("GET http://h/{{id}}, pagination page");
        assertThat(run("validate-preset", "-p", preset.toString())).isEqualTo(2);
        assertThat(run("fetch", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
        assertThat(run("--version")).isZero();
    }

    @Test
    void everyCommandIsListedAndReachableThoughOnlyTheNamedOneIsBuilt() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Commands:", "  fetch ", "  recipe ", "  validate-preset ", "  bench ", "  help ");
        out.getBuffer().setLength(0);
        assertThat(run("help", "recipe")).isZero();
        assertThat(out.toString()).startsWith("Usage: api-connect recipe ");
        out.getBuffer().setLength(0);
        assertThat(run("fetch", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: api-connect fetch ").contains("--collision-prefix=PREFIX");
        assertThat(run("fetc")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: api-connect fetch");
    }
}
