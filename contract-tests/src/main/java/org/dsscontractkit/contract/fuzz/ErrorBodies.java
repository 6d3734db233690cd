package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;

/** Reads an answer's body as a DSSError: a JSON object with textual {@code errorType} and {@code message}. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /** @return why the answer is not a DSSError, or null when it is one */
    static String whyNotDssError(RawHttpClient.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).matches("application/([a-z0-9.+-]+\\+)?json\\s*(;.*)?")) {
            return "Content-Type " + (type == null ? "missing" : type);
        }
        if (response.bodyLength() > response.body().length) {
            return "body of " + response.bodyLength() + " bytes, more than the fuzz reads of an error";
        }
        JsonNode body;
        try {
            body = SchemaValues.JSON.readTree(response.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        if (!body.path("errorType").isTextual() || body.path("errorType").asText().isBlank()) {
            return "no errorType";
        }
        if (!body.path("message").isTextual()) {
            return "no message";
        }
        return null;
    }

    /** @return the errorType of a DSSError answer, or null */
    static String errorType(RawHttpClient.Response response) {
        try {
            JsonNode body = SchemaValues.JSON.readTree(response.body());
            return body != null && body.path("errorType").isTextual() ? body.path("errorType").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
