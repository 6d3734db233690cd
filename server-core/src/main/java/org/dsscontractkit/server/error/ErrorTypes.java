package org.dsscontractkit.server.error;

/**
 * The {@code errorType}s of both halves, one per situation, whichever half answers: fully qualified class names as
 * DSS sends them (the Python client prints them verbatim and callers match on them). Where DSS's real class is not
 * known, the name is made up in the {@code com.dataiku.} namespace and used for that situation only.
 */
public final class ErrorTypes {
    private ErrorTypes() {}

    /** Bad input: malformed JSON, a value of the wrong type, a missing or invalid field or parameter, a bad URI. */
    public static final String BAD_REQUEST = "java.lang.IllegalArgumentException";
    /** No such object (project, dataset, service, endpoint, ...) or no such API path. */
    public static final String NOT_FOUND = "com.dataiku.dip.server.controllers.NotFoundException";
    /** No credentials, unknown or expired credentials (401); also a valid key without the right (403). */
    public static final String UNAUTHORIZED = "com.dataiku.dip.exceptions.UnauthorizedException";
    public static final String FORBIDDEN = UNAUTHORIZED;
    /** The object to create already exists. */
    public static final String CONFLICT = "com.dataiku.dip.exceptions.DKUObjectAlreadyExistsException";
    /** The call does not fit the current state of the object (no generation yet, several lookup matches, ...). */
    public static final String ILLEGAL_STATE = "java.lang.IllegalStateException";
    /** An uploaded file over {@code --max-upload-size}. */
    public static final String UPLOAD_TOO_LARGE = "com.dataiku.dip.exceptions.UploadTooLargeException";
    /** A request body over {@code --max-request-body}, a URI or headers over the container's limits (413, 414, 431). */
    public static final String REQUEST_TOO_LARGE = "com.dataiku.dip.exceptions.RequestTooLargeException";
    /** A feature this server does not have (501). */
    public static final String UNSUPPORTED = "java.lang.UnsupportedOperationException";
    /** A job, metric computation or similar task that failed. */
    public static final String EXECUTION_FAILED = "com.dataiku.dip.exceptions.ExecutionFailedException";
    /** The configuration store cannot be reached. */
    public static final String STORAGE_UNAVAILABLE = "com.dataiku.dip.exceptions.StorageUnavailableException";
    /** A resource the call needs is temporarily unavailable (busy function workers, a dataset that cannot be read). */
    public static final String SERVICE_UNAVAILABLE = "com.dataiku.dip.exceptions.ServiceUnavailableException";
    /** A file or directory of the server's state could not be written or removed. */
    public static final String IO_FAILURE = "java.io.IOException";
    /** A SQL statement failed in the database. */
    public static final String SQL_FAILURE = "java.sql.SQLException";
    /** A SQL statement broke a constraint of the database. */
    public static final String SQL_CONSTRAINT = "java.sql.SQLIntegrityConstraintViolationException";
    /** An API node function raised, crashed, timed out or could not be loaded (the API node's own namespace). */
    public static final String FUNCTION_FAILED = "com.dataiku.lambda.FunctionFailedException";
    /** An API node function's runtime (R) is missing. */
    public static final String RUNTIME_UNAVAILABLE = "com.dataiku.lambda.RuntimeUnavailableException";
    /** A bug of this server: never expected; logged with its stack trace, never sent. */
    public static final String INTERNAL = "java.lang.IllegalStateException";

    /** The type of an error known only by its status (container-level errors, JAX-RS exceptions). */
    public static String forStatus(int status) {
        return switch (status) {
            case 401, 403 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 413, 414, 431 -> REQUEST_TOO_LARGE;
            case 501 -> UNSUPPORTED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
