package org.dsscontractkit.spec.release;

/** The release gate's failure: the message lists every breaking change and the acknowledgement entries to paste. */
public class BreakingChangeException extends RuntimeException {

    public BreakingChangeException(String report) {
        super("The OpenAPI documents break compatibility with the last release:\n" + report);
    }
}
