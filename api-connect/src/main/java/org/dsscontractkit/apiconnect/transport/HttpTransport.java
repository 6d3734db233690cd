package org.dsscontractkit.apiconnect.transport;

import org.dsscontractkit.apiconnect.auth.AuthException;
import org.dsscontractkit.apiconnect.auth.Authenticator;
import org.dsscontractkit.apiconnect.auth.Redactor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Sends requests with java.net.http: one client (connection pool and cookies) per run, as the plugin keeps one
 * session; applies authentication, the shared rate limit, retries, and one re-send after a 401 when the
 * credentials could be refreshed.
 */
public final class HttpTransport {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Authenticator auth;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Redactor redactor;
    private final Consumer<String> log;
    private final boolean redirectAuth;

    public HttpTransport(HttpClient client, Authenticator auth, RateLimiter rateLimiter, RetryPolicy retry,
                         Duration timeout, Redactor redactor, Consumer<String> log) {
        this(client, auth, rateLimiter, retry, timeout, redactor, log, false);
    }

    /** @param redirectAuth keep credentials on redirects to another host (plugin redirect_auth_header) */
    public HttpTransport(HttpClient client, Authenticator auth, RateLimiter rateLimiter, RetryPolicy retry,
                         Duration timeout, Redactor redactor, Consumer<String> log, boolean redirectAuth) {
        this.redirectAuth = redirectAuth;
        this.client = client;
        this.auth = auth;
        this.rateLimiter = rateLimiter;
        this.retry = retry;
        this.timeout = timeout;
        this.redactor = redactor;
        this.log = log == null ? s -> { } : log;
    }

    /** One client per run, like the plugin's session: connection reuse and cookies kept. */
    public static HttpClient newClient(Duration connectTimeout, boolean ignoreSslCheck) {
        return newClient(connectTimeout, ignoreSslCheck, null);
    }

    /** @param clientKeys mTLS client certificate, or null */
    public static HttpClient newClient(Duration connectTimeout, boolean ignoreSslCheck, javax.net.ssl.KeyManager[] clientKeys) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // followed in send(), to control credentials per hop
                .cookieHandler(new CookieManager());
        if (connectTimeout != null) b.connectTimeout(connectTimeout);
        java.util.function.Supplier<javax.net.ssl.SSLContext> tls = ignoreSslCheck || clientKeys != null
                ? () -> InsecureTls.context(ignoreSslCheck, clientKeys) : HttpTransport::systemTls;
        b.sslContext(DeferredTls.context(tls)).sslParameters(DeferredTls.defaultParameters());
        return b.build();
    }

    private static javax.net.ssl.SSLContext systemTls() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JVM", e);
        }
    }

    public HttpClient client() { return client; }

    public Redactor redactor() { return redactor; }

    public ApiResponse send(RequestSpec spec) {
        long start = System.nanoTime();
        try {
            ApiResponse response = attemptWithRetries(spec, start);
            if (response.status() == 401 && auth.refreshAfterUnauthorized()) {
                log.accept("401 from " + redactor.redact(response.uri().toString()) + ": credentials refreshed, sending again");
                response = attemptWithRetries(spec, start);
            }
            return response;
        } catch (AuthException e) {
            throw new TransportException(e.getMessage(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new TransportException(redactor.redact(describe(e)), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", System.nanoTime() - start);
        } catch (IllegalArgumentException e) {
            throw new TransportException(redactor.redact("invalid request: " + e.getMessage()), System.nanoTime() - start);
        }
    }

    private ApiResponse attemptWithRetries(RequestSpec spec, long start) throws IOException, InterruptedException {
        int[] attempts = {0};
        ApiResponse r = retry.execute(() -> {
            attempts[0]++;
            RateLimiter.Turn turn = rateLimiter.acquire();
            try {
                return once(spec, auth.apply(spec), start, turn);
            } finally {
                turn.finished();
            }
        });
        return new ApiResponse(r.status(), r.headers(), r.body(), r.uri(), System.nanoTime() - start, attempts[0]);
    }

    private static final int MAX_REDIRECTS = 30;

    /**
     * One attempt, following redirects like the plugin's HTTP library: at most 30 hops, 301/302 turn POST into
     * GET, 303 turns anything but HEAD into GET, 307/308 keep method and body. Credentials set by the auth mode
     * are dropped on a hop to another host unless redirectAuthHeader is set.
     */
    private ApiResponse once(RequestSpec plain, RequestSpec authenticated, long start, RateLimiter.Turn turn) throws IOException, InterruptedException {
        java.net.URI origin = authenticated.uri();
        java.net.URI uri = origin;
        String method = authenticated.method();
        byte[] payload = authenticated.body();
        Map<String, String> headers = new java.util.LinkedHashMap<>(authenticated.headers());
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = exchange(uri, method, headers, payload, turn);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            boolean redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
            if (!redirect || hop >= MAX_REDIRECTS) {
                byte[] bytes = decode(response);
                log.accept("-> " + status + " (" + bytes.length + " bytes)");
                return new ApiResponse(status, response.headers().map(), bytes, uri, System.nanoTime() - start, 1);
            }
            java.net.URI next = uri.resolve(RequestSpec.toUri(location.trim()));
            log.accept("-> " + status + " redirect to " + redactor.redact(next.toString()));
            if (status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST")) {
                method = "GET";
                payload = null;
                headers.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
            }
            if (!redirectAuth && !sameOrigin(origin, next)) {
                // Only the credentials the auth mode added are withdrawn; the endpoint's own headers stay.
                Map<String, String> withoutAuth = new java.util.LinkedHashMap<>(plain.headers());
                if (method.equals("GET")) withoutAuth.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
                headers = withoutAuth;
            }
            uri = next;
        }
    }

    private static boolean sameOrigin(java.net.URI a, java.net.URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private HttpResponse<byte[]> exchange(java.net.URI uri, String method, Map<String, String> headers, byte[] payload,
                                          RateLimiter.Turn turn)
            throws IOException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri);
        if (timeout != null) rb.timeout(timeout);
        boolean acceptEncoding = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(lower)) continue;
            if (lower.equals("accept-encoding")) acceptEncoding = true;
            rb.header(h.getKey(), h.getValue());
        }
        if (!acceptEncoding) rb.header("Accept-Encoding", "gzip, deflate");
        rb.method(method, turn.watch(payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload)));
        log.accept(method + " " + redactor.redact(uri.toString()));
        return client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] decode(HttpResponse<byte[]> response) throws IOException {
        String enc = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (body == null || body.length == 0) return new byte[0];
        InputStream in;
        switch (enc) {
            case "gzip": case "x-gzip": in = new GZIPInputStream(new ByteArrayInputStream(body)); break;
            case "deflate": in = new InflaterInputStream(new ByteArrayInputStream(body)); break;
            default: return body;
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) return "timed out" + (m == null ? "" : ": " + m);
        if (e instanceof java.net.ConnectException) return "connection failed" + (m == null || m.isBlank() ? "" : ": " + m);
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
