package org.dsscontractkit.spec.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cutting releases of the fixture document (1.0.0, then 1.1.0 with changes) and the changelog built from them: what a
 * maintainer does by hand, and what users read on the docs page.
 */
class ReleaseCutterAndChangelogTest {

    @TempDir
    Path releasesDir;
    @TempDir
    Path bundled;

    private String fixture;

    @BeforeEach
    void readFixture() throws Exception {
        fixture = Files.readString(Path.of("src/test/resources/fixtures/release-gate/things-api.yaml"));
    }

    private void build(String document) throws Exception {
        Files.writeString(bundled.resolve("dss-public-api.yaml"), document);
        Files.writeString(bundled.resolve("apinode-user-api.yaml"), fixture.replace("Things API", "Other API"));
    }

    private String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) Acknowledgements.YAML.readTree(fixture);
        edit.accept(doc);
        return Acknowledgements.YAML.writeValueAsString(doc);
    }

    private ReleaseHistory history() {
        return new ReleaseHistory(releasesDir);
    }

    /** Version 1.1.0 of the fixture: one operation added, one deprecated, one changed incompatibly, one removed. */
    private String nextVersion() throws Exception {
        return edited(doc -> {
            ObjectNode item = (ObjectNode) doc.at("/paths/~1things~1{thingId}");
            item.remove("delete");
            ((ObjectNode) item.get("get")).put("deprecated", true);
            ObjectNode put = item.putObject("put");
            put.put("operationId", "replaceThing").put("summary", "Replace a thing").putArray("tags").add("things");
            put.putArray("parameters").addObject().put("name", "thingId").put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
            put.putObject("responses").putObject("204").put("description", "Replaced.");
            ((ArrayNode) doc.at("/paths/~1things~1/get/parameters")).addObject().put("name", "limit").put("in", "query")
                    .putObject("schema").put("type", "integer");
            ((ObjectNode) doc.at("/paths/~1things~1/post")).put("description", "Creates a thing, now documented.");
        });
    }

    @Test
    void theFirstReleaseCopiesTheBundlesAndLeavesAnEmptyAcknowledgementsFile() throws Exception {
        build(fixture);

        Release release = ReleaseCutter.cut(bundled, history(), "1.0.0");

        assertThat(release.dir()).isEqualTo(releasesDir.resolve("1.0.0"));
        assertThat(release.documents()).containsOnlyKeys("dss-public-api", "apinode-user-api");
        assertThat(Files.readString(release.dir().resolve("dss-public-api.yaml"))).isEqualTo(fixture);
        assertThat(Files.readString(releasesDir.resolve(Release.ACKNOWLEDGEMENTS))).contains("acknowledged: []");
        assertThat(history().pendingAcknowledgements().entries()).isEmpty();
        assertThat(history().pendingAcknowledgements().problems()).isEmpty();
    }

    @Test
    void aReleaseRefusesALowerVersionAndABuildTheGateFails() throws Exception {
        build(fixture);
        ReleaseCutter.cut(bundled, history(), "1.0.0");
        build(nextVersion());

        assertThatThrownBy(() -> ReleaseCutter.cut(bundled, history(), "0.9.0"))
                .hasMessage("release 0.9.0 must be above the last release, 1.0.0");
        assertThatThrownBy(() -> ReleaseCutter.cut(bundled, history(), "1.1"))
                .hasMessage("release version must be X.Y.Z, got '1.1'");
        assertThatThrownBy(() -> ReleaseCutter.cut(bundled, history(), "1.1.0"))
                .isInstanceOf(BreakingChangeException.class)
                .hasMessageContaining("operation deleteThing (DELETE /things/{thingId}): operation: operation.removed");
        assertThat(releasesDir.resolve("1.1.0")).doesNotExist();
    }

    @Test
    void aReleaseKeepsTheAcknowledgementsItMadeAndTheChangelogShowsTheirReasons() throws Exception {
        build(fixture);
        ReleaseCutter.cut(bundled, history(), "1.0.0");
        build(nextVersion());
        Files.writeString(releasesDir.resolve(Release.ACKNOWLEDGEMENTS), """
                acknowledged:
                  - operation: deleteThing
                    location: operation
                    rule: operation.removed
                    reason: things are archived now, never deleted
                """);

        String unreleased = Changelog.of(history(), BreakingChangeGate.current(bundled)).markdown(false);
        Release release = ReleaseCutter.cut(bundled, history(), "1.1.0");
        Changelog changelog = Changelog.of(history(), BreakingChangeGate.current(bundled));
        String markdown = changelog.markdown(false);

        assertThat(release.acknowledgements().entries()).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("things are archived now, never deleted"));
        assertThat(history().pendingAcknowledgements().entries()).as("emptied for the next release").isEmpty();
        assertThat(unreleased).contains("## Unreleased (since 1.0.0)");
        assertThat(markdown)
                .contains("## Unreleased (since 1.1.0)\n\nNo operation changed.")
                .contains("## 1.1.0 (since 1.0.0)")
                .contains("### Things API (release gate fixture) (`dss-public-api` 2.4.0)")
                .contains("**Added** (1)\n\n- `replaceThing` `PUT /things/{thingId}` — Replace a thing\n")
                .contains("**Deprecated** (1)\n\n- `getThing` `GET /things/{thingId}` — Get a thing\n  - deprecated\n")
                .contains("**Changed** (1)\n\n- `listThings` `GET /things/` — List things\n"
                        + "  - optional parameter query `limit` added\n")
                .contains("**Removed** (1)\n\n- `deleteThing` `DELETE /things/{thingId}` — Delete a thing\n"
                        + "  - **breaking**. Accepted: things are archived now, never deleted\n")
                .contains("Descriptions, examples or extensions updated (1): `createThing`.")
                .contains("## 1.0.0\n\nFirst release baseline.\n\n- Things API (release gate fixture) (`dss-public-api` "
                        + "2.4.0): 4 operations (things 4)");
        assertThat(markdown.indexOf("## 1.1.0")).as("newest first").isLessThan(markdown.indexOf("## 1.0.0"));
        assertThat(changelog.markdown(true)).as("the docs page links to the operations that exist")
                .contains("[`replaceThing`](dss-public-api.html#/things/replaceThing)")
                .contains("- `deleteThing` `DELETE");
    }

    @Test
    void theChangelogMarksABreakingChangeNotYetAcknowledged() throws Exception {
        build(fixture);
        ReleaseCutter.cut(bundled, history(), "1.0.0");
        build(edited(doc -> ((ArrayNode) doc.at("/components/schemas/ThingKind/enum")).remove(0)));

        String markdown = Changelog.of(history(), BreakingChangeGate.current(bundled)).markdown(false);

        assertThat(markdown).contains("- `createThing` `POST /things/` — Create a thing\n"
                + "  - **breaking** `request body application/json $.kind`: request.enum.decreased — values no longer "
                + "accepted: \\[SMALL\\] — **not acknowledged**: the release gate fails until it is");
    }

    @Test
    void aFolderThatIsNotAVersionIsRefused() throws Exception {
        Files.createDirectories(releasesDir.resolve("latest"));

        assertThatThrownBy(this::history).hasMessageContaining("latest is not a release baseline")
                .hasMessageContaining("named by release version, X.Y.Z");
    }

    @Test
    void releasesAreOrderedByVersionNotByName() throws Exception {
        for (String version : new String[] {"1.10.0", "1.9.2", "1.2.0"}) {
            Files.createDirectories(releasesDir.resolve(version));
        }

        assertThat(history().releases()).extracting(Release::version).containsExactly("1.2.0", "1.9.2", "1.10.0");
        assertThat(history().last()).map(Release::version).contains("1.10.0");
    }
}
