package org.dsscontractkit.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.dsscontractkit.client.DataikuException;

/**
 * The one place where the handle layer talks HTTP.
 *
 * <p>It runs on the pieces of the generated {@code ApiClient} (its {@link HttpClient}, {@link ObjectMapper}, base
 * URI, request interceptor and read timeout) and exists because the generated operation methods cannot do what
 * the handles need cleanly: keep unknown JSON attributes through a read-modify-write (the handles work on JSON
 * trees), stream large bodies without buffering them, and send multipart uploads from a stream.</p>
 *
 * <p>Every call maps an HTTP status &gt;= 400 to a {@link DataikuException} read from the {@code DSSError} body
 * (or from the raw text when the body is not JSON), and a network failure to a {@link DataikuException} with
 * status {@link DataikuException#NO_RESPONSE}.</p>
 */
public final class HttpTransport {

    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    private static final int MAX_QUOTED_TEXT = 2000;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String baseUri;
    private final Consumer<HttpRequest.Builder> interceptor;
    private final Duration readTimeout;

    /**
     * @param http        client used for every call
     * @param mapper      JSON mapper
     * @param baseUri     base URI every path is appended to (no trailing slash)
     * @param interceptor applied to every request after the transport's own headers (authentication, extra headers); may be null
     * @param readTimeout time allowed until the response headers arrive; null for no limit
     */
    public HttpTransport(HttpClient http, ObjectMapper mapper, String baseUri,
                         Consumer<HttpRequest.Builder> interceptor, Duration readTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.baseUri = stripTrailingSlash(Objects.requireNonNull(baseUri, "baseUri"));
        this.interceptor = interceptor;
        this.readTimeout = readTimeout;
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** @return the JSON mapper shared by the handles */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return the base URI calls are made against */
    public String baseUri() {
        return baseUri;
    }

    /** @return a new empty JSON object */
    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** Converts any Jackson-serialisable value (maps, lists, trees, beans) to a JSON tree. */
    public JsonNode toTree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return mapper.valueToTree(value);
    }

    /** GET returning the parsed JSON body. */
    public JsonNode getJson(String path, QueryParams query) {
        return json("GET", path, query, null);
    }

    /**
     * Sends a request and parses the JSON answer.
     *
     * @param body JSON body, or null to send none
     * @return the parsed body; {@link NullNode} when the answer is empty
     */
    public JsonNode json(String method, String path, QueryParams query, JsonNode body) {
        HttpResponse<byte[]> response = send(method, path, query, body, "application/json");
        return parseJson(method, path, response.statusCode(), response.body());
    }

    /** Sends a request and returns the answer as text (UTF-8). */
    public String text(String method, String path, QueryParams query, JsonNode body) {
        HttpResponse<byte[]> response = send(method, path, query, body, "*/*");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Sends a request whose answer the caller does not need (saves, deletes); only its status is checked. */
    public void call(String method, String path, QueryParams query, JsonNode body) {
        send(method, path, query, body, "*/*");
    }

    /**
     * Opens a streamed answer (dataset data, SQL results, project export). The caller must close the stream.
     *
     * @param body JSON body, or null
     * @return the open body stream; an HTTP error has already been turned into a {@link DataikuException}
     */
    public InputStream stream(String method, String path, QueryParams query, JsonNode body) {
        HttpRequest request = request(method, path, query, jsonPublisher(body), body != null, "*/*").build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            byte[] errorBody;
            try (InputStream in = response.body()) {
                errorBody = in.readNBytes(MAX_ERROR_BODY_BYTES);
            } catch (IOException e) {
                errorBody = new byte[0];
            }
            throw error(request, response.statusCode(), errorBody);
        }
        return response.body();
    }

    /**
     * Uploads one file as {@code multipart/form-data} with a single part named {@code file}, streamed from
     * {@code content} (the stream is read once and closed by the HTTP client).
     */
    public void upload(String path, String fileName, InputStream content) {
        Objects.requireNonNull(content, "content");
        upload(path, fileName, HttpRequest.BodyPublishers.ofInputStream(() -> content));
    }

    /**
     * Uploads a local file as {@link #upload(String, String, InputStream)} does, with a {@code Content-Length}
     * rather than a chunked body (as the Python client sends files): some proxies mishandle chunked multipart.
     */
    public void upload(String path, String fileName, Path file) {
        Objects.requireNonNull(file, "file");
        try {
            upload(path, fileName, HttpRequest.BodyPublishers.ofFile(file));
        } catch (java.io.FileNotFoundException e) {
            throw new java.io.UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void upload(String path, String fileName, HttpRequest.BodyPublisher content) {
        Objects.requireNonNull(fileName, "fileName");
        String boundary = "dsscontractkit-" + UUID.randomUUID();
        String safeName = fileName.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head),
                content,
                HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpRequest.Builder builder = request("POST", path, QueryParams.none(), publisher, false, "*/*");
        builder.setHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw error(request, response.statusCode(), response.body());
        }
    }

    private HttpResponse<byte[]> send(String method, String path, QueryParams query, JsonNode body, String accept) {
        HttpRequest request = request(method, path, query, jsonPublisher(body), body != null, accept).build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw error(request, response.statusCode(), response.body());
        }
        return response;
    }

    private HttpRequest.BodyPublisher jsonPublisher(JsonNode body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private HttpRequest.Builder request(String method, String path, QueryParams query,
                                        HttpRequest.BodyPublisher publisher, boolean jsonBody, String accept) {
        String q = query == null ? "" : query.encode();
        URI uri;
        try {
            uri = URI.create(baseUri + path + (q.isEmpty() ? "" : "?" + q));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid URL for " + method + " " + path + ": " + e.getMessage(), e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, publisher);
        builder.setHeader("Accept", accept);
        if (jsonBody) {
            builder.setHeader("Content-Type", "application/json");
        }
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        if (interceptor != null) {
            interceptor.accept(builder);
        }
        return builder;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(),
                    "No response from " + request.method() + " " + request.uri() + ": " + reason, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataikuException(DataikuException.NO_RESPONSE, InterruptedException.class.getName(),
                    "Interrupted while calling " + request.method() + " " + request.uri(), null, e);
        }
    }

    private JsonNode parseJson(String method, String path, int status, byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (IOException e) {
            throw new DataikuException(status, "InvalidResponse", null,
                    "Expected a JSON answer from " + method + " " + baseUri + path + " but got: " + quote(body));
        }
    }

    /** Builds the exception for an HTTP error, the way the Python client's {@code handle_http_exception} reads it. */
    private DataikuException error(HttpRequest request, int status, byte[] body) {
        JsonNode parsed = null;
        try {
            parsed = body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException notJson) {
            // not JSON: the raw text becomes the message, like the Python client
        }
        if (parsed != null && parsed.isObject()) {
            return new DataikuException(status, textOrNull(parsed, "errorType"), textOrNull(parsed, "message"),
                    textOrNull(parsed, "detailedMessage"));
        }
        String message = body.length == 0
                ? "HTTP " + status + " from " + request.method() + " " + request.uri() + " with an empty body"
                : "HTTP " + status + " from " + request.method() + " " + request.uri() + ": " + quote(body);
        return new DataikuException(status, null, message, null);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_QUOTED_TEXT ? text.substring(0, MAX_QUOTED_TEXT) + "..." : text;
    }
}
