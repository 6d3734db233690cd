package org.dsscontractkit.contract;

/**
 * One way an exchange disagrees with the OpenAPI document.
 *
 * @param exchange  the request line or interaction description the violation was found in
 * @param operation the operation the request was matched to; null when none matched
 * @param rule      the validator's message key (e.g. {@code validation.response.body.schema.required})
 * @param message   what is wrong, in the validator's words
 * @param status    the response status of the exchange
 */
public record Violation(String exchange, SpecOperation operation, String rule, String message, int status) {

    @Override
    public String toString() {
        return exchange + " -> " + status + (operation != null ? " [" + operation.operationId() + "]" : "")
                + ": " + rule + ": " + message;
    }
}
