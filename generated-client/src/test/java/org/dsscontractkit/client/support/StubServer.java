package org.dsscontractkit.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Local HTTP stub on 127.0.0.1 (free port) that records every request exactly as received (method, raw path,
 * raw query, headers, body) and answers with what the test scripted for {@code METHOD path}.
 */
public final class StubServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes the answer of a scripted call. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, Recorded request) throws IOException;
    }

    /** One request as the server saw it. */
    public record Recorded(String method, String path, String query, Headers headers, byte[] body) {

        /** @return the body as UTF-8 text */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body parsed as JSON */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Body is not JSON: " + bodyText(), e);
            }
        }

        /** @return the first value of a header, or null */
        public String header(String name) {
            return headers.getFirst(name);
        }

        /** @return query parameters decoded, in order, repeated keys kept */
        public Map<String, List<String>> queryParams() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return params;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return params;
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (raw path, any query) with a status and a JSON/text body. */
    public StubServer on(String method, String path, int status, String body) {
        return on(method, path, (exchange, request) -> send(exchange, status, body));
    }

    /** Answers {@code method path} with custom code. */
    public StubServer on(String method, String path, Responder responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    /** @return all requests received, in order */
    public List<Recorded> requests() {
        return Collections.unmodifiableList(requests);
    }

    /** @return the last request received */
    public Recorded last() {
        if (requests.isEmpty()) {
            throw new AssertionError("No request received");
        }
        return requests.get(requests.size() - 1);
    }

    /** @return the only request made to {@code method path} */
    public Recorded only(String method, String path) {
        List<Recorded> matching = requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one " + method + " " + path + ", got " + matching + " among " + requests);
        }
        return matching.get(0);
    }

    /** Writes a status and a body (JSON when it looks like JSON). */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String trimmed = body == null ? "" : body.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            requests.add(request);
            Responder responder = routes.get(request.method() + " " + request.path());
            if (responder == null) {
                send(exchange, 404, "{\"errorType\":\"NotStubbed\",\"message\":\"no stub for " + request.method() + " " + request.path() + "\"}");
            } else {
                responder.respond(exchange, request);
            }
        } catch (IOException | RuntimeException e) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
