package org.dsscontractkit.contract.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP for the conformance run: HTTP/1.1 (the DSS frontends speak it), no redirects followed (a redirect is an answer
 * to check), and with {@code --insecure} a TLS context that accepts any certificate and host name, for the DSS
 * behind a self-signed certificate that administrators check right after an upgrade.
 */
final class Transport {

    /** Answers are read up to this size; a larger dataset stream is cut there and its body is not validated. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    /** What came back. {@code truncated}: the body was longer than {@link #MAX_BODY_BYTES} and was cut. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {
    }

    /** The server could not be reached at all (refused, unknown host, TLS failure, timeout): bad input, exit 2. */
    static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Transport(boolean insecure, Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(15));
        if (insecure) {
            builder.sslContext(trustingEverything());
        }
        this.http = builder.build();
        this.timeout = timeout;
    }

    Reply send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (HttpConnectTimeoutException e) {
            throw new Unreachable("no connection to " + uri.getAuthority() + " within 15 s", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new Unreachable("cannot connect to " + uri.getAuthority() + " ("
                    + (e.getMessage() == null ? "connection refused" : describe(e)) + ")", e);
        } catch (SSLException e) {
            throw new Unreachable("TLS handshake with " + uri.getAuthority() + " failed (" + describe(e) + ")"
                    + (uri.getScheme().equals("https") ? "; for a self-signed certificate add --insecure" : ""), e);
        } catch (IllegalArgumentException e) {
            throw new Unreachable("cannot reach " + uri.getAuthority() + " (" + describe(e) + ")", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof SSLException) {
                throw new Unreachable("cannot reach " + uri.getAuthority() + " (" + describe(e.getCause()) + ")"
                        + (e.getCause() instanceof SSLException ? "; for a self-signed certificate add --insecure" : ""),
                        e);
            }
            throw e;
        }
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            boolean truncated = bytes.length > MAX_BODY_BYTES;
            if (truncated) {
                bytes = java.util.Arrays.copyOf(bytes, MAX_BODY_BYTES);
            }
            return new Reply(response.statusCode(), response.headers().map(), bytes, truncated);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * An extended trust manager does its own host name check; this one does none and trusts every chain, which is
     * exactly what {@code --insecure} promises (and nothing else in the run is affected).
     */
    private static SSLContext trustingEverything() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM: " + e.getMessage(), e);
        }
    }
}
