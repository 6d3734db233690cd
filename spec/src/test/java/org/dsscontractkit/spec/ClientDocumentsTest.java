package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.spec.build.ApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The generator-ready documents (target/bundled/client, ClientDocument): what the TypeScript and Python generators
 * need, on the published documents' wire.
 */
class ClientDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode client(ApiDocument doc) throws Exception {
        Path file = SpecPaths.bundledDir().resolve("client").resolve(doc.fileStem() + ".json");
        assertThat(file).as("written by the spec build (mvn -pl spec process-classes)").isRegularFile();
        return JSON.readTree(file.toFile());
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation.path("operationId").asText());
    }

    @Test
    void queryBooleansAreBooleansForGeneratorsAndStayWireBooleansInThePublishedDocument() throws Exception {
        JsonNode client = client(ApiDocument.DSS_PUBLIC_API);
        JsonNode published = JSON.readTree(SpecPaths.bundledJson(ApiDocument.DSS_PUBLIC_API).toFile());

        assertThat(client.toString()).doesNotContain("#/components/schemas/WireBoolean");
        assertThat(client.at("/components/schemas").has("WireBoolean")).isFalse();
        List<String> booleans = new ArrayList<>();
        client.path("paths").forEach(item -> item.forEach(op -> op.path("parameters").forEach(p -> {
            if ("boolean".equals(p.at("/schema/type").asText())) {
                booleans.add(op.path("operationId").asText() + "." + p.path("name").asText());
            }
        })));
        List<String> wireBooleans = new ArrayList<>();
        published.path("paths").forEach(item -> item.forEach(op -> op.path("parameters").forEach(p -> {
            if ("#/components/schemas/WireBoolean".equals(p.at("/schema/$ref").asText())) {
                wireBooleans.add(op.path("operationId").asText() + "." + p.path("name").asText());
            }
        })));
        // every WireBoolean of the published document, and nothing else, is a boolean for the generators
        assertThat(wireBooleans).hasSizeGreaterThanOrEqualTo(16);
        assertThat(booleans).containsExactlyInAnyOrderElementsOf(wireBooleans)
                .contains("listProjects.includeLocation", "deleteDataset.dropData");
        assertThat(parameter(published.at("/paths/~1projects~1/get"), "includeLocation").at("/schema/$ref").asText())
                .isEqualTo("#/components/schemas/WireBoolean");
    }

    @Test
    void endpointNamedQueryParametersAreOneExplodedObjectParameter() throws Exception {
        JsonNode client = client(ApiDocument.APINODE_USER_API);
        Map<String, String> expected = Map.of("predict-simple", "features", "lookup-simple", "keys", "run", "args",
                "query", "params");
        expected.forEach((verb, name) -> {
            JsonNode get = client.at("/paths/~1public~1api~1v1~1{serviceId}~1{endpointId}~1" + verb + "/get");
            JsonNode parameter = parameter(get, name);
            assertThat(parameter.path("in").asText()).isEqualTo("query");
            assertThat(parameter.path("style").asText()).isEqualTo("form");
            assertThat(parameter.path("explode").asBoolean()).isTrue();
            assertThat(parameter.at("/schema/type").asText()).isEqualTo("object");
            assertThat(parameter.at("/schema/additionalProperties/type").asText()).isEqualTo("string");
        });
    }

    @Test
    void jsonRowsAreTheFirstMediaTypeOfTheStreamedReads() throws Exception {
        JsonNode client = client(ApiDocument.DSS_PUBLIC_API);
        for (String pointer : List.of("/paths/~1projects~1{projectKey}~1datasets~1{datasetName}~1data~1/get",
                "/paths/~1sql~1queries~1{queryId}~1stream/get")) {
            JsonNode content = client.at(pointer + "/responses/200/content");
            assertThat(content.fieldNames().next()).as(pointer).isEqualTo("application/json");
            assertThat(content.size()).isEqualTo(3);
        }
    }

    @Test
    void enumsInAnswersAreOpenAndRequestOnlyEnumsStayClosed() throws Exception {
        JsonNode client = client(ApiDocument.DSS_PUBLIC_API);
        String text = client.toString();
        // the column types a newer DSS extends (datetimetz): known values kept, enum gone
        assertThat(text).contains("\"x-known-values\":[\"string\",\"boolean\"");
        JsonNode format = client.at("/components/schemas/TabularDataFormat");
        assertThat(format.path("enum")).hasSize(5);
        assertThat(format.path("x-enum-varnames").get(0).asText()).isEqualTo("TSV_EXCEL_NOHEADER");
    }

    @Test
    void serversHaveSchemeHostAndPortVariablesDefaultingToTheReferenceServer() throws Exception {
        for (ApiDocument doc : ApiDocument.values()) {
            JsonNode server = client(doc).path("servers").get(0);
            assertThat(server.path("url").asText()).startsWith("{scheme}://{host}:{port}");
            assertThat(server.at("/variables/port/default").asText()).isEqualTo("11200");
            assertThat(server.at("/variables/host/default").asText()).isEqualTo("localhost");
        }
        assertThat(client(ApiDocument.DSS_PUBLIC_API).path("servers")).extracting(s -> s.path("url").asText())
                .containsExactly("{scheme}://{host}:{port}/public/api", "{scheme}://{host}:{port}/dip/publicapi");
        assertThat(client(ApiDocument.DSS_PUBLIC_API).at("/components/securitySchemes/bearerApiKey/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void theYamlAndJsonVariantsAreBothWritten() {
        for (ApiDocument doc : ApiDocument.values()) {
            assertThat(Files.isRegularFile(SpecPaths.bundledDir().resolve("client").resolve(doc.fileStem() + ".yaml")))
                    .isTrue();
        }
    }
}
