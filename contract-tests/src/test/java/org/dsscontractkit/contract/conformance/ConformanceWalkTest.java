package org.dsscontractkit.contract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.SpecOperation;
import org.junit.jupiter.api.Test;

/** The pieces of the conformance run that need no server: where requests go, and what the walk knows. */
class ConformanceWalkTest {

    @Test
    void theUrlMayBeTheHostOrEitherApiBaseBehindAnyPrefix() {
        DssBase host = DssBase.parse("--url", "https://dss.example.com:11200/");
        DssBase client = DssBase.parse("--url", "https://dss.example.com/dip/publicapi/");
        DssBase behindGateway = DssBase.parse("--url", "https://gateway.example.com/tools/dss/public/api");

        assertThat(host.resolve("/projects/")).isEqualTo(URI.create("https://dss.example.com:11200/public/api/projects/"));
        assertThat(client.resolve("/projects/?tags=a")).isEqualTo(URI.create("https://dss.example.com/dip/publicapi/projects/?tags=a"));
        assertThat(behindGateway.resolve("/auth/info"))
                .isEqualTo(URI.create("https://gateway.example.com/tools/dss/public/api/auth/info"));
        assertThat(behindGateway.documentPath("/auth/info")).as("what the validator matches").isEqualTo("/public/api/auth/info");
        assertThat(DssBase.apiNode("--apinode-url", "http://node:12000/public/api/v1/").resolve("/public/api/v1/s/e/predict"))
                .isEqualTo(URI.create("http://node:12000/public/api/v1/s/e/predict"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> DssBase.parse("--url", "dss.example.com"))
                .hasMessage("--url: expected http(s)://host[:port][/path], got dss.example.com");
        assertThatThrownBy(() -> DssBase.parse("--url", "https://dss/public/api?x=1"))
                .hasMessage("--url: no query or fragment expected, got https://dss/public/api?x=1");
    }

    @Test
    void pathParametersAreEncodedAndAMissingOneIsAWalkBug() {
        assertThat(ApiCaller.fill("/projects/{projectKey}/datasets/{datasetName}",
                Map.of("projectKey", "P", "datasetName", "sales 2024/eu"))).isEqualTo("/projects/P/datasets/sales%202024%2Feu");
        assertThatThrownBy(() -> ApiCaller.fill("/projects/{projectKey}", Map.of()))
                .hasMessageContaining("no value for path parameter projectKey");
    }

    @Test
    void theWalkKnowsOnlyOperationsOfTheDocumentAndEveryGetItLacksIsTriedFromTheValuesItFound() {
        OpenApiDocument dss = OpenApiDocument.fromClasspath(OpenApiDocument.DSS_PUBLIC_API);
        var gets = dss.operations().stream().filter(op -> op.method().equals("GET")).map(SpecOperation::operationId)
                .toList();

        assertThat(gets).as("every operation the walk calls by name is a GET of the document")
                .containsAll(DssReadWalk.KNOWN);
        System.out.println("[conformance] GET operations of the DSS document the walk does not call by name"
                + " (tried from the values found on the way): "
                + gets.stream().filter(id -> !DssReadWalk.KNOWN.contains(id)).toList());
    }
}
