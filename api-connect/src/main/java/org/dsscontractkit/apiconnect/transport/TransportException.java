package org.dsscontractkit.apiconnect.transport;

/** The call could not complete (connection refused, timeout, TLS failure); message already redacted. */
public class TransportException extends RuntimeException {
    private final long durationNanos;

    public TransportException(String message, long durationNanos) {
        super(message);
        this.durationNanos = durationNanos;
    }

    public long durationNanos() { return durationNanos; }
}
