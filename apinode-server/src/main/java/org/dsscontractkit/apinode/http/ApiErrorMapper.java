package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@link ApiError} leaves as a DSSError JSON body ({@code errorType}, {@code message}, {@code detailedMessage},
 * {@code field}/{@code rule} for bad input) that {@code dataikuapi.utils.handle_http_exception} can read; never a
 * stack trace. Specific to ApiError so a host's own mappers stay in charge of everything else.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<ApiError> {

    @Override
    public Response toResponse(ApiError error) {
        return render(error);
    }

    static Response render(ApiError error) {
        Response response = body(error.status(), error.errorType(), error.getMessage(), error.detailedMessage());
        if (error.field() != null) {
            ((ObjectNode) response.getEntity()).put("field", error.field()).put("rule", error.rule());
        }
        return response;
    }

    public static Response body(int status, String errorType, String message, String detailedMessage) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("errorType", errorType);
        node.put("message", message);
        node.put("detailedMessage", detailedMessage == null ? message : detailedMessage);
        node.put("httpStatus", status);
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(node);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"Dataiku API node\"");
        }
        return builder.build();
    }
}
