package org.dsscontractkit.spec.release;

import java.util.List;
import java.util.Optional;

/**
 * Every operation-level change of one document between two versions.
 *
 * @param document   file stem ({@code dss-public-api})
 * @param title      the document's title (new version)
 * @param oldVersion {@code info.version} of the old document, or null when the document is new
 * @param newVersion {@code info.version} of the new document, or null when the document was removed
 * @param operations one entry per added, removed, deprecated or changed operation, in document order
 */
public record DocumentChanges(String document, String title, String oldVersion, String newVersion,
                              List<OperationChange> operations) {

    public DocumentChanges {
        operations = List.copyOf(operations);
    }

    public List<BreakingChange> breaking() {
        return operations.stream().flatMap(op -> op.breaking().stream()).toList();
    }

    public List<OperationChange> of(OperationChange.Kind kind) {
        return operations.stream().filter(op -> op.kind() == kind).toList();
    }

    /**
     * Whether {@code info.version} went up by a major (14.3.3 to 15.0.0): the document says it breaks compatibility,
     * so its breaking changes need no acknowledgement.
     */
    public boolean majorVersionBumped() {
        Optional<Integer> before = major(oldVersion);
        Optional<Integer> after = major(newVersion);
        return before.isPresent() && after.isPresent() && after.get() > before.get();
    }

    static Optional<Integer> major(String version) {
        if (version == null) {
            return Optional.empty();
        }
        String digits = version.trim().replaceFirst("^[vV]", "").replaceFirst("^(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
    }
}
