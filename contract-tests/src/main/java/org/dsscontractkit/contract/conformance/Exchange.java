package org.dsscontractkit.contract.conformance;

import java.util.List;
import org.dsscontractkit.contract.SpecOperation;
import org.dsscontractkit.contract.Violation;

/**
 * One call of the run.
 *
 * @param operation  the operation called
 * @param request    method and path as the documents see it ({@code GET /public/api/projects/?includeLocation=True})
 * @param status     the answer's status; 0 when no answer came (the note says why)
 * @param violations what the validator found in this exchange
 * @param note       why the answer was not fully checked, or what failed, or null
 */
public record Exchange(SpecOperation operation, String request, int status, List<Violation> violations, String note) {

    public Exchange {
        violations = List.copyOf(violations);
    }

    /** A success the operation documents: the operation is reached. */
    public boolean reached() {
        return status >= 200 && status < 300;
    }
}
