package org.dsscontractkit.apiconnect.recipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.dsscontractkit.apiconnect.dataset.ResultColumns;
import org.dsscontractkit.apiconnect.pagination.LoopDetectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeRunnerTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();
    private Path input;

    @BeforeEach
    void setUp() {
        // /users/{id}: 1 and 3 exist, 2 is a 404 whose body echoes the API key (must be redacted).
        server.on("/users/1", (r, i) -> Reply.json("{\"user\": {\"name\": \"Ann\", \"tags\": [\"a\"]}, \"city\": \"Paris\"}"));
        server.on("/users/3", (r, i) -> Reply.json("{\"user\": {\"name\": \"Cy\"}, \"city\": null}"));
        server.on("/users/2", (r, i) -> Reply.status(404, "{\"message\": \"no user 2 for key " + r.header("X-Key") + "\"}"));
        input = Fixtures.write(dir, "in.csv", "user_id,label\n1,first\n2,second\n3,third\n");
    }

    @AfterEach
    void stop() { server.close(); }

    private List<ObjectNode> run(String endpointExtra, ErrorBehaviour behaviour, boolean raw, boolean metadata, int concurrency) {
        Path preset = Fixtures.write(dir, "p.yaml", """
                auth: {type: api_key, apiKey: {name: X-Key, value: super-secret-key}}
                endpoint: {url: '%s/users/{{id}}'%s}
                """.formatted(server.url(""), endpointExtra));
        RecipeOptions options = new RecipeOptions(List.of(), Map.of("user_id", "id"), concurrency, behaviour, raw, metadata);
        try (InputTable table = InputTable.open(input, ',')) {
            ApiConnect api = Fixtures.api(preset, ApiConnect.Options.defaults().withMaxRetries(0),
                    new HashSet<>(options.variableNames(table.header(), "in.csv").values()));
            Fixtures.MemorySink sink = new Fixtures.MemorySink();
            new RecipeRunner(api, options).run(table, 3, sink, ProgressListener.NONE);
            return sink.rows;
        }
    }

    @Test
    void keepErrorColumnKeepsEveryRowAndRedactsSecrets() {
        List<ObjectNode> rows = run("", ErrorBehaviour.KEEP_ERROR_COLUMN, false, false, 1);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("user_id").asText()).isEqualTo("1");
        assertThat(rows.get(0).get("label").asText()).isEqualTo("first");
        assertThat(rows.get(0).get("user").asText()).isEqualTo("{\"name\":\"Ann\",\"tags\":[\"a\"]}");
        assertThat(rows.get(0).get("city").asText()).isEqualTo("Paris");
        assertThat(rows.get(0).get("dku_error").isNull()).isTrue();
        assertThat(rows.get(1).get("label").asText()).isEqualTo("second");
        assertThat(rows.get(1).get("dku_error").asText()).isEqualTo("Error 404: {\"message\": \"no user 2 for key ***\"}");
        assertThat(rows.get(2).has("city")).as("null values are omitted").isFalse();
        assertThat(rows.toString()).doesNotContain("super-secret-key");
    }

    @Test
    void addErrorColumnOnlyOnFailedRowsWithMetadata() {
        List<ObjectNode> rows = run("", ErrorBehaviour.ADD_ERROR_COLUMN, false, true, 1);
        assertThat(rows.get(0).has("dku_error")).isFalse();
        assertThat(rows.get(0).get("dku_status_code").asInt()).isEqualTo(200);
        assertThat(rows.get(0).get("dku_request_duration").asDouble()).isPositive();
        assertThat(rows.get(0).get("dku_response_headers").asText()).contains("\"content-type\":\"application/json\"");
        assertThat(rows.get(1).get("dku_error").asText()).startsWith("Error 404");
        assertThat(rows.get(1).get("dku_status_code").asInt()).isEqualTo(404);
    }

    @Test
    void ignoreDropsTheErrorButKeepsTheInputRowWithoutDataPath() {
        List<ObjectNode> rows = run("", ErrorBehaviour.IGNORE, true, false, 1);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).has("dku_error")).isFalse();
        assertThat(rows.get(1).get("api_response").asText()).isEqualTo("{}");
        assertThat(rows.get(0).get("api_response").asText()).contains("\"Ann\"");
        List<ObjectNode> withPath = run(", dataPath: user", ErrorBehaviour.IGNORE, false, false, 1);
        assertThat(withPath).extracting(r -> r.get("name").asText()).containsExactly("Ann", "Cy");
    }

    @Test
    void missingDataPathUsesThePluginMessage() {
        server.on("/users/3", (r, i) -> Reply.json("{\"other\": 1}"));
        List<ObjectNode> rows = run(", dataPath: user", ErrorBehaviour.ADD_ERROR_COLUMN, false, false, 1);
        assertThat(rows.get(2).get("dku_error").asText()).isEqualTo("Extraction key 'user' was not found in the incoming data");
        assertThat(rows.get(0).get("name").asText()).isEqualTo("Ann");
    }

    @Test
    void raiseStopsAtTheFirstFailureNamingTheRow() {
        assertThatThrownBy(() -> run("", ErrorBehaviour.RAISE, false, false, 1))
                .isInstanceOf(RecipeFailedException.class).hasMessageStartingWith("input row 2: Error 404")
                .hasMessageNotContaining("super-secret-key");
    }

    @Test
    void transportErrorsBecomeErrorColumns() throws Exception {
        int closedPort = TestServer.closedPort();
        Path preset = Fixtures.write(dir, "down.yaml", "endpoint: {url: 'http://127.0.0.1:%d/{{user_id}}'}".formatted(closedPort));
        RecipeOptions options = new RecipeOptions(List.of(), Map.of(), 2, ErrorBehaviour.KEEP_ERROR_COLUMN, false, true);
        try (InputTable table = InputTable.open(input, ',')) {
            ApiConnect api = Fixtures.api(preset, ApiConnect.Options.defaults().withMaxRetries(0), new HashSet<>(table.header()));
            Fixtures.MemorySink sink = new Fixtures.MemorySink();
            RecipeRunner.Result result = new RecipeRunner(api, options).run(table, 3, sink, ProgressListener.NONE);
            assertThat(result.failedRows()).isEqualTo(3);
            assertThat(sink.rows).allSatisfy(r -> {
                assertThat(r.get("dku_error").asText()).startsWith("Error: connection failed");
                assertThat(r.get("dku_status_code").isNull()).isTrue();
            });
        }
    }

    @Test
    void concurrentCallsKeepInputOrder() {
        StringBuilder csv = new StringBuilder("user_id,label\n");
        for (int i = 0; i < 60; i++) csv.append(i % 2 == 0 ? 1 : 3).append(",row").append(i).append('\n');
        input = Fixtures.write(dir, "many.csv", csv.toString());
        server.on("/users/1", (r, i) -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json("{\"n\": 1}");
        });
        List<ObjectNode> rows = run("", ErrorBehaviour.KEEP_ERROR_COLUMN, false, false, 6);
        assertThat(rows).hasSize(60);
        for (int i = 0; i < 60; i++) assertThat(rows.get(i).get("label").asText()).isEqualTo("row" + i);
    }

    @Test
    void aPaginationLoopIsFatalWhateverTheBehaviour() {
        server.on("/users/1", (r, i) -> Reply.json("{\"user\": {\"name\": \"A\"}, \"next\": \"" + server.url("/users/1") + "\"}"));
        Path preset = Fixtures.write(dir, "loop.yaml", """
                endpoint: {url: '%s/users/{{user_id}}', dataPath: user}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("")));
        RecipeOptions options = new RecipeOptions(List.of(), Map.of(), 1, ErrorBehaviour.IGNORE, false, false);
        try (InputTable table = InputTable.open(input, ',')) {
            ApiConnect api = Fixtures.api(preset, ApiConnect.Options.defaults().withMaxRetries(0), new HashSet<>(table.header()));
            assertThatThrownBy(() -> new RecipeRunner(api, options).run(table, 3, new Fixtures.MemorySink(), ProgressListener.NONE))
                    .isInstanceOf(LoopDetectedException.class);
        }
    }

    @Test
    void aResponseFieldNamedLikeAnInputColumnIsKeptUnderAPrefixAfterTheErrorColumn() {
        // The plugin keeps only one of the two ids (the data's with a data path, the input's without).
        input = Fixtures.write(dir, "ids.csv", "id,label\n1,first\n3,third\n");
        server.on("/users/1", (r, i) -> Reply.json("{\"user\": {\"id\": 101, \"name\": \"Ann\", \"api_id\": \"a-1\"}}"));
        server.on("/users/3", (r, i) -> Reply.json("{\"user\": {\"id\": 103, \"name\": \"Cy\"}}"));
        Path preset = Fixtures.write(dir, "p.yaml", "endpoint: {url: '%s/users/{{id}}', dataPath: user}".formatted(server.url("")));
        RecipeOptions options = new RecipeOptions(List.of(), Map.of(), 1, ErrorBehaviour.KEEP_ERROR_COLUMN, false, true);
        List<String> warnings = new ArrayList<>();
        Fixtures.MemorySink sink = new Fixtures.MemorySink();
        try (InputTable table = InputTable.open(input, ',')) {
            ApiConnect api = Fixtures.api(preset, ApiConnect.Options.defaults().withMaxRetries(0), new HashSet<>(table.header()));
            new RecipeRunner(api, options, new ResultColumns("api_", warnings::add)).run(table, 2, sink, ProgressListener.NONE);
        }
        ObjectNode first = sink.rows.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly(
                "id", "label", "dku_error", "api_id", "name", "api_api_id",
                "dku_status_code", "dku_request_duration", "dku_response_headers");
        assertThat(first.get("id").asText()).isEqualTo("1");
        assertThat(first.get("api_id").asInt()).isEqualTo(101);
        assertThat(first.get("api_api_id").asText()).as("its name was taken by the renamed id").isEqualTo("a-1");
        // A field keeps its column from row to row, whatever the other fields of the row.
        assertThat(sink.rows.get(1).get("id").asText()).isEqualTo("3");
        assertThat(sink.rows.get(1).get("api_id").asInt()).isEqualTo(103);
        assertThat(warnings).containsExactly(
                "the response field 'id' is written as column 'api_id': the output already has a column 'id' (--collision-prefix sets the prefix)",
                "the response field 'api_id' is written as column 'api_api_id': the output already has a column 'api_id' (--collision-prefix sets the prefix)");
    }

    @Test
    void aResponseFieldNamedLikeAToolColumnDoesNotOverwriteIt() {
        server.on("/users/1", (r, i) -> Reply.json("{\"dku_error\": \"theirs\", \"dku_status_code\": \"theirs too\"}"));
        input = Fixtures.write(dir, "one.csv", "user_id\n1\n");
        List<ObjectNode> rows = run("", ErrorBehaviour.ADD_ERROR_COLUMN, false, true, 1);
        assertThat(rows.get(0).has("dku_error")).as("a success has no error column in add-error-column").isFalse();
        assertThat(rows.get(0).get("api_dku_error").asText()).isEqualTo("theirs");
        assertThat(rows.get(0).get("dku_status_code").asInt()).isEqualTo(200);
        assertThat(rows.get(0).get("api_dku_status_code").asText()).isEqualTo("theirs too");
    }

    @Test
    void columnSelectionAndRenamingAreChecked() {
        RecipeOptions bad = new RecipeOptions(List.of("nope"), Map.of(), 1, ErrorBehaviour.RAISE, false, false);
        assertThatThrownBy(() -> bad.variableNames(List.of("a", "b"), "in.csv")).hasMessageContaining("in.csv: --columns: no column 'nope'");
        RecipeOptions rename = new RecipeOptions(List.of("a"), Map.of("a", "x"), 1, ErrorBehaviour.RAISE, false, false);
        assertThat(rename.variableNames(List.of("a", "b"), "in.csv")).containsExactly(Map.entry("a", "x"));
    }
}
