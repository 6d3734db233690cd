package org.dsscontractkit.apiconnect.transport;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spaces request starts by at least 60/rpm seconds, like the plugin's throttle, shared by every worker thread of a
 * run, from the very first request.
 *
 * <p>Spacing the moments a request is <em>allowed</em> to start is not enough: between that moment and the
 * request reaching the wire there can be a token fetch, a TCP or TLS connection, or a cold JVM loading the HTTP
 * client's classes (about 1 s for the first request of a run). Requests allowed 0.5 s apart then reached the server
 * a few milliseconds apart. So a turn is held until the request has really started, and the next interval is
 * counted from that moment. A request has started once HttpClient writes its head, which is when it reads the
 * body's length (see {@link Turn#watch}). The very first request of a run is the exception: in a fresh JVM, writing
 * the head can still take a few hundred milliseconds to reach the socket, so its start is only taken as certain
 * when its response (or failure) is back.
 *
 * <p>The Bucket4j bucket counts in thousandths of a request: a start needs a full thousand, and the bucket is
 * emptied when a start is confirmed, so the next thousand takes one whole interval to refill.
 */
public final class RateLimiter {
    private static final long PER_REQUEST = 1000;

    private final Bucket bucket;
    private final Semaphore turn = new Semaphore(1, true);
    private volatile boolean warm;
    private final double requestsPerMinute;

    public RateLimiter(double requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        if (requestsPerMinute > 0) {
            long periodNanos = Math.round(60_000_000_000d / requestsPerMinute);
            this.bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(PER_REQUEST).refillGreedy(PER_REQUEST, Duration.ofNanos(periodNanos)).build())
                    .build();
        } else {
            this.bucket = null;
        }
    }

    public static RateLimiter unlimited() { return new RateLimiter(-1); }

    public double requestsPerMinute() { return requestsPerMinute; }

    /**
     * Waits until one more request may start. The caller must call {@link Turn#finished()} when its response or
     * failure is known (the request has started by then at the latest); until the start is confirmed, no other
     * request may begin.
     */
    public Turn acquire() {
        if (bucket == null) return Turn.FREE;
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the rate limit", 0);
        }
        try {
            bucket.asBlocking().consume(PER_REQUEST);
        } catch (InterruptedException e) {
            turn.release();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the rate limit", 0);
        }
        return new Turn(this);
    }

    private void started() {
        // What refilled since the turn was granted (connection, token, class loading...) does not count.
        bucket.tryConsumeAsMuchAsPossible();
        turn.release();
    }

    /** One request's permission to start. */
    public static class Turn {
        static final Turn FREE = new Turn(null);

        private final RateLimiter limiter;
        private final AtomicBoolean done = new AtomicBoolean();

        Turn(RateLimiter limiter) { this.limiter = limiter; }

        /** The request is on its way (idempotent): the next one may start one interval from now. */
        private void started() {
            if (limiter != null && done.compareAndSet(false, true)) limiter.started();
        }

        /** The response or the failure is known: the request has started, whatever the hook saw. */
        public void finished() {
            started();
            if (limiter != null) limiter.warm = true;
        }

        /**
         * Wraps the request body so that the start is confirmed when HttpClient writes the request head (it reads the
         * body's length for it; with a body, it subscribes next), once the client has sent a first request.
         */
        public HttpRequest.BodyPublisher watch(HttpRequest.BodyPublisher body) {
            if (limiter == null) return body;
            return new HttpRequest.BodyPublisher() {
                @Override public long contentLength() {
                    if (limiter.warm) started();
                    return body.contentLength();
                }

                @Override public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                    if (limiter.warm) started();
                    body.subscribe(subscriber);
                }
            };
        }
    }
}
