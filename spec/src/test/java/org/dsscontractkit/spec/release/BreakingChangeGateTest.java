package org.dsscontractkit.spec.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release gate on a small released document (fixtures/release-gate/things-api.yaml, release 1.0.0), each test
 * editing a copy the way an engineer would edit the sources: what breaks a client fails with the operation, the
 * location, the rule and the entry to paste; what does not, passes.
 */
class BreakingChangeGateTest {

    @TempDir
    Path releases;

    private String released;

    @BeforeEach
    void releaseTheFixture() throws Exception {
        released = Files.readString(Path.of("src/test/resources/fixtures/release-gate/things-api.yaml"));
        Files.createDirectories(releases.resolve("1.0.0"));
        Files.writeString(releases.resolve("1.0.0/things-api.yaml"), released);
    }

    private String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) Acknowledgements.YAML.readTree(released);
        edit.accept(doc);
        return Acknowledgements.YAML.writeValueAsString(doc);
    }

    private BreakingChangeGate.Verdict gate(String current) {
        return new BreakingChangeGate(new ReleaseHistory(releases)).check(Map.of("things-api", current));
    }

    private BreakingChangeGate.Verdict gate(Consumer<ObjectNode> edit) throws Exception {
        return gate(edited(edit));
    }

    private void acknowledge(String entries) throws Exception {
        Files.writeString(releases.resolve(Release.ACKNOWLEDGEMENTS), "acknowledged:\n" + entries);
    }

    private static ObjectNode at(ObjectNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }

    @Test
    void theReleasedDocumentItselfPasses() {
        BreakingChangeGate.Verdict verdict = gate(released);

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("things-api against release 1.0.0", "0 operations added, 0 changed",
                "0 breaking changes");
    }

    @Test
    void aRenamedResponsePropertyFailsOnEveryOperationReturningIt() throws Exception {
        // owner is optional: openapi-diff alone calls this compatible, the kit's response.property.removed does not
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            ObjectNode properties = at(doc, "/components/schemas/Thing/properties");
            properties.set("ownerLogin", properties.remove("owner"));
        });

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.unaccounted()).extracting(BreakingChange::operationId)
                .containsExactlyInAnyOrder("listThings", "createThing", "getThing");
        assertThat(verdict.report())
                .contains("3 breaking change(s) against release 1.0.0")
                .contains("things-api: operation getThing (GET /things/{thingId}): response 200 application/json "
                        + "$.owner: response.property.removed: optional property removed (added: ownerLogin)")
                .contains("things-api: operation listThings (GET /things/): response 200 application/json $[].owner: "
                        + "response.property.removed")
                .contains("bump things-api's info.version by a major (2.4.0 -> 3.0.0)")
                .contains("""
                          - operation: getThing
                            location: response 200 application/json $.owner
                            rule: response.property.removed
                            reason: "TODO: why clients can live with this"
                        """);
    }

    @Test
    void aRenamedRequiredResponsePropertyFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            ObjectNode thing = at(doc, "/components/schemas/Thing");
            ObjectNode properties = (ObjectNode) thing.get("properties");
            properties.set("thingId", properties.remove("id"));
            thing.set("required", thing.arrayNode().add("thingId"));
        });

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("operation getThing (GET /things/{thingId}): response 200 "
                + "application/json $.id: response.property.removed: required property removed (added: thingId)");
    }

    @Test
    void aNewRequiredParameterFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> ((ArrayNode) doc.at("/paths/~1things~1/get/parameters"))
                .addObject().put("name", "owner").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string"));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.unaccounted()).singleElement().satisfies(change -> {
            assertThat(change.operationId()).isEqualTo("listThings");
            assertThat(change.location()).isEqualTo("parameter query owner");
            assertThat(change.rule()).isEqualTo(BreakingRule.REQUEST_PARAMS_REQUIRED_INCREASED);
        });
        assertThat(verdict.report()).contains("things-api: operation listThings (GET /things/): parameter query owner: "
                + "request.params.required.increased: new required parameter (clients that do not send it are refused)");
    }

    @Test
    void aNewOptionalParameterPasses() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> ((ArrayNode) doc.at("/paths/~1things~1/get/parameters"))
                .addObject().put("name", "owner").put("in", "query").putObject("schema").put("type", "string"));

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("0 operations added, 1 changed");
    }

    @Test
    void anEnumValueRemovedFromARequestFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc ->
                ((ArrayNode) doc.at("/components/schemas/ThingKind/enum")).remove(2));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("things-api: operation createThing (POST /things/): request body "
                + "application/json $.kind: request.enum.decreased: values no longer accepted: [HUGE]");
    }

    @Test
    void anEnumValueRemovedFromAResponsePassesButOneAddedFails() throws Exception {
        BreakingChangeGate.Verdict removed = gate(doc ->
                ((ArrayNode) doc.at("/components/schemas/ThingStatus/enum")).remove(2));
        BreakingChangeGate.Verdict added = gate(doc ->
                ((ArrayNode) doc.at("/components/schemas/ThingStatus/enum")).add("LOST"));

        assertThat(removed.passes()).as("clients just see fewer values: %s", removed.report()).isTrue();
        assertThat(added.passes()).isFalse();
        assertThat(added.report()).contains("operation getThing (GET /things/{thingId}): response 200 "
                + "application/json $.status: response.enum.increased: new values clients do not know: [LOST]");
    }

    @Test
    void anEnumValueAddedToARequestPasses() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc ->
                ((ArrayNode) doc.at("/components/schemas/ThingKind/enum")).add("TINY"));

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
    }

    @Test
    void aRemovedOperationFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> at(doc, "/paths/~1things~1{thingId}").remove("delete"));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("0 deprecated, 1 removed; 1 breaking changes")
                .contains("things-api: operation deleteThing (DELETE /things/{thingId}): operation: operation.removed: "
                        + "operation removed (clients calling it get 404)")
                .contains("""
                          - operation: deleteThing
                            location: operation
                            rule: operation.removed
                        """);
    }

    @Test
    void aTypeChangeFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            ObjectNode size = at(doc, "/components/schemas/Thing/properties/size");
            size.put("type", "string");
            size.remove("format");
        });

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("operation getThing (GET /things/{thingId}): response 200 application/json "
                + "$.size: schema.type.changed: type integer (int32) -> string");
    }

    @Test
    void aRenamedOperationIdFailsBecauseGeneratedClientsRenameTheMethod() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> at(doc, "/paths/~1things~1{thingId}/get")
                .put("operationId", "fetchThing"));

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("operation fetchThing (GET /things/{thingId}): operation: "
                + "operation.id.changed: operationId getThing -> fetchThing");
    }

    @Test
    void anAddedOptionalPropertyPassesInResponsesAndRequests() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            at(doc, "/components/schemas/Thing/properties").putObject("color").put("type", "string");
            at(doc, "/components/schemas/ThingCreation/properties").putObject("color").put("type", "string");
        });

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("0 breaking changes");
    }

    @Test
    void aNewRequiredRequestPropertyFails() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            ObjectNode creation = at(doc, "/components/schemas/ThingCreation");
            ((ObjectNode) creation.get("properties")).putObject("color").put("type", "string");
            ((ArrayNode) creation.get("required")).add("color");
        });

        assertThat(verdict.report()).contains("operation createThing (POST /things/): request body application/json "
                + "$.color: request.required.increased");
    }

    @Test
    void anAddedOperationPasses() throws Exception {
        BreakingChangeGate.Verdict verdict = gate(doc -> {
            ObjectNode put = at(doc, "/paths/~1things~1{thingId}").putObject("put");
            put.put("operationId", "replaceThing").putArray("tags").add("things");
            put.putArray("parameters").addObject().put("name", "thingId").put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
            put.putObject("responses").putObject("204").put("description", "Replaced.");
        });

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("1 operations added, 0 changed, 0 deprecated, 0 removed; 0 breaking");
    }

    @Test
    void aResponsePropertyThatBecameOptionalFailsUnlessAcknowledged() throws Exception {
        String current = edited(doc -> at(doc, "/components/schemas/Thing").remove("required"));

        BreakingChangeGate.Verdict before = gate(current);
        acknowledge("""
                  - operation: "*"
                    location: response 200 application/json *.id
                    rule: response.required.decreased
                    reason: things created by imports have no id until they are saved
                """);
        BreakingChangeGate.Verdict after = gate(current);

        assertThat(before.report()).contains("operation getThing (GET /things/{thingId}): response 200 application/json "
                + "$.id: response.required.decreased: property became optional");
        assertThat(after.passes()).as(after.report()).isTrue();
        assertThat(after.report()).contains("acknowledged: things-api: operation listThings (GET /things/): response 200 "
                + "application/json $[].id: response.required.decreased", "(things created by imports have no id");
    }

    @Test
    void anAcknowledgedChangePassesWhenTheEntryPrintedByTheGateIsPastedWithAReason() throws Exception {
        String current = edited(doc -> at(doc, "/paths/~1things~1{thingId}").remove("delete"));
        BreakingChangeGate.Verdict failing = gate(current);
        String printed = failing.report().substring(failing.report().indexOf("  - operation: deleteThing"));

        acknowledge(printed);
        BreakingChangeGate.Verdict withPlaceholder = gate(current);
        acknowledge(printed.replace(Acknowledgement.REASON_PLACEHOLDER, "things are archived now, never deleted"));
        BreakingChangeGate.Verdict acknowledged = gate(current);

        assertThat(withPlaceholder.passes()).isFalse();
        assertThat(withPlaceholder.report()).contains("entry 1 (deleteThing, operation): the reason is still the "
                + "placeholder");
        assertThat(acknowledged.passes()).as(acknowledged.report()).isTrue();
        assertThat(acknowledged.report()).contains("acknowledged: things-api: operation deleteThing (DELETE "
                + "/things/{thingId}): operation: operation.removed", "(things are archived now, never deleted)");
    }

    @Test
    void oneEntryWithWildcardsAcknowledgesTheSameFixEverywhere() throws Exception {
        // the planned fix of the query booleans: a string enum True/False becomes a real boolean
        String current = edited(doc -> at(doc, "/paths/~1things~1/get/parameters/0").putObject("schema")
                .put("type", "boolean"));
        assertThat(gate(current).report()).contains("operation listThings (GET /things/): parameter query withDetails: "
                + "schema.type.changed: type string -> boolean");

        acknowledge("""
                  - operation: "*"
                    location: parameter query *
                    rule: schema.type.changed
                    reason: query booleans are real booleans now; the server reads true/false as it reads True/False
                """);

        assertThat(gate(current).passes()).isTrue();
    }

    @Test
    void anAcknowledgementWithoutReasonOrWithAnUnknownKeyIsRefused() throws Exception {
        acknowledge("""
                  - operation: deleteThing
                    location: operation
                    rule: operation.removed
                  - operation: getThing
                    location: operation
                    rule: operation.removed
                    reson: typo
                """);

        BreakingChangeGate.Verdict verdict = gate(released);

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.report()).contains("acknowledged-breaking-changes.yaml: entry 1: reason missing (say why "
                + "clients can live with this change)", "entry 2: unknown key 'reson'");
    }

    @Test
    void anAcknowledgementMatchingNothingIsReportedAsStale() throws Exception {
        acknowledge("""
                  - operation: deleteThing
                    location: operation
                    rule: operation.removed
                    reason: was planned, then reverted
                """);

        BreakingChangeGate.Verdict verdict = gate(released);

        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.report()).contains("warning: ", "matches no breaking change against 1.0.0; remove it");
    }

    @Test
    void aMajorVersionBumpAllowsBreakingChangesAndAMinorOneDoesNot() throws Exception {
        BreakingChangeGate.Verdict major = gate(doc -> {
            at(doc, "/info").put("version", "3.0.0");
            at(doc, "/paths/~1things~1{thingId}").remove("delete");
        });
        BreakingChangeGate.Verdict minor = gate(doc -> {
            at(doc, "/info").put("version", "2.5.0");
            at(doc, "/paths/~1things~1{thingId}").remove("delete");
        });

        assertThat(major.passes()).as(major.report()).isTrue();
        assertThat(major.report()).contains("1 breaking changes (allowed: info.version 2.4.0 -> 3.0.0 is a major bump)");
        assertThat(minor.passes()).isFalse();
    }

    @Test
    void aResponseThatMayNowBeNullFailsAndARequestThatRefusesNullFails() throws Exception {
        BreakingChangeGate.Verdict response = gate(doc -> at(doc, "/components/schemas/Thing/properties/name")
                .put("nullable", true));
        BreakingChangeGate.Verdict request = gate(doc -> at(doc, "/components/schemas/ThingCreation/properties/note")
                .remove("nullable"));

        assertThat(response.report()).contains("operation getThing (GET /things/{thingId}): response 200 "
                + "application/json $.name: response.nullable.increased: may now be null");
        assertThat(request.report()).contains("operation createThing (POST /things/): request body application/json "
                + "$.note: request.nullable.decreased: null no longer accepted");
    }

    @Test
    void aNewExampleOnAPropertyIsADocumentationChangeNotASchemaChange() throws Exception {
        // openapi-diff reports the schema as "compatibly changed"; the changelog must not list it among the changes
        BreakingChangeGate.Verdict verdict = gate(doc -> at(doc, "/components/schemas/Thing/properties/name")
                .put("example", "a better example").put("description", "The display name."));

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.comparison().documents().get(0).of(OperationChange.Kind.CHANGED))
                .hasSize(3).allMatch(OperationChange::docsOnly);
        assertThat(verdict.report()).contains("3 changed (3 in descriptions, examples or extensions only)");
    }

    @Test
    void aRequestBodyThatBecameOptionalPasses() throws Exception {
        // openapi-diff flags any change of requestBody.required; only optional -> required breaks a client
        BreakingChangeGate.Verdict optional = gate(doc -> at(doc, "/paths/~1things~1/post/requestBody")
                .put("required", false));

        assertThat(optional.passes()).as(optional.report()).isTrue();
    }

    @Test
    void withoutAnyReleaseTheGateSaysSoAndPasses(@TempDir Path empty) {
        BreakingChangeGate.Verdict verdict = new BreakingChangeGate(new ReleaseHistory(empty))
                .check(Map.of("things-api", released));

        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.report()).contains("no release baseline in", "cut the first one");
    }
}
