package org.dsscontractkit.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.dsscontractkit.client.DataikuException;

/** Turns what went wrong on the wire into a {@link DataikuException}, the way the Python client reads failures. */
final class Failures {

    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    private static final int MAX_QUOTED_TEXT = 2000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Failures() {
    }

    /** @return the exception for an HTTP error answer, read from its {@code DSSError} body (or its raw text) */
    static DataikuException fromErrorAnswer(HttpRequest request, HttpResponse<?> response) {
        return fromErrorBody(request, response.statusCode(), errorBody(response.body()));
    }

    static DataikuException fromErrorBody(HttpRequest request, int status, byte[] body) {
        JsonNode parsed = null;
        try {
            parsed = body.length == 0 ? null : MAPPER.readTree(body);
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

    /** @return the exception for a request that got no answer (connection refused, timeout, TLS failure) */
    static DataikuException noResponse(HttpRequest request, IOException e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(),
                "No response from " + request.method() + " " + request.uri() + ": " + reason, null, e);
    }

    /** @return the exception for a call interrupted while waiting for its answer (the interrupt flag is set again) */
    static DataikuException interrupted(HttpRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DataikuException(DataikuException.NO_RESPONSE, InterruptedException.class.getName(),
                "Interrupted while calling " + request.method() + " " + request.uri(), null, e);
    }

    /** @return the exception for a successful answer that is not what the contract promises */
    static DataikuException invalidAnswer(HttpRequest request, int status, String expected, byte[] body) {
        return new DataikuException(status, DataikuException.INVALID_RESPONSE, null,
                "Expected " + expected + " from " + request.method() + " " + request.uri() + " but got: " + quote(body));
    }

    private static byte[] errorBody(Object body) {
        if (body instanceof InputStream in) {
            try (in) {
                return in.readNBytes(MAX_ERROR_BODY_BYTES);
            } catch (IOException e) {
                return new byte[0];
            }
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_QUOTED_TEXT ? text.substring(0, MAX_QUOTED_TEXT) + "..." : text;
    }
}
