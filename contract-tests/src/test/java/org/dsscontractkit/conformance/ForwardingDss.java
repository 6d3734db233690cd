package org.dsscontractkit.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A DSS as the conformance run may meet it: the reference server behind a forwarding server that either changes
 * some answers (a drifting DSS, each drift chosen by the test) or terminates TLS with a self-signed certificate made
 * at test time with {@code keytool} (a DSS behind its own certificate).
 */
final class ForwardingDss implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "host", "expect", "te", "trailer");

    /** An answer on its way back; a drift returns another one. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /** Changes the answer to one request, or returns it as it is. */
    interface Drift {
        Answer apply(String method, String path, Answer answer) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String scheme;

    private ForwardingDss(HttpServer server, String scheme, String upstream, Drift drift) {
        this.server = server;
        this.scheme = scheme;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        server.setExecutor(executor);
        server.createContext("/", exchange -> forward(exchange, http, upstream, drift));
        server.start();
    }

    /** Plain HTTP, answers changed by {@code drift}. */
    static ForwardingDss drifting(String upstream, Drift drift) throws IOException {
        return new ForwardingDss(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20),
                "http", upstream, drift);
    }

    /** HTTPS with a self-signed certificate for {@code dss.example.com} (not for 127.0.0.1), answers unchanged. */
    static ForwardingDss selfSignedTls(String upstream, Path workDir) throws Exception {
        Path keystore = workDir.resolve("dss.p12");
        char[] password = "conformance".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dss", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=dss.example.com", "-ext", "SAN=dns:dss.example.com", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.isRegularFile(keystore)) {
            throw new IllegalStateException("keytool could not make the certificate: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new ForwardingDss(server, "https", upstream, (method, path, answer) -> answer);
    }

    String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void forward(HttpExchange exchange, HttpClient http, String upstream, Drift drift)
            throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer original = new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            Answer answer = drift.apply(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), original);
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(name) && !name.equals("content-type") && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            boolean empty = answer.body().length == 0 || answer.status() == 204;
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
