package org.dsscontractkit.client.http;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.dsscontractkit.client.ClientOptions;

/** The HTTP clients under the generated {@code ApiClient}s, from {@link ClientOptions}. */
public final class HttpClients {

    private HttpClients() {
    }

    /**
     * @return a builder honouring the connect timeout and TLS verification options. HTTP/1.1 like the Python client:
     *         the JDK's default HTTP/2 sends cleartext requests with an {@code Upgrade: h2c} handshake that servers
     *         (Grizzly, several proxies) fail on when the request has a body. Pass your own client for HTTP/2.
     */
    public static HttpClient.Builder builder(ClientOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (options.connectTimeout() != null) {
            builder.connectTimeout(options.connectTimeout());
        }
        if (!options.verifyTls()) {
            builder.sslContext(trustAll());
        }
        return builder;
    }

    /**
     * @return the caller's client ({@link ClientOptions#httpClient()}) or a new one from {@link #builder}: one client,
     *         so one connection pool, for every generated {@code *Api} of a DSS or API node client
     */
    public static HttpClient client(ClientOptions options) {
        return options.httpClient() != null ? options.httpClient() : builder(options).build();
    }

    /**
     * @param client the client that makes the exchanges
     * @return a client over it that throws a {@link org.dsscontractkit.client.DataikuException} for a synchronous call
     *         answered with a status &gt;= 400 or not answered at all (see {@link ApiCalls})
     */
    public static HttpClient failureTranslating(HttpClient client) {
        return new FailureTranslatingHttpClient(client);
    }

    /** @return the value of an HTTP Basic header with the API key as user name and an empty password */
    public static String basicAuth(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext trustAll() {
        // An X509ExtendedTrustManager that accepts everything also skips the host name check of the JDK client.
        TrustManager acceptAll = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {acceptAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build an SSL context without certificate checks", e);
        }
    }
}
