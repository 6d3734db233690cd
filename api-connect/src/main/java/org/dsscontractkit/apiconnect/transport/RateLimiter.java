package org.dsscontractkit.apiconnect.transport;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * Spaces request starts by at least 60/rpm seconds, like the plugin's throttle, but shared by every worker
 * thread of a run (one Bucket4j bucket of capacity 1, so there is never a burst).
 */
public final class RateLimiter {
    private final Bucket bucket;
    private final double requestsPerMinute;

    public RateLimiter(double requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        if (requestsPerMinute > 0) {
            long periodNanos = Math.round(60_000_000_000d / requestsPerMinute);
            this.bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(periodNanos)).build())
                    .build();
        } else {
            this.bucket = null;
        }
    }

    public static RateLimiter unlimited() { return new RateLimiter(-1); }

    public double requestsPerMinute() { return requestsPerMinute; }

    public void acquire() {
        if (bucket == null) return;
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the rate limit", 0);
        }
    }
}
