package org.dsscontractkit.spec.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cuts a release baseline: copies the bundled documents of this build into {@code spec/releases/<version>/} and moves
 * the acknowledgements made since the last release into that folder (the changelog keeps their reasons), leaving an
 * empty acknowledgements file for the next release. Refuses a version that is not above the last one, and a build
 * the release gate would fail.
 *
 * <p>Arguments: bundledDir releasesDir version.
 * {@code mvn -pl spec process-classes exec:java@cut-release -Dspec.release=0.2.0}
 */
public final class ReleaseCutter {

    static final String ACKNOWLEDGEMENTS_HEADER = """
            # Breaking changes of the OpenAPI documents accepted on purpose since the last release (spec/releases/<X.Y.Z>/).
            # The release gate (mvn verify, spec module) fails on any other breaking change and prints the entry to paste
            # here; write the reason for the API's users. '*' in operation, location or rule stands for any text.
            # Cutting a release moves these entries into the release's folder and empties this list.
            #
            #   - operation: listProjects                        # operationId
            #     location: parameter query includeLocation      # as the gate prints it
            #     rule: schema.type.changed
            #     reason: query booleans are real booleans now; DSS reads true/false as it reads True/False
            """;

    private ReleaseCutter() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || args[2].isBlank() || args[2].startsWith("${")) {
            throw new IllegalArgumentException("usage: mvn -pl spec process-classes exec:java@cut-release"
                    + " -Dspec.release=X.Y.Z");
        }
        Release release = cut(Path.of(args[0]), new ReleaseHistory(Path.of(args[1])), args[2].trim());
        System.out.println("[spec] release " + release.version() + " cut: " + release.documents().keySet() + " in "
                + release.dir());
    }

    public static Release cut(Path bundledDir, ReleaseHistory history, String version) {
        if (!ReleaseHistory.isVersion(version)) {
            throw new IllegalArgumentException("release version must be X.Y.Z, got '" + version + "'");
        }
        history.last().ifPresent(last -> {
            if (ReleaseHistory.compareVersions(version, last.version()) <= 0) {
                throw new IllegalArgumentException("release " + version + " must be above the last release, "
                        + last.version());
            }
        });
        Map<String, String> current = BreakingChangeGate.current(bundledDir);
        BreakingChangeGate.Verdict verdict = new BreakingChangeGate(history).check(current);
        if (!verdict.passes()) {
            throw new BreakingChangeException(verdict.report());
        }
        Path dir = history.dir().resolve(version);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> doc : current.entrySet()) {
                Files.writeString(dir.resolve(doc.getKey() + ".yaml"), doc.getValue());
            }
            List<Acknowledgement> acknowledged = history.pendingAcknowledgements().entries();
            if (!acknowledged.isEmpty()) {
                Files.writeString(dir.resolve(Release.ACKNOWLEDGEMENTS), Acknowledgements.render(
                        "# Breaking changes release " + version + " accepted, against the release before it.\n",
                        acknowledged));
            }
            Files.writeString(history.pendingAcknowledgementsFile(),
                    Acknowledgements.render(ACKNOWLEDGEMENTS_HEADER, List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write release " + version + " into " + dir + ": " + e.getMessage(), e);
        }
        return new Release(version, dir);
    }
}
