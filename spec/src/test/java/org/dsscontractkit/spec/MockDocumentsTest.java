package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dsscontractkit.spec.build.ApiDocument;
import org.dsscontractkit.spec.build.Bundler;
import org.dsscontractkit.spec.build.MockDocument;
import org.dsscontractkit.spec.build.SpecBuild;
import org.dsscontractkit.spec.build.SpecBuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mock-ready documents (target/bundled/mock): what Prism needs to serve every path a client sends, and what
 * Swagger Parser and Spectral need to read them as clean documents (SpectralLintTest lints them).
 */
class MockDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** The API bases clients send, per document; the first keeps the published operationIds. */
    private static List<String> bases(ApiDocument doc) {
        return doc == ApiDocument.DSS_PUBLIC_API ? List.of("/public/api", "/dip/publicapi") : List.of("");
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void everyOperationIsServedUnderEachApiBaseWithItsSummaryParametersAndResponses(ApiDocument doc) throws Exception {
        JsonNode bundle = JSON.readTree(SpecPaths.bundledJson(doc).toFile());
        JsonNode mock = JSON.readTree(SpecPaths.mock(doc, "json").toFile());
        int published = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = bundle.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                published++;
                for (int b = 0; b < bases(doc).size(); b++) {
                    String base = bases(doc).get(b);
                    String mounted = path.getKey().startsWith(base + "/") ? path.getKey() : base + path.getKey();
                    JsonNode copy = mock.path("paths").path(mounted).path(op.getKey());
                    String label = op.getKey().toUpperCase() + " " + mounted;
                    assertThat(copy.isObject()).as("%s is in the mock document", label).isTrue();
                    assertThat(copy.path("operationId").asText()).as("operationId of %s", label)
                            .isEqualTo(op.getValue().path("operationId").asText() + (b == 0 ? "" : "ViaDipPublicapi"));
                    assertThat(copy.path("summary")).as("summary of %s", label).isEqualTo(op.getValue().path("summary"));
                    assertThat(copy.path("parameters")).as("parameters of %s", label)
                            .isEqualTo(op.getValue().path("parameters"));
                    assertThat(copy.path("security")).isEqualTo(op.getValue().path("security"));
                    assertThat(fieldNames(copy.path("responses"))).as("responses of %s", label)
                            .isEqualTo(fieldNames(op.getValue().path("responses")));
                }
            }
        }
        assertThat(countOperations(mock)).isEqualTo(published * bases(doc).size());
        // Prism ignores the servers' base: a path without it must not be served
        if (doc == ApiDocument.DSS_PUBLIC_API) {
            assertThat(mock.path("paths").has("/projects/")).isFalse();
            assertThat(mock.path("paths").has("/public/api/projects/")).isTrue();
            assertThat(mock.path("paths").has("/dip/publicapi/projects/")).isTrue();
        } else {
            assertThat(mock.path("paths").has("/public/api/v1/{serviceId}/{endpointId}/predict")).isTrue();
        }
    }

    @Test
    void operationIdsAreUniqueInAndAcrossTheMockDocuments() throws Exception {
        Map<String, String> owners = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (ApiDocument doc : ApiDocument.values()) {
            JsonNode mock = JSON.readTree(SpecPaths.mock(doc, "json").toFile());
            forEachOperation(mock, (label, op) -> {
                String first = owners.putIfAbsent(op.path("operationId").asText(), doc.fileStem() + " " + label);
                if (first != null) {
                    duplicates.add(op.path("operationId").asText() + " in " + first + " and " + label);
                }
            });
        }
        assertThat(duplicates).isEmpty();
        assertThat(owners).containsKeys("listProjects", "listProjectsViaDipPublicapi", "predictRecord");
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void swaggerParserReadsTheMockDocumentWithoutAnyMessageAndItsYamlIsItsJson(ApiDocument doc) throws Exception {
        String yaml = Files.readString(SpecPaths.mock(doc, "yaml"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(result.getMessages()).as("Swagger Parser messages for mock/%s.yaml", doc.fileStem()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(new YAMLMapper().readTree(yaml)).isEqualTo(JSON.readTree(SpecPaths.mock(doc, "json").toFile()));
        assertThat(yaml).doesNotContain("$ref: ./").doesNotContain(".yaml#/");
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void serversNameThePrismMockFirstThenTheReferenceServersOrigin(ApiDocument doc) throws Exception {
        JsonNode servers = JSON.readTree(SpecPaths.mock(doc, "json").toFile()).path("servers");

        assertThat(servers.get(0).path("url").asText()).isEqualTo("http://127.0.0.1:" + doc.mockPort());
        assertThat(servers.get(0).path("description").asText()).contains("prism mock", "mock/" + doc.fileStem() + ".yaml");
        for (JsonNode server : servers) {
            // the paths carry the bases now: a server with a base would be counted twice by clients that use it
            assertThat(java.net.URI.create(server.path("url").asText()).getPath()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void everyJsonRequestBodyAlsoTakesTheUntypedJsonThePythonClientSends(ApiDocument doc) throws Exception {
        JsonNode mock = JSON.readTree(SpecPaths.mock(doc, "json").toFile());
        List<String> checked = new ArrayList<>();
        forEachOperation(mock, (label, op) -> {
            JsonNode content = op.path("requestBody").path("content");
            if (!content.has("application/json")) {
                return;
            }
            assertThat(content.fieldNames().next()).as("first media type of %s (Prism checks an untyped body"
                    + " against it)", label).isEqualTo("text/plain");
            JsonNode text = content.path("text/plain");
            assertThat(text.path("schema").path("type").asText()).isEqualTo("string");
            try {
                assertThat(JSON.readTree(text.path("example").asText()).isContainerNode())
                        .as("the text/plain example of %s is the JSON example", label).isTrue();
            } catch (Exception e) {
                throw new AssertionError("text/plain example of " + label + " is not JSON: " + text.path("example"), e);
            }
            checked.add(label);
        });
        assertThat(checked).isNotEmpty();
    }

    @Test
    void theUploadFormKeepsItsExampleButNotTheSchemaPrismCrashesOn() throws Exception {
        JsonNode mock = JSON.readTree(SpecPaths.mock(ApiDocument.DSS_PUBLIC_API, "json").toFile());
        JsonNode form = mock.path("paths").path("/dip/publicapi/projects/{projectKey}/datasets/{datasetName}/uploaded/files")
                .path("post").path("requestBody").path("content").path("multipart/form-data");

        assertThat(form.isObject()).isTrue();
        assertThat(form.has("schema")).isFalse();
        assertThat(form.path("example").path("file").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void nullableEnumsArePatternsOfTheSameValues(ApiDocument doc) throws Exception {
        JsonNode bundle = JSON.readTree(SpecPaths.bundledJson(doc).toFile());
        JsonNode mock = JSON.readTree(SpecPaths.mock(doc, "json").toFile());
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = bundle.path("components").path("schemas").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            JsonNode published = schema.getValue();
            if (!published.path("nullable").asBoolean() || !published.has("enum")) {
                continue;
            }
            JsonNode written = mock.path("components").path("schemas").path(schema.getKey());
            assertThat(written.has("enum")).as("%s keeps no enum for Prism to duplicate null into", schema.getKey()).isFalse();
            Pattern pattern = Pattern.compile(written.path("pattern").asText());
            for (JsonNode value : published.path("enum")) {
                if (value.isTextual()) {
                    assertThat(pattern.matcher(value.asText()).find()).as("%s accepts %s", schema.getKey(), value).isTrue();
                    assertThat(pattern.matcher(value.asText() + "X").find()).isFalse();
                }
            }
            assertThat(pattern.matcher("NOT_A_VALUE").find()).isFalse();
            assertThat(written.path("nullable").asBoolean()).isTrue();
            compared++;
        }
        assertThat(compared).as("nullable enums in %s", doc.fileStem()).isPositive();
    }

    /**
     * What a UI needs from a stateless mock: a success example for every operation (unless its success has no body)
     * and an example for every documented error, which {@code Prefer: code=404} picks.
     */
    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void everyOperationHasASuccessExampleAndAnExampleForEachDocumentedError(ApiDocument doc) throws Exception {
        JsonNode mock = JSON.readTree(SpecPaths.mock(doc, "json").toFile());
        List<String> missing = new ArrayList<>();
        forEachOperation(mock, (label, op) -> {
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                success |= response.getKey().startsWith("2");
                for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = media.next();
                    if (!hasExample(mock, type.getValue())) {
                        missing.add(label + " " + response.getKey() + " " + type.getKey());
                    }
                }
            }
            if (!success) {
                missing.add(label + ": no 2xx response");
            }
        });
        assertThat(missing).as("responses without an example in mock/%s", doc.fileStem()).isEmpty();
    }

    @Test
    void aPathThatCollidesOnceMountedStopsTheBuild(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("dss-public-api.yaml");
        Files.writeString(root, """
                openapi: 3.0.3
                info: {title: Collision, version: '1'}
                servers:
                  - url: http://localhost:11200/api
                  - url: http://localhost:11200/v2
                paths:
                  /things:
                    get:
                      operationId: listThings
                      summary: List things
                      responses:
                        '200': {description: the things}
                  /api/things:
                    get:
                      operationId: listApiThings
                      summary: List things again
                      responses:
                        '200': {description: the things}
                """);
        List<Bundler.Bundle> bundles = SpecBuild.bundleAll(List.of(root));

        assertThatThrownBy(() -> SpecBuild.mockAll(bundles))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("mock/dss-public-api.yaml: path /api/things: mounting /api/things under /api"
                        + " collides with a path the document already has");
        assertThat(MockDocument.of(bundles.get(0), ApiDocument.DSS_PUBLIC_API).problems()).hasSize(1);
    }

    private static boolean hasExample(JsonNode api, JsonNode mediaType) {
        if (mediaType.has("example") || mediaType.path("examples").size() > 0) {
            return true;
        }
        JsonNode schema = mediaType.path("schema");
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            schema = api.at(ref.substring(1));
        }
        return schema.has("example")
                // a binary download (export zip, file contents) has nothing a JSON example could show
                || "binary".equals(schema.path("format").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int countOperations(JsonNode api) {
        int[] count = {0};
        forEachOperation(api, (label, op) -> count[0]++);
        return count[0];
    }

    private static void forEachOperation(JsonNode api, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    action.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }
}
