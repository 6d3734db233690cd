package org.dsscontractkit.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Connection options of a {@link DSSClient} or an {@link org.dsscontractkit.client.apinode.APINodeClient}.
 * Immutable; build with {@link #builder()}.
 */
public final class ClientOptions {

    private final ApiBase apiBase;
    private final Map<String, String> extraHeaders;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean verifyTls;
    private final HttpClient httpClient;
    private final Duration waitTimeout;

    private ClientOptions(Builder b) {
        this.apiBase = b.apiBase;
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHeaders));
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.verifyTls = b.verifyTls;
        this.httpClient = b.httpClient;
        this.waitTimeout = b.waitTimeout;
    }

    /** The wait limit of {@link Builder#waitTimeout(Duration)} when none is set. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofHours(1);

    /**
     * @return the default options: {@code /dip/publicapi}, 30 s connect timeout, no read timeout, TLS verified,
     *         waits for jobs and futures limited to {@link #DEFAULT_WAIT_TIMEOUT}
     */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiBase = apiBase;
        b.extraHeaders.putAll(extraHeaders);
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.verifyTls = verifyTls;
        b.httpClient = httpClient;
        b.waitTimeout = waitTimeout;
        return b;
    }

    /** @return the DSS base prefix (ignored by the API node client, whose paths are fixed) */
    public ApiBase apiBase() {
        return apiBase;
    }

    /** @return headers added to every request */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /** @return time allowed to open a connection; null for the HTTP client's default */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return time allowed until response headers arrive, per request; null for no limit */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return false when TLS certificates and host names are not checked */
    public boolean verifyTls() {
        return verifyTls;
    }

    /** @return the caller's own HTTP client, or null to let the client build one */
    public HttpClient httpClient() {
        return httpClient;
    }

    /**
     * @return how long {@code dataset.build()}, {@code job.waitForCompletion()} and {@code future.waitForResult()}
     *         wait when not given a timeout; null waits forever
     */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** Builder of {@link ClientOptions}. */
    public static final class Builder {
        private ApiBase apiBase = ApiBase.DIP_PUBLICAPI;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout;
        private boolean verifyTls = true;
        private HttpClient httpClient;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;

        private Builder() {
        }

        /** Chooses the DSS base prefix: {@link ApiBase#DIP_PUBLICAPI} (default, like the Python client) or {@link ApiBase#PUBLIC_API}. */
        public Builder apiBase(ApiBase apiBase) {
            this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
            return this;
        }

        /** Adds a header sent with every request (the Python client's {@code extra_headers}). */
        public Builder extraHeader(String name, String value) {
            extraHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds headers sent with every request. */
        public Builder extraHeaders(Map<String, String> headers) {
            headers.forEach(this::extraHeader);
            return this;
        }

        /** Sets the time allowed to open a connection (ignored with a custom {@link HttpClient}). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Sets the time allowed, per request, until the response headers arrive (streams may then last longer). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Disables TLS certificate and host name checks, like {@code client._session.verify = False} in Python.
         * Only for test instances with self-signed certificates (ignored with a custom {@link HttpClient}).
         */
        public Builder disableTlsVerification() {
            this.verifyTls = false;
            return this;
        }

        /** Uses the caller's HTTP client (proxy, SSL context, executor...) instead of building one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Sets how long the waits without an explicit timeout last ({@code dataset.build()},
         * {@code job.waitForCompletion()}, {@code future.waitForResult()}) before a
         * {@link org.dsscontractkit.client.future.WaitTimeoutException}; the job or task itself goes on. Default
         * {@link ClientOptions#DEFAULT_WAIT_TIMEOUT} (the Python client waits forever).
         *
         * @param timeout the limit, or null to wait forever
         * @return this
         */
        public Builder waitTimeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("waitTimeout must be positive, got " + timeout);
            }
            this.waitTimeout = timeout;
            return this;
        }

        /** @return the options */
        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
