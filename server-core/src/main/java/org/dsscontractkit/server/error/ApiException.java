package org.dsscontractkit.server.error;

/**
 * A failure the caller caused or may act on, in either half of the server. Rendered by {@link ErrorBodies} as the
 * generated {@code DSSError} model; never a stack trace. {@code field}/{@code rule} name the input at fault,
 * {@code code} is an optional stable code finer than the errorType (e.g. {@code ERR_ENDPOINT_NOT_FOUND}).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String errorType;
    private final String detailedMessage;
    private String field;
    private String rule;
    private String code;

    public ApiException(int status, String errorType, String message) {
        this(status, errorType, message, null);
    }

    public ApiException(int status, String errorType, String message, String detailedMessage) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.detailedMessage = detailedMessage;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorTypes.BAD_REQUEST, message);
    }

    /** A field-level validation failure: names the field and the rule it broke. */
    public static ApiException invalidField(String field, String rule) {
        return badRequest("Invalid value for '" + field + "': " + rule).at(field, rule);
    }

    /** {@code what} does not exist. */
    public static ApiException notFound(String what) {
        return new ApiException(404, ErrorTypes.NOT_FOUND, what + " does not exist");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ErrorTypes.CONFLICT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorTypes.FORBIDDEN, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorTypes.UNAUTHORIZED, message);
    }

    /** Names the request field (or parameter) at fault and the rule it broke. */
    public ApiException at(String fieldName, String ruleName) {
        this.field = fieldName;
        this.rule = ruleName;
        return this;
    }

    public ApiException withCode(String stableCode) {
        this.code = stableCode;
        return this;
    }

    public int status() { return status; }
    public String errorType() { return errorType; }
    public String detailedMessage() { return detailedMessage == null ? getMessage() : detailedMessage; }
    public String field() { return field; }
    public String rule() { return rule; }
    public String code() { return code; }

    /** The ApiException that caused {@code failure} (itself included), if any: wrapped by Jersey, Jackson or a stream. */
    public static ApiException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException e) return e;
        }
        return null;
    }
}
