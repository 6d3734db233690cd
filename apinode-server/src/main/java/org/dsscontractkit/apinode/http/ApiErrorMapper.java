package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as a DSSError JSON body ({@code errorType}, {@code message}, {@code detailedMessage}) that
 * {@code dataikuapi.utils.handle_http_exception} can read; never a stack trace.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiError error) {
            Response response = body(error.status(), error.errorType(), error.getMessage(), error.detailedMessage());
            ObjectNode node = (ObjectNode) response.getEntity();
            if (error.field() != null) {
                node.put("field", error.field());
                node.put("rule", error.rule());
            }
            return response;
        }
        if (failure instanceof JsonProcessingException json) {
            return body(400, "MalformedJson", "Request body is not valid JSON: " + json.getOriginalMessage(), null);
        }
        if (failure instanceof NotFoundException) {
            return body(404, "NotFound", "No such API node resource", null);
        }
        if (failure instanceof NotAllowedException) {
            return body(405, "MethodNotAllowed", "Method not allowed on this resource", null);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Throwable cause = web.getCause();
            if (cause instanceof JsonProcessingException json) {
                return body(400, "MalformedJson", "Request body is not valid JSON: " + json.getOriginalMessage(), null);
            }
            if (status >= 500) {
                LOG.error("Request failed", web);
            }
            return body(status, web.getClass().getSimpleName(), web.getMessage(), null);
        }
        if (failure instanceof jakarta.ws.rs.ProcessingException || failure instanceof java.io.IOException) {
            // the request body could not be read (client went away, truncated upload): the client's side
            return body(400, "RequestBodyUnreadable", "The request body could not be read: " + failure.getMessage(), null);
        }
        LOG.error("Unexpected failure", failure);
        return body(500, "InternalError", "Unexpected server error: " + failure.getClass().getSimpleName(), failure.getMessage());
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
