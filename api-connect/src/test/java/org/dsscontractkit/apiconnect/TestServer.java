package org.dsscontractkit.apiconnect;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1, free port, recording every request. */
public final class TestServer implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public record Recorded(String method, URI uri, Headers headers, String body, long nanos) {
        public String header(String name) { return headers.getFirst(name); }

        public String query() { return uri.getRawQuery(); }
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply json(String body) { return new Reply(200, Map.of("Content-Type", "application/json"), body); }

        public static Reply status(int status, String body) { return new Reply(status, Map.of("Content-Type", "application/json"), body); }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Recorded request, int callIndex);
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    public TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public TestServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    public List<Recorded> requests() { return requests; }

    public List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded rec = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body, now);
        requests.add(rec);
        String path = exchange.getRequestURI().getPath();
        Handler h = handlers.get(path);
        int index = calls.merge(path, 1, Integer::sum) - 1;
        Reply reply = h == null ? Reply.status(404, "{\"message\": \"Not Found\"}") : h.handle(rec, index);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), reply.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            if (bytes.length > 0 && reply.status() != 204) os.write(bytes);
        }
    }

    /** A loopback port nobody listens on (for connection-refused cases). */
    public static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
