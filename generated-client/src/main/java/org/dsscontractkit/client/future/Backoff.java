package org.dsscontractkit.client.future;

import java.time.Duration;
import java.util.function.Supplier;
import org.dsscontractkit.client.DataikuException;

/**
 * The polling rhythm of the Python client's waiters: 200 ms, then &times;1.1 each time, capped at 15 s.
 * Used by {@link DSSFuture#waitForResult(Duration)} and the job waiter.
 */
public final class Backoff {

    /** First pause. */
    public static final Duration INITIAL = Duration.ofMillis(200);
    /** Longest pause. */
    public static final Duration MAX = Duration.ofSeconds(15);
    /** Growth factor between two pauses. */
    public static final double FACTOR = 1.1;

    private double nextMillis = INITIAL.toMillis();

    /** @return the pause to make now; the following one is 10 % longer, up to {@link #MAX} */
    public Duration next() {
        long now = (long) Math.min(nextMillis, MAX.toMillis());
        nextMillis = Math.min(nextMillis * FACTOR, MAX.toMillis());
        return Duration.ofMillis(now);
    }

    /**
     * Polls until {@code poll} returns a non-null value or {@code timeout} has passed.
     *
     * @param what    used in the timeout message
     * @param timeout maximum time to wait; null waits forever
     * @param poll    returns null while not done
     * @return the first non-null value
     * @throws WaitTimeoutException when the timeout passes first
     */
    public static <T> T pollUntil(String what, Duration timeout, Supplier<T> poll) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Backoff backoff = new Backoff();
        while (true) {
            T value = poll.get();
            if (value != null) {
                return value;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new WaitTimeoutException(what + " did not complete within " + timeout
                        + " (it goes on running; pass a longer timeout or set ClientOptions.waitTimeout)");
            }
            long pause = Math.min(backoff.next().toNanos(), remaining);
            try {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataikuException(DataikuException.NO_RESPONSE, InterruptedException.class.getName(),
                        "Interrupted while waiting for " + what, null, e);
            }
        }
    }
}
