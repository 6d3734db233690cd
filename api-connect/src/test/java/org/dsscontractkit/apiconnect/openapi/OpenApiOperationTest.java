package org.dsscontractkit.apiconnect.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.recipe.ErrorBehaviour;
import org.dsscontractkit.apiconnect.recipe.InputTable;
import org.dsscontractkit.apiconnect.recipe.ProgressListener;
import org.dsscontractkit.apiconnect.recipe.RecipeOptions;
import org.dsscontractkit.apiconnect.recipe.RecipeRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiOperationTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();
    private final String spec = Path.of("src/test/resources/openapi/mini-dss.yaml").toAbsolutePath().toString();

    @AfterEach
    void stop() { server.close(); }

    @Test
    void buildsTheCallFromTheOperationAndReportsViolationsInAColumn() {
        server.on("/public/api/projects/GOOD/datasets/", (r, i) -> Reply.json("[{\"name\": \"d1\", \"type\": \"Filesystem\"}]"));
        server.on("/public/api/projects/BAD KEY/datasets/", (r, i) -> Reply.json("[{\"name\": 42}]"));
        OpenApiOperation op = OpenApiOperation.load(spec, "listDatasets", server.url("/public/api"));
        assertThat(op.method()).isEqualTo("GET");
        Path preset = Fixtures.write(dir, "auth.yaml", "auth: {type: basic, username: {env: KEY}, password: ''}");
        Path input = Fixtures.write(dir, "projects.csv", "projectKey\nGOOD\nBAD KEY\nMISSING\n");
        RecipeOptions options = new RecipeOptions(List.of(), Map.of(), 1, ErrorBehaviour.KEEP_ERROR_COLUMN, false, false);
        try (InputTable table = InputTable.open(input, ',')) {
            ApiConnect api = Fixtures.api(preset, ApiConnect.Options.defaults().withMaxRetries(0).withOpenApi(op)
                    .withEnv(Map.of("KEY", "admin-api-key")::get), Set.of("projectKey"));
            Fixtures.MemorySink sink = new Fixtures.MemorySink();
            new RecipeRunner(api, options).run(table, 3, sink, ProgressListener.NONE);
            List<ObjectNode> rows = sink.rows;
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).get("name").asText()).isEqualTo("d1");
            assertThat(rows.get(0).get("openapi_violations").asText()).isEmpty();
            assertThat(rows.get(1).get("openapi_violations").asText()).contains("validation.response.body.schema");
            assertThat(rows.get(2).get("dku_error").asText()).startsWith("Error 404");
            assertThat(rows.get(2).get("openapi_violations").asText()).contains("errorType");
        }
        assertThat(server.requests()).extracting(r -> r.uri().getRawPath())
                .containsExactly("/public/api/projects/GOOD/datasets/", "/public/api/projects/BAD%20KEY/datasets/", "/public/api/projects/MISSING/datasets/");
        assertThat(server.requests().get(0).header("Authorization")).startsWith("Basic ");
        assertThat(server.requests().get(0).query()).as("optional parameter without a variable is left out").isNull();
    }

    @Test
    void bindsOperationsOfOurOwnDssAndApiNodeDocuments() {
        Path dss = Path.of("../spec/src/main/openapi/dss-public-api.yaml");
        Path apinode = Path.of("../spec/src/main/openapi/apinode-user-api.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dss) && Files.exists(apinode), "spec sources not present");
        OpenApiOperation projects = OpenApiOperation.load(dss.toString(), "listProjects", null);
        assertThat(projects.method()).isEqualTo("GET");
        assertThat(projects.path()).isEqualTo("/projects/");
        assertThat(projects.serverUrl()).isEqualTo("http://localhost:11200/public/api");
        OpenApiOperation predict = OpenApiOperation.load(apinode.toString(), "predictRecord", "http://127.0.0.1:1");
        assertThat(predict.method()).isEqualTo("POST");
        assertThat(predict.path()).contains("{serviceId}").contains("{endpointId}").endsWith("/predict");
    }

    @Test
    void unknownOperationOrMissingPathVariableFailsBeforeAnyCall() {
        assertThatThrownBy(() -> OpenApiOperation.load(spec, "listDataset", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--operation").hasMessageContaining("listDatasets");
        OpenApiOperation op = OpenApiOperation.load(spec, "listDatasets", null);
        assertThat(op.serverUrl()).isEqualTo("http://localhost:11200/public/api");
        Path preset = Fixtures.write(dir, "empty.yaml", "{}");
        assertThatThrownBy(() -> Fixtures.api(preset, ApiConnect.Options.defaults().withOpenApi(op), Set.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown variable {{projectKey}}");
        assertThatThrownBy(() -> OpenApiOperation.load(dir.resolve("none.yaml").toString(), "x", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--openapi");
    }
}
