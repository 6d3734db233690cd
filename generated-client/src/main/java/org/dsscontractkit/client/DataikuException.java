package org.dsscontractkit.client;

/**
 * The one exception the Java client throws for a failed call. It is unchecked (a {@link RuntimeException}), like
 * every failure of the handles: an HTTP error answered by DSS or an API node, an answer that is not what the
 * contract promises, a job that ended badly, a wait that timed out ({@link org.dsscontractkit.client.future.WaitTimeoutException}),
 * a network failure, or a local file that cannot be read or written.
 *
 * <p>What it carries:</p>
 * <ul>
 *   <li>{@link #getMessage()}: formatted like the Python client's {@code DataikuException},
 *       {@code "<errorType>: <detailedMessage, else message>"} (e.g.
 *       {@code "java.lang.SecurityException: You may not create new projects"}), so code matching on messages
 *       behaves the same in both languages;</li>
 *   <li>{@link #getErrorType()}: the {@code errorType} of the {@code DSSError} body, what callers match on
 *       ({@code "Unknown error"} when the body had none);</li>
 *   <li>{@link #getServerMessage()}: the {@code message} field of the body alone (the short message), or the raw
 *       body text when it was not JSON; {@link #getDetailedMessage()}: its {@code detailedMessage} field;</li>
 *   <li>{@link #getHttpStatus()}: the status of the answer that revealed the failure (see there);</li>
 *   <li>{@link #getCause()}: the underlying exception when there is one (network or file failure, parse error).</li>
 * </ul>
 *
 * <p>Calls made directly on the generated code through {@code DSSClient.getApiClient()} throw the generated, checked
 * {@code ApiException} instead; {@code DSSClient.call(...)} runs such calls with this translation.</p>
 */
public class DataikuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status reported when no HTTP answer was received (connection refused, timeout, TLS failure, interruption). */
    public static final int NO_RESPONSE = 0;

    /** {@link #getErrorType()} of a successful answer that does not match the contract (status 200). */
    public static final String INVALID_RESPONSE = "InvalidResponse";

    private final int httpStatus;
    private final String errorType;
    private final String serverMessage;
    private final String detailedMessage;

    /**
     * @param httpStatus      status of the answer that revealed the failure, or {@link #NO_RESPONSE}
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

    /**
     * The HTTP status of the answer that revealed the failure:
     * <ul>
     *   <li>&gt;= 400: DSS or the API node answered with an error;</li>
     *   <li>200: the call itself succeeded but what it answered is a failure: a job that ended {@code FAILED} or
     *       {@code ABORTED} (error type {@code JobFailed}), an API key creation answered with error messages, or an
     *       answer that does not match the contract ({@link #INVALID_RESPONSE});</li>
     *   <li>{@link #NO_RESPONSE} (0): no answer was received or none was involved: network failure, interruption,
     *       a wait that timed out, a local file that cannot be read or written.</li>
     * </ul>
     *
     * @return the status
     */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** @return the {@code errorType} of the error body, {@code "Unknown error"} when absent */
    public String getErrorType() {
        return errorType;
    }

    /**
     * @return the {@code message} field of the error body (or the raw body when it was not JSON), may be null;
     *         {@link #getMessage()} is the formatted {@code "<errorType>: <detail>"} instead
     */
    public String getServerMessage() {
        return serverMessage;
    }

    /** @return the {@code detailedMessage} field of the error body, may be null */
    public String getDetailedMessage() {
        return detailedMessage;
    }
}
