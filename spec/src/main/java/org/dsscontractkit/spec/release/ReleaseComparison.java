package org.dsscontractkit.spec.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every document of one release compared with the previous one, and how each breaking change is accounted for:
 * acknowledged (with the entry), allowed by a major bump of the document's {@code info.version}, or not at all.
 *
 * @param from            version compared against (a release), or null when there is none before
 * @param to              version compared ("unreleased" for the working documents)
 * @param documents       the changes, per document
 * @param acknowledgements what the target version acknowledged
 */
public record ReleaseComparison(String from, String to, List<DocumentChanges> documents,
                                Acknowledgements acknowledgements) {

    /**
     * @param before documents of the older version (file stem to text); empty for the first release
     * @param after  documents of the newer version
     */
    public static ReleaseComparison of(String from, Map<String, String> before, String to, Map<String, String> after,
                                       Acknowledgements acknowledgements) {
        Set<String> stems = new LinkedHashSet<>(after.keySet());
        stems.addAll(before.keySet());
        List<DocumentChanges> documents = new ArrayList<>();
        for (String stem : stems) {
            documents.add(ContractDiff.compare(stem, before.get(stem), after.get(stem)));
        }
        return new ReleaseComparison(from, to, documents, acknowledgements);
    }

    public List<BreakingChange> breaking() {
        return documents.stream().flatMap(d -> d.breaking().stream()).toList();
    }

    public Optional<Acknowledgement> acknowledgement(BreakingChange change) {
        return acknowledgements.find(change);
    }

    public boolean allowedByMajorBump(BreakingChange change) {
        return documents.stream().filter(d -> d.document().equals(change.document()))
                .anyMatch(DocumentChanges::majorVersionBumped);
    }

    /** Breaking changes neither acknowledged nor covered by a major version bump: the gate fails on these. */
    public List<BreakingChange> unaccounted() {
        return breaking().stream().filter(c -> !allowedByMajorBump(c) && acknowledgement(c).isEmpty()).toList();
    }

    /** Acknowledgements that match no breaking change (stale, or mistyped). */
    public List<Acknowledgement> unusedAcknowledgements() {
        List<BreakingChange> all = breaking();
        return acknowledgements.entries().stream().filter(a -> all.stream().noneMatch(a::matches)).toList();
    }
}
