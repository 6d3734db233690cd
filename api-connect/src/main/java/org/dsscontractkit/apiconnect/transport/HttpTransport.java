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

    public HttpTransport(HttpClient client, Authenticator auth, RateLimiter rateLimiter, RetryPolicy retry,
                         Duration timeout, Redactor redactor, Consumer<String> log) {
        this.client = client;
        this.auth = auth;
        this.rateLimiter = rateLimiter;
        this.retry = retry;
        this.timeout = timeout;
        this.redactor = redactor;
        this.log = log == null ? s -> { } : log;
    }

    /** A client as the plugin's session behaves: redirects followed (not https->http), cookies kept. */
    public static HttpClient newClient(Duration connectTimeout, boolean ignoreSslCheck) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager());
        if (connectTimeout != null) b.connectTimeout(connectTimeout);
        if (ignoreSslCheck) b.sslContext(InsecureTls.context());
        return b.build();
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
            rateLimiter.acquire();
            return once(auth.apply(spec), start);
        });
        return new ApiResponse(r.status(), r.headers(), r.body(), r.uri(), System.nanoTime() - start, attempts[0]);
    }

    private ApiResponse once(RequestSpec spec, long start) throws IOException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(spec.uri());
        if (timeout != null) rb.timeout(timeout);
        boolean acceptEncoding = false;
        for (Map.Entry<String, String> h : spec.headers().entrySet()) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(lower)) continue;
            if (lower.equals("accept-encoding")) acceptEncoding = true;
            rb.header(h.getKey(), h.getValue());
        }
        if (!acceptEncoding) rb.header("Accept-Encoding", "gzip, deflate");
        HttpRequest.BodyPublisher body = spec.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(spec.body());
        rb.method(spec.method(), body);
        log.accept(spec.method() + " " + redactor.redact(spec.uri().toString()));
        HttpResponse<byte[]> response = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = decode(response);
        log.accept("-> " + response.statusCode() + " (" + bytes.length + " bytes)");
        return new ApiResponse(response.statusCode(), response.headers().map(), bytes, response.uri(),
                System.nanoTime() - start, 1);
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
