package org.dsscontractkit.client;

/**
 * The one exception the Java client throws for a failed call: an HTTP error answered by DSS or an API node,
 * a response that is not what the contract promises, or a network failure before any answer arrived.
 *
 * <p>{@link #getMessage()} is formatted like the Python client's {@code DataikuException}:
 * {@code "<errorType>: <detailedMessage or message>"}, so code matching on messages behaves the same in both
 * languages. Unlike the Python client, the HTTP status is kept ({@link #getHttpStatus()}; {@code 0} when no
 * response was received).</p>
 */
public class DataikuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status reported when no HTTP response was received (connection refused, timeout, TLS failure). */
    public static final int NO_RESPONSE = 0;

    private final int httpStatus;
    private final String errorType;
    private final String serverMessage;
    private final String detailedMessage;

    /**
     * @param httpStatus      HTTP status of the answer, or {@link #NO_RESPONSE}
     * @param errorType       DSS error type (e.g. {@code com.dataiku.dip.exceptions.UnknownObjectException}); null means "Unknown error"
     * @param message         short message of the error body, may be null
     * @param detailedMessage detailed message of the error body, may be null
     * @param cause           underlying cause, may be null
     */
    public DataikuException(int httpStatus, String errorType, String message, String detailedMessage, Throwable cause) {
        super(format(errorType, message, detailedMessage), cause);
        this.httpStatus = httpStatus;
        this.errorType = errorType == null ? "Unknown error" : errorType;
        this.serverMessage = message;
        this.detailedMessage = detailedMessage;
    }

    /** Same as the five-argument constructor without a cause. */
    public DataikuException(int httpStatus, String errorType, String message, String detailedMessage) {
        this(httpStatus, errorType, message, detailedMessage, null);
    }

    private static String format(String errorType, String message, String detailedMessage) {
        String detail = detailedMessage != null ? detailedMessage : message != null ? message : "No message";
        return (errorType == null ? "Unknown error" : errorType) + ": " + detail;
    }

    /** @return the HTTP status of the failed call, or {@link #NO_RESPONSE} (0) when nothing was answered */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** @return the {@code errorType} of the error body, {@code "Unknown error"} when absent */
    public String getErrorType() {
        return errorType;
    }

    /** @return the {@code message} field of the error body (or the raw body when it was not JSON), may be null */
    public String getServerMessage() {
        return serverMessage;
    }

    /** @return the {@code detailedMessage} field of the error body, may be null */
    public String getDetailedMessage() {
        return detailedMessage;
    }
}
