package org.dsscontractkit.contract;

import java.util.List;
import java.util.Set;

/** Operations exercised out of those the documents declare, and the list of those never exercised. */
public record CoverageReport(List<SpecOperation> operations, Set<SpecOperation> exercised, int exchanges,
                             int violations) {

    public List<SpecOperation> neverExercised() {
        return operations.stream().filter(op -> !exercised.contains(op)).toList();
    }

    /** @return the report as printed at the end of a run */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Contract validation: ").append(exchanges).append(" exchanges validated, ")
                .append(violations).append(" violations; operations exercised ")
                .append(exercised.size()).append(" / ").append(operations.size()).append('\n');
        operations.stream().map(SpecOperation::document).distinct().forEach(document -> {
            long total = operations.stream().filter(op -> op.document().equals(document)).count();
            long seen = exercised.stream().filter(op -> op.document().equals(document)).count();
            text.append("  ").append(document).append(": ").append(seen).append(" / ").append(total).append('\n');
        });
        List<SpecOperation> missing = neverExercised();
        if (!missing.isEmpty()) {
            text.append("Never exercised (").append(missing.size()).append("):\n");
            missing.forEach(op -> text.append("  ").append(op.document()).append(": ").append(op).append('\n'));
        }
        return text.toString();
    }
}
