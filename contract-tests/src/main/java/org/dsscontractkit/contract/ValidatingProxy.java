package org.dsscontractkit.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy on 127.0.0.1 (free port) that forwards every call to a provider and validates the request and the
 * response against the OpenAPI documents of a {@link ContractValidator}.
 *
 * <p>It works at the HTTP level so that every client is covered the same way: the Java handle layer, the generated
 * client, and processes written in other languages (API Connect's executable jar). Bodies are buffered: it is meant
 * for test traffic, not for streaming gigabytes.</p>
 */
public final class ValidatingProxy implements AutoCloseable {

    // hop-by-hop headers, and those java.net.http sets itself
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final URI target;
    private final ContractValidator validator;
    private final HttpServer server;
    private final ExecutorService executor;
    // HTTP/1.1: the default h2c upgrade attempt on a POST confuses servers that read the body themselves
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ValidatingProxy(URI target, ContractValidator validator, int port) throws IOException {
        this.target = URI.create(target.toString().replaceAll("/+$", ""));
        this.validator = validator;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "validating-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Starts a proxy in front of {@code target} (scheme, host and port; a path prefix is kept). */
    public static ValidatingProxy start(URI target, ContractValidator validator) {
        return start(target, validator, 0);
    }

    /** Starts a proxy in front of {@code target} on the given 127.0.0.1 port (0: a free one). */
    public static ValidatingProxy start(URI target, ContractValidator validator, int port) {
        try {
            return new ValidatingProxy(target, validator, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the validating proxy on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** @return the proxy's base URI (http://127.0.0.1:port), to give to clients instead of the provider's */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ContractValidator validator() {
        return validator;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI requested = exchange.getRequestURI();
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(target + requested.getRawPath()
                            + (requested.getRawQuery() != null ? "?" + requested.getRawQuery() : "")))
                    .timeout(Duration.ofMinutes(2))
                    .method(method, requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> upstream.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(upstream.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                byte[] body = ("{\"errorType\":\"ProxyError\",\"message\":\"" + e.getClass().getSimpleName()
                        + " reaching " + target + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(502, body.length);
                exchange.getResponseBody().write(body);
                return;
            }

            validator.validate(method + " " + requested, toValidatorRequest(exchange, method, requested, requestBody),
                    toValidatorResponse(response));

            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = response.body();
            boolean noBody = body.length == 0 || method.equals("HEAD") || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Request toValidatorRequest(HttpExchange exchange, String method, URI requested, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, requested.getRawPath());
        exchange.getRequestHeaders().forEach(request::withHeader);
        queryParameters(requested.getRawQuery()).forEach(request::withQueryParam);
        if (body.length > 0) {
            request.withBody(body);
            if (exchange.getRequestHeaders().getFirst("Content-Type") == null) {
                // the real client sends JSON bodies untyped and both documents say servers must read them as JSON
                request.withContentType("application/json");
            }
        }
        return request.build();
    }

    private static com.atlassian.oai.validator.model.Response toValidatorResponse(HttpResponse<byte[]> response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (response.body().length > 0) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
