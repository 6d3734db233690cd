package org.dsscontractkit.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.dss.model.DSSError;
import org.dsscontractkit.server.json.JsonMapping;

import java.nio.charset.StandardCharsets;

/** The DSSError body (the generated model) of an {@link ApiException}, as a JAX-RS answer or as bytes for the container. */
public final class ErrorBodies {
    private ErrorBodies() {}

    public static DSSError model(ApiException e) {
        return new DSSError().errorType(e.errorType()).message(e.getMessage()).detailedMessage(e.detailedMessage())
                .field(e.field()).rule(e.rule()).code(e.code());
    }

    public static Response response(ApiException e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(model(e));
        if (e.status() == 401) b.header("WWW-Authenticate", "Basic realm=\"DSS\"");
        return b.build();
    }

    public static Response response(int status, String errorType, String message) {
        return response(new ApiException(status, errorType, message));
    }

    /** For writers outside JAX-RS (the container's error handler, the request-size guard). */
    public static byte[] bytes(ApiException e) {
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(model(e));
        } catch (JsonProcessingException impossible) {
            return ("{\"errorType\":\"" + ErrorTypes.INTERNAL + "\",\"message\":\"error body not writable\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
