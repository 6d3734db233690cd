package org.dsscontractkit.apinode.http;

/**
 * A failure with its HTTP status and the DSS error body fields. Thrown anywhere in the API node; turned into a JSON
 * {@code DSSError} body by {@link ApiErrorMapper}.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String detailedMessage;
    private String field;
    private String rule;

    public ApiError(int status, String errorType, String message) {
        this(status, errorType, message, null);
    }

    public ApiError(int status, String errorType, String message, String detailedMessage) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.detailedMessage = detailedMessage;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String detailedMessage() {
        return detailedMessage == null ? getMessage() : detailedMessage;
    }

    /** Names the request field at fault and the rule it broke (DSSError {@code field} / {@code rule}). */
    public ApiError at(String fieldName, String ruleName) {
        this.field = fieldName;
        this.rule = ruleName;
        return this;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message);
    }

    public static ApiError badInput(String errorType, String message) {
        return new ApiError(400, errorType, message);
    }

    public static ApiError notFound(String errorType, String message) {
        return new ApiError(404, errorType, message);
    }
}
