package org.dsscontractkit.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.dsscontractkit.client.DataikuException;

/**
 * How the handles run the generated operations: every request is built by the generated code (its
 * {@code *Api} methods, or their public {@code xxxRequestBuilder} variants: path, query, headers, body,
 * authentication and timeout), and every failure ends as a {@link DataikuException}.
 *
 * <ul>
 *   <li>{@link #call}/{@link #run}: a generated operation, with its typed answer;</li>
 *   <li>{@link #json}, {@link #object}, {@link #text}, {@link #send}, {@link #stream}: the request of a generated
 *       request builder, sent here, for answers the handles keep as JSON trees (every attribute, including the ones
 *       the contract does not describe), read as text, ignore (as the Python client does), or stream.</li>
 * </ul>
 *
 * <p>HTTP errors and network failures are translated by the HTTP client under the generated code (see
 * {@link HttpClients#failureTranslating}); what is left here is the generated {@code ApiException} for what fails
 * before or after the exchange: a missing required parameter ({@link IllegalArgumentException}, nothing sent), an
 * answer that does not match the contract (status 200, {@link DataikuException#INVALID_RESPONSE}), a local file
 * that cannot be read (status 0).</p>
 */
public class ApiCalls {

    /** A call of a generated operation, e.g. {@code () -> projects.listProjects("false", null)}. */
    @FunctionalInterface
    public interface Operation<T> {
        /** @return the typed answer */
        T call() throws Exception;
    }

    /** A call of a generated operation without answer. */
    @FunctionalInterface
    public interface VoidOperation {
        /** Runs the call. */
        void call() throws Exception;
    }

    /** A generated request builder, e.g. {@code () -> projects.getProjectSummaryRequestBuilder(key)}. */
    @FunctionalInterface
    public interface Request {
        /** @return the request, ready to send */
        HttpRequest.Builder build() throws Exception;
    }

    private final FailureTranslatingHttpClient http;
    private final ObjectMapper mapper;
    private final Duration waitTimeout;

    /**
     * @param http        the client the generated code uses ({@link HttpClients#failureTranslating} of the caller's)
     * @param mapper      the generated {@code ApiClient}'s mapper
     * @param waitTimeout default limit of waits for jobs and futures; null waits forever
     */
    protected ApiCalls(HttpClient http, ObjectMapper mapper, Duration waitTimeout) {
        Objects.requireNonNull(http, "http");
        this.http = http instanceof FailureTranslatingHttpClient translating ? translating : new FailureTranslatingHttpClient(http);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.waitTimeout = waitTimeout;
    }

    /** Runs a generated operation and returns its typed answer. */
    public <T> T call(Operation<T> operation) {
        FailureTranslatingHttpClient.Answer[] outer = FailureTranslatingHttpClient.recordAnswers();
        FailureTranslatingHttpClient.Answer answer;
        T result = null;
        Exception failure = null;
        try {
            result = operation.call();
        } catch (Exception e) {
            failure = e;
        } finally {
            answer = FailureTranslatingHttpClient.stopRecording(outer);
        }
        if (failure == null) {
            return result;
        }
        if (answer != null && failure.getCause() instanceof JsonProcessingException invalid) {
            throw FailureTranslatingHttpClient.invalidAnswer(answer, invalid.getOriginalMessage(), failure);
        }
        throw translate(failure);
    }

    /** Runs a generated operation without answer. */
    public void run(VoidOperation operation) {
        call(() -> {
            operation.call();
            return null;
        });
    }



    /** @return the answer of a generated request, parsed as a JSON tree; {@link NullNode} when it is empty */
    public JsonNode json(Request request) {
        HttpRequest built = build(request);
        HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = readAll(built, response);
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (IOException e) {
            throw Failures.invalidAnswer(built, response.statusCode(), "a JSON answer", body);
        }
    }

    /**
     * @param what what the object is, for the error message (e.g. "project variables")
     * @return the answer of a generated request, which must be a JSON object
     */
    public ObjectNode object(Request request, String what) {
        HttpRequest built = build(request);
        HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = readAll(built, response);
        try {
            if (mapper.readTree(body) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw Failures.invalidAnswer(built, response.statusCode(), what + " as a JSON object", body);
    }

    /** @return the answer of a generated request as text (UTF-8) */
    public String text(Request request) {
        HttpRequest built = build(request);
        HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        return new String(readAll(built, response), StandardCharsets.UTF_8);
    }

    /** Sends a generated request whose answer is not needed; only its status is checked. */
    public void send(Request request) {
        HttpRequest built = build(request);
        HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw Failures.noResponse(built, e);
        }
    }

    /**
     * Opens the answer of a generated request as a stream, without reading it. The caller must close it.
     *
     * @return the open body; an error answer has already become a {@link DataikuException}
     */
    public InputStream stream(Request request) {
        HttpRequest built = build(request);
        return http.send(built, HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    /** @return the JSON mapper of the generated code */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return a new empty JSON object */
    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** @return any Jackson-serialisable value (maps, lists, trees, beans) as a JSON tree; {@link NullNode} for null */
    public JsonNode toTree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return mapper.valueToTree(value);
    }

    /** @return the limit of waits for jobs and futures when the caller gives none; null waits forever */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    private static HttpRequest build(Request request) {
        try {
            return request.build().build();
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private static byte[] readAll(HttpRequest request, HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Failures.noResponse(request, e);
        }
    }

    /**
     * @return what a failure of the generated code becomes for the caller: a {@link DataikuException}, or an
     *         {@link IllegalArgumentException} for a required parameter left null (nothing was sent)
     */
    public static RuntimeException translate(Exception e) {
        if (e instanceof UncheckedIOException io) {
            Throwable cause = io.getCause();
            return new DataikuException(DataikuException.NO_RESPONSE, cause.getClass().getName(), io.getMessage(), null, io);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException invalid) {
            // the exchange succeeded (an error status would have been translated already) but the body does not
            // parse as the contract's type
            return new DataikuException(200, DataikuException.INVALID_RESPONSE, null,
                    "The answer does not match the contract: " + invalid.getOriginalMessage(), e);
        }
        if (cause instanceof UncheckedIOException io) {
            return translate(io);
        }
        if (cause instanceof IOException io) {
            return new DataikuException(DataikuException.NO_RESPONSE, io.getClass().getName(), io.getMessage(), null, e);
        }
        if (isMissingParameter(e)) {
            return new IllegalArgumentException(e.getMessage(), e);
        }
        return new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(), e.getMessage(), null, e);
    }

    private static boolean isMissingParameter(Exception e) {
        // the generated ApiException(400, "Missing the required parameter ...") is thrown before anything is sent
        return (e instanceof org.dsscontractkit.client.generated.dss.invoker.ApiException dss && dss.getResponseHeaders() == null
                        && dss.getCode() == 400)
                || (e instanceof org.dsscontractkit.client.generated.apinode.invoker.ApiException node && node.getResponseHeaders() == null
                        && node.getCode() == 400);
    }
}
