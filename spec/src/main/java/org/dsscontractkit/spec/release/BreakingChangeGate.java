package org.dsscontractkit.spec.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dsscontractkit.spec.build.ApiDocument;

/**
 * The release gate ({@code mvn verify} in the spec module): the current bundled documents against the last release
 * baseline. A breaking change fails the build unless the document's {@code info.version} went up by a major or the
 * change is acknowledged, with a reason, in {@code spec/releases/acknowledged-breaking-changes.yaml}. The failure
 * names each change (operation, location, rule) and prints the acknowledgement entry to paste.
 *
 * <p>Arguments: bundledDir releasesDir.
 */
public final class BreakingChangeGate {

    private final ReleaseHistory history;

    public BreakingChangeGate(ReleaseHistory history) {
        this.history = history;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BreakingChangeGate <bundledDir> <releasesDir>");
        }
        Verdict verdict = new BreakingChangeGate(new ReleaseHistory(Path.of(args[1]))).check(current(Path.of(args[0])));
        if (!verdict.passes()) {
            throw new BreakingChangeException(verdict.report());
        }
        System.out.print(verdict.report());
    }

    /** @return the bundled documents of this build (file stem to YAML), as the spec build wrote them */
    public static Map<String, String> current(Path bundledDir) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (ApiDocument doc : ApiDocument.values()) {
            Path file = bundledDir.resolve(doc.fileStem() + ".yaml");
            try {
                documents.put(doc.fileStem(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is missing: the spec build (process-classes) writes it", e);
            }
        }
        return documents;
    }

    public Verdict check(Map<String, String> current) {
        Acknowledgements acknowledgements = history.pendingAcknowledgements();
        Optional<Release> last = history.last();
        if (last.isEmpty()) {
            return new Verdict(history, null, acknowledgements);
        }
        ReleaseComparison comparison = ReleaseComparison.of(last.get().version(), last.get().documents(),
                "unreleased", current, acknowledgements);
        return new Verdict(history, comparison, acknowledgements);
    }

    /** The gate's answer, and the text it prints. */
    public record Verdict(ReleaseHistory history, ReleaseComparison comparison, Acknowledgements acknowledgements) {

        public boolean passes() {
            return acknowledgements.problems().isEmpty() && (comparison == null || comparison.unaccounted().isEmpty());
        }

        public List<BreakingChange> unaccounted() {
            return comparison == null ? List.of() : comparison.unaccounted();
        }

        public String report() {
            StringBuilder text = new StringBuilder();
            String ackFile = display(history.pendingAcknowledgementsFile());
            if (comparison == null) {
                text.append("[spec] release gate: no release baseline in ").append(display(history.dir()))
                        .append(" yet; cut the first one (see README, \"Releasing the spec\")\n");
            } else {
                String baseline = "release " + comparison.from() + " (" + display(history.dir().resolve(comparison.from())) + ")";
                List<BreakingChange> breaking = comparison.breaking();
                List<BreakingChange> unaccounted = comparison.unaccounted();
                for (DocumentChanges doc : comparison.documents()) {
                    text.append("[spec] release gate: ").append(doc.document()).append(" against ").append(baseline)
                            .append(": ").append(doc.of(OperationChange.Kind.ADDED).size()).append(" operations added, ")
                            .append(doc.of(OperationChange.Kind.CHANGED).size()).append(" changed")
                            .append(docsOnly(doc) == 0 ? "" : " (" + docsOnly(doc) + " in descriptions, examples or extensions only)")
                            .append(", ")
                            .append(doc.of(OperationChange.Kind.DEPRECATED).size()).append(" deprecated, ")
                            .append(doc.of(OperationChange.Kind.REMOVED).size()).append(" removed; ")
                            .append(doc.breaking().size()).append(" breaking changes")
                            .append(doc.majorVersionBumped() ? " (allowed: info.version " + doc.oldVersion() + " -> "
                                    + doc.newVersion() + " is a major bump)" : "")
                            .append('\n');
                }
                breaking.stream().filter(c -> !unaccounted.contains(c) && !comparison.allowedByMajorBump(c))
                        .forEach(c -> text.append("[spec]   acknowledged: ").append(c).append(" (")
                                .append(comparison.acknowledgement(c).map(Acknowledgement::reason).orElse("")).append(")\n"));
                comparison.unusedAcknowledgements().forEach(a -> text.append("[spec]   warning: ").append(ackFile)
                        .append(": the acknowledgement (").append(a).append(") matches no breaking change against ")
                        .append(comparison.from()).append("; remove it\n"));
                if (!unaccounted.isEmpty()) {
                    text.append('\n').append(unaccounted.size()).append(" breaking change(s) against ").append(baseline)
                            .append(", neither acknowledged nor allowed by a major version bump:\n");
                    unaccounted.forEach(c -> text.append("  - ").append(c).append('\n'));
                    text.append("\nEach breaks clients generated from, or pacts written against, release ")
                            .append(comparison.from()).append(". Either\n");
                    comparison.documents().stream().filter(d -> unaccounted.stream()
                                    .anyMatch(c -> c.document().equals(d.document())))
                            .forEach(d -> text.append("  - bump ").append(d.document()).append("'s info.version by a major (")
                                    .append(d.newVersion()).append(" -> ").append(nextMajor(d.newVersion()))
                                    .append("), or\n"));
                    text.append("  - acknowledge each change with a reason in ").append(ackFile)
                            .append(", under 'acknowledged:' (replace the TODO with the reason):\n\n");
                    text.append(unaccounted.stream().map(Acknowledgements::entryFor).collect(Collectors.joining()));
                    if (unaccounted.size() > 1) {
                        text.append("\n'*' stands for any text: one entry with operation: \"*\" acknowledges the same"
                                + " change of a shared schema in every operation.\n");
                    }
                }
            }
            if (!acknowledgements.problems().isEmpty()) {
                text.append("\nThe acknowledgements cannot be used:\n");
                acknowledgements.problems().forEach(p -> text.append("  - ").append(p).append('\n'));
            }
            return text.toString();
        }

        private static long docsOnly(DocumentChanges doc) {
            return doc.of(OperationChange.Kind.CHANGED).stream().filter(OperationChange::docsOnly).count();
        }

        private static String nextMajor(String version) {
            return DocumentChanges.major(version).map(m -> (m + 1) + ".0.0").orElse("a new major");
        }

        /** Paths as a user finds them from the repository root ({@code spec/releases/...}). */
        private String display(Path path) {
            Path repository = history.dir().toAbsolutePath().normalize().getParent();
            repository = repository == null || repository.getParent() == null ? repository : repository.getParent();
            Path absolute = path.toAbsolutePath().normalize();
            return repository != null && absolute.startsWith(repository) ? repository.relativize(absolute).toString()
                    : path.toString();
        }
    }
}
