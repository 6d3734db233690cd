package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.dsscontractkit.spec.build.ApiDocument;
import org.dsscontractkit.spec.release.BreakingChange;
import org.dsscontractkit.spec.release.BreakingChangeGate;
import org.dsscontractkit.spec.release.Release;
import org.dsscontractkit.spec.release.ReleaseHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release gate on the real documents: they pass against the last release, and the edits planned for the DSS
 * document (many operations added, query booleans from a string pattern to boolean, some answer fields made
 * optional) either pass or are acknowledged with one short entry each.
 */
class UpcomingSpecChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> current;

    @TempDir
    Path scratch;

    @BeforeAll
    static void readTheBundles() throws Exception {
        current = BreakingChangeGate.current(SpecPaths.bundledDir());
    }

    private static ReleaseHistory releases() {
        return new ReleaseHistory(Path.of(System.getProperty("spec.releasesDir", "releases")));
    }

    /** The last release, copied so that a test can write acknowledgements next to it. */
    private ReleaseHistory lastReleaseCopy(String acknowledgements) throws Exception {
        Release last = releases().last().orElseThrow(() -> new AssertionError("no release baseline in spec/releases"));
        Path dir = Files.createDirectories(scratch.resolve(last.version()));
        for (Map.Entry<String, String> doc : last.documents().entrySet()) {
            Files.writeString(dir.resolve(doc.getKey() + ".yaml"), doc.getValue());
        }
        Files.writeString(scratch.resolve(Release.ACKNOWLEDGEMENTS), acknowledgements);
        return new ReleaseHistory(scratch);
    }

    private static Map<String, String> withDss(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode dss = (ObjectNode) JSON.readTree(Files.readString(SpecPaths.bundledJson(ApiDocument.DSS_PUBLIC_API)));
        edit.accept(dss);
        Map<String, String> documents = new LinkedHashMap<>(current);
        documents.put("dss-public-api", JSON.writeValueAsString(dss));
        return documents;
    }

    @Test
    void theCurrentDocumentsPassAgainstTheLastRelease() {
        BreakingChangeGate.Verdict verdict = new BreakingChangeGate(releases()).check(current);

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        System.out.print(verdict.report());
    }

    @Test
    void manyAddedOperationsPass() throws Exception {
        Map<String, String> documents = withDss(dss -> {
            for (int i = 0; i < 30; i++) {
                ObjectNode get = ((ObjectNode) dss.get("paths")).putObject("/projects/{projectKey}/things-" + i + "/")
                        .putObject("get");
                get.put("operationId", "listThings" + i).putArray("tags").add("Projects");
                get.putArray("parameters").addObject().put("$ref", "#/components/parameters/projectKey");
                get.putObject("responses").putObject("200").put("description", "The things.");
            }
        });

        BreakingChangeGate.Verdict verdict = new BreakingChangeGate(lastReleaseCopy("acknowledged: []\n"))
                .check(documents);
        // counted from what the current documents already add and change since the release
        int[] already = addedAndChanged(new BreakingChangeGate(lastReleaseCopy("acknowledged: []\n")).check(current).report());

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("dss-public-api against release",
                (already[0] + 30) + " operations added, " + already[1] + " changed").contains("0 breaking changes");
    }

    /** The "N operations added, M changed" of the DSS document's line of a gate report. */
    private static int[] addedAndChanged(String report) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("dss-public-api against release .*?: (\\d+) operations added, (\\d+) changed").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void queryBooleansBecomingBooleansAreFlaggedEverywhereAndOneEntryAcknowledgesThem() throws Exception {
        Map<String, String> documents = withDss(dss -> {
            ObjectNode wireBoolean = (ObjectNode) dss.at("/components/schemas/WireBoolean");
            wireBoolean.removeAll();
            wireBoolean.put("type", "boolean");
        });

        BreakingChangeGate.Verdict flagged = new BreakingChangeGate(lastReleaseCopy("acknowledged: []\n"))
                .check(documents);
        BreakingChangeGate.Verdict acknowledged = new BreakingChangeGate(lastReleaseCopy("""
                acknowledged:
                  - operation: "*"
                    location: parameter query *
                    rule: schema.type.changed
                    reason: query booleans are real booleans now; DSS reads true/false as it reads True/False
                """)).check(documents);

        assertThat(flagged.unaccounted()).hasSizeGreaterThan(15)
                .allSatisfy(change -> assertThat(change.rule()).isEqualTo("schema.type.changed"))
                .extracting(BreakingChange::toString)
                .contains("dss-public-api: operation listProjects (GET /projects/): parameter query includeLocation: "
                        + "schema.type.changed: type string -> boolean");
        assertThat(acknowledged.passes()).as(acknowledged.report()).isTrue();
    }

    @Test
    void answerFieldsMadeOptionalAreFlaggedAndAcknowledgeable() throws Exception {
        Map<String, String> documents = withDss(dss ->
                ((ObjectNode) dss.at("/components/schemas/ProjectSummary")).remove("required"));

        BreakingChangeGate.Verdict flagged = new BreakingChangeGate(lastReleaseCopy("acknowledged: []\n"))
                .check(documents);
        BreakingChangeGate.Verdict acknowledged = new BreakingChangeGate(lastReleaseCopy("""
                acknowledged:
                  - operation: "*"
                    location: "*.projectKey"
                    rule: response.required.decreased
                    reason: projects being created are listed before their key is assigned
                """)).check(documents);

        assertThat(flagged.report()).contains("dss-public-api: operation listProjects (GET /projects/): response 200 "
                + "application/json $[].projectKey: response.required.decreased: property became optional");
        assertThat(acknowledged.passes()).as(acknowledged.report()).isTrue();
    }
}
