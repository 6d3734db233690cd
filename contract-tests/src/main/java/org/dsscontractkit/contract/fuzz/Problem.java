package org.dsscontractkit.contract.fuzz;

/** What the fuzz fails a request for. */
public enum Problem {
    SERVER_ERROR("a 5xx the document does not declare for the operation"),
    NO_ANSWER("no complete answer: connection refused, dropped or reset, or no answer in time"),
    NON_JSON_ERROR("an error whose body is not a JSON object with errorType and message (DSSError)"),
    SUCCESS_WITHOUT_CREDENTIALS("a 2xx to a request without valid credentials on an operation that requires them");

    private final String description;

    Problem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
