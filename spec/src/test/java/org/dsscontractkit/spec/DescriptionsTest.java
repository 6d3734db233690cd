package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.dsscontractkit.spec.build.ApiDocument;
import org.dsscontractkit.spec.lint.PermissionExtension;
import org.dsscontractkit.spec.lint.PropertyDescriptions;
import org.dsscontractkit.spec.lint.ProvenanceWording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents speak to API users: no provenance in descriptions (it goes in {@code x-provenance}), schema
 * properties say what they mean, and every DSS operation states the permission it needs ({@code x-dss-permission}).
 * Each rule is also run on a small document that breaks it, to show that it can fail.
 */
class DescriptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double PROPERTY_FLOOR = 0.90;

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void descriptionsSpeakToTheUserNotOfProvenance(ApiDocument doc) throws IOException {
        List<ProvenanceWording.Finding> findings = ProvenanceWording.find(bundled(doc));
        assertThat(findings).as("descriptions of %s speaking of provenance: move these facts to the x-provenance"
                + " extension of the operation (or schema) and keep in the description what the user needs",
                doc.fileStem()).isEmpty();
    }

    @Test
    void provenanceWordingIsFoundWhereverADescriptionIs() throws IOException {
        JsonNode doc = JSON.readTree("""
                {"info": {"description": "A fine API."},
                 "paths": {"/things/": {"get": {"operationId": "listThings",
                   "description": "Lists things. The real client sends `tags` as repeated keys.",
                   "x-provenance": "The real client sends `tags` as repeated keys.",
                   "parameters": [{"name": "limit", "in": "query",
                                   "description": "Maximum count (older\\n documentation)."}]}}},
                 "components": {"schemas": {"Thing": {"description": "A thing, as seed 003 shows it.",
                   "properties": {"id": {"type": "string", "description": "What dataikuapi reads."}},
                   "example": {"id": "as the real client sends it"}}}}}
                """);
        assertThat(ProvenanceWording.find(doc)).extracting(ProvenanceWording.Finding::pointer).containsExactly(
                "/paths/~1things~1/get/description",
                "/paths/~1things~1/get/parameters/0/description",
                "/components/schemas/Thing/description",
                "/components/schemas/Thing/properties/id/description");
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void atLeastNinetyPercentOfSchemaPropertiesAreDescribed(ApiDocument doc) throws IOException {
        PropertyDescriptions.Coverage coverage = PropertyDescriptions.of(bundled(doc));
        System.out.printf("[spec] %s: %s%n", doc.fileStem(), coverage);
        System.out.printf("[spec] %s: properties without a description: %s%n", doc.fileStem(), coverage.undescribed());
        assertThat(coverage.ratio()).as("share of described schema properties in %s (%s); undescribed: %s",
                doc.fileStem(), coverage, coverage.undescribed()).isGreaterThanOrEqualTo(PROPERTY_FLOOR);
    }

    @Test
    void propertyCoverageCountsOwnDescriptionsAndDescribedRefTargets() throws IOException {
        JsonNode doc = JSON.readTree("""
                {"components": {"schemas": {
                  "Owner": {"type": "object", "description": "Who owns a thing."},
                  "Bare": {"type": "object"},
                  "Thing": {"type": "object", "properties": {
                    "id": {"type": "string", "description": "Unique id."},
                    "name": {"type": "string"},
                    "owner": {"$ref": "#/components/schemas/Owner"},
                    "bare": {"$ref": "#/components/schemas/Bare"},
                    "tags": {"type": "array", "items": {"type": "object", "properties": {
                      "label": {"type": "string"}}}}}}}}}
                """);
        PropertyDescriptions.Coverage coverage = PropertyDescriptions.of(doc);
        assertThat(coverage.properties()).isEqualTo(6);
        assertThat(coverage.described()).isEqualTo(2);
        assertThat(coverage.describedByRef()).isEqualTo(1);
        assertThat(coverage.undescribed()).containsExactly("Thing.name", "Thing.bare", "Thing.tags",
                "Thing.tags[].label");
        assertThat(coverage.ratio()).isLessThan(PROPERTY_FLOOR);
    }

    @Test
    void everyDssOperationStatesItsPermission() throws IOException {
        JsonNode doc = bundled(ApiDocument.DSS_PUBLIC_API);
        assertThat(PermissionExtension.problems(doc)).as("x-dss-permission of the DSS operations").isEmpty();
        System.out.printf("[spec] dss-public-api: permissions %s%n", PermissionExtension.vocabulary(doc));
    }

    @Test
    void aMissingOrUnknownPermissionIsReportedWithWhatToAdd() throws IOException {
        JsonNode doc = JSON.readTree("""
                {"info": {"x-dss-permissions": {"authenticated": {"description": "Any valid API key."}}},
                 "paths": {"/things/": {
                   "get": {"operationId": "listThings", "x-dss-permission": "authenticated"},
                   "post": {"operationId": "createThing"},
                   "delete": {"operationId": "deleteThings", "x-dss-permission": "root"}}}}
                """);
        assertThat(PermissionExtension.problems(doc)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("createThing (POST /things/) has no x-dss-permission")
                        .contains("add the line `x-dss-permission: <permission>`").contains("[authenticated]"))
                .anySatisfy(p -> assertThat(p).startsWith("deleteThings (DELETE /things/) has x-dss-permission:"
                        + " \"root\", which is not one of [authenticated]"));
        List<String> noVocabulary = PermissionExtension.problems(JSON.readTree("{\"paths\": {}}"));
        assertThat(noVocabulary).hasSize(1);
        assertThat(noVocabulary.get(0)).contains("info has no x-dss-permissions");
    }

    private static JsonNode bundled(ApiDocument doc) throws IOException {
        return JSON.readTree(SpecPaths.bundledJson(doc).toFile());
    }
}
