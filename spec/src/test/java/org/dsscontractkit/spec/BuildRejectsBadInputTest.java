package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dsscontractkit.spec.build.Bundler;
import org.dsscontractkit.spec.build.SpecBuild;
import org.dsscontractkit.spec.build.SpecBuildException;
import org.dsscontractkit.spec.lint.ExampleValidator;
import org.junit.jupiter.api.Test;

/** Broken fixture documents must stop the build with a message naming the file and the operation. */
class BuildRejectsBadInputTest {

    @Test
    void aValidSplitDocumentBundlesIntoOneSelfContainedFileKeepingComponentNames() throws Exception {
        List<Bundler.Bundle> bundles = SpecBuild.bundleAll(List.of(SpecPaths.fixture("valid/things-api.yaml")));

        JsonNode bundle = new ObjectMapper().readTree(bundles.get(0).json());
        assertThat(bundle.at("/components/schemas/Thing/properties/owner/nullable").asBoolean()).isTrue();
        assertThat(bundle.at("/paths/~1things~1{thingId}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Thing");
        assertThat(bundles.get(0).json()).doesNotContain("schemas.yaml");
        assertThat(bundles.get(0).yaml()).contains("Thing:").doesNotContain("schemas.yaml");
        assertThat(new ExampleValidator("things-api.yaml", bundle).validate().failures()).isEmpty();
    }

    @Test
    void aBrokenRefNamesTheFileTheOperationAndTheRef() {
        assertThatThrownBy(() -> SpecBuild.bundleAll(List.of(SpecPaths.fixture("broken-ref/things-api.yaml"))))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("things-api.yaml: operation listThings (GET /things/) at "
                        + "/paths/~1things~1/get/parameters/0/schema: $ref '#/components/schemas/WireBool' "
                        + "does not resolve")
                .hasMessageContaining("known names there: WireBoolean")
                .hasMessageContaining("things-api.yaml: operation getThing (GET /things/{thingId}) at ")
                .hasMessageContaining("points to missing file things/missing.yaml");
    }

    @Test
    void aMissingOperationIdNamesTheFileAndTheMethodAndPath() {
        assertThatThrownBy(() -> SpecBuild.bundleAll(
                List.of(SpecPaths.fixture("missing-operation-id/things-api.yaml"))))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("things-api.yaml: operation GET /things/{thingId} (no operationId): "
                        + "operationId is missing");
    }

    @Test
    void anOperationIdUsedInBothDocumentsIsRejected() {
        assertThatThrownBy(() -> SpecBuild.bundleAll(List.of(SpecPaths.fixture("valid/things-api.yaml"),
                SpecPaths.fixture("duplicate-operation-id/other-api.yaml"))))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("other-api.yaml: operation getThing (GET /other/{thingId}): operationId "
                        + "'getThing' is also used in things-api.yaml operation getThing (GET /things/{thingId})");
    }

    @Test
    void anExampleThatDoesNotMatchItsSchemaNamesFileOperationExampleAndReason() throws Exception {
        List<Bundler.Bundle> bundles = SpecBuild.bundleAll(List.of(SpecPaths.fixture("bad-example/things-api.yaml")));
        JsonNode bundle = new ObjectMapper().readTree(bundles.get(0).json());

        ExampleValidator.Report report = new ExampleValidator("things-api.yaml", bundle).validate();

        assertThat(report.failures()).hasSize(2);
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("things-api.yaml: operation listThings (GET /things/) response 200 application/json "
                        + "example 'two' (components TwoThings) does not match its schema:")
                .contains("/1/size: must have a minimum value of 0"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("things-api.yaml: operation getThing (GET /things/{thingId}) response 200 "
                        + "application/json example does not match its schema:")
                .contains("/size: string found, integer expected"));
    }
}
