package org.dsscontractkit.reference.server;

/**
 * A failure the caller caused or may act on. Rendered as a DSSError JSON body; never a stack trace.
 * The error types are the class names real DSS reports, because the Python client prints them verbatim.
 */
public class ApiException extends RuntimeException {
    public static final String NOT_FOUND = "com.dataiku.dip.server.controllers.NotFoundException";
    public static final String UNAUTHORIZED = "com.dataiku.dip.exceptions.UnauthorizedException";
    public static final String FORBIDDEN = "com.dataiku.dip.exceptions.UnauthorizedException";
    public static final String BAD_REQUEST = "java.lang.IllegalArgumentException";
    public static final String CONFLICT = "com.dataiku.dip.exceptions.DKUObjectAlreadyExistsException";
    public static final String TOO_LARGE = "com.dataiku.dip.exceptions.UploadTooLargeException";
    public static final String FAILED = "com.dataiku.dip.exceptions.ExecutionFailedException";

    private final int status;
    private final String errorType;
    private final String detailedMessage;
    private String field;
    private String rule;

    public ApiException(int status, String errorType, String message, String detailedMessage) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.detailedMessage = detailedMessage;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, BAD_REQUEST, message, message);
    }

    /** A field-level validation failure: names the field and the rule it broke. */
    public static ApiException invalidField(String field, String rule) {
        String msg = "Invalid value for '" + field + "': " + rule;
        ApiException e = new ApiException(400, BAD_REQUEST, msg, msg);
        e.field = field;
        e.rule = rule;
        return e;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, NOT_FOUND, what + " does not exist", what + " does not exist");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, CONFLICT, message, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, FORBIDDEN, message, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, UNAUTHORIZED, message, message);
    }

    public int status() { return status; }
    public String field() { return field; }
    public String rule() { return rule; }
    public String errorType() { return errorType; }
    public String detailedMessage() { return detailedMessage; }
}
