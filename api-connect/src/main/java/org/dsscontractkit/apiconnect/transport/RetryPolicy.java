package org.dsscontractkit.apiconnect.transport;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Retries (beyond the plugin, which has none) on chosen statuses (default 429 and 5xx gateway errors) and on
 * transport failures, with exponential backoff; a {@code Retry-After} header (seconds or HTTP date) wins over
 * the backoff, capped at {@code maxRetryAfter}. Built on Resilience4j Retry.
 */
public final class RetryPolicy {
    public static final List<Integer> DEFAULT_STATUSES = List.of(429, 500, 502, 503, 504);

    private final Retry retry;
    private final int maxRetries;

    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Set<Integer> statuses,
                       Duration maxRetryAfter, Consumer<String> log) {
        this.maxRetries = maxRetries;
        RetryConfig config = RetryConfig.<ApiResponse>custom()
                .maxAttempts(maxRetries + 1)
                .retryOnResult(r -> statuses.contains(r.status()))
                .retryOnException(t -> t instanceof IOException)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((Integer attempt, Either<Throwable, ApiResponse> outcome) -> {
                    long backoff = Math.min(maxBackoff.toMillis(),
                            (long) (initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempt - 1))));
                    if (outcome != null && outcome.isRight()) {
                        Long after = retryAfterMillis(outcome.get().header("Retry-After"));
                        if (after != null) return Math.min(after, maxRetryAfter.toMillis());
                    }
                    return backoff;
                })
                .build();
        this.retry = Retry.of("http", config);
        if (log != null) {
            retry.getEventPublisher().onRetry(e -> log.accept("retry " + e.getNumberOfRetryAttempts() + "/" + maxRetries
                    + " in " + e.getWaitInterval().toMillis() + " ms"
                    + (e.getLastThrowable() != null ? " after " + e.getLastThrowable().getClass().getSimpleName() : "")));
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Set.of(), Duration.ZERO, null);
    }

    public int maxRetries() { return maxRetries; }

    public ApiResponse execute(CheckedSupplier<ApiResponse> call) throws IOException, InterruptedException {
        try {
            return retry.executeCheckedSupplier(call);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    /** Seconds ({@code 120}) or an HTTP date; null when absent or unreadable. */
    static Long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            return Math.max(0, (long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException ignored) {
            // not a number: try an HTTP date
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis());
        } catch (RuntimeException e) {
            return null;
        }
    }

}
