package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone only (a host keeps its own catch-all): every other failure leaves as a DSSError JSON body ({@code errorType}, {@code message}, {@code detailedMessage}) that
 * {@code dataikuapi.utils.handle_http_exception} can read; never a stack trace.
 */
@Provider
public class FallbackErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiError error) {
            return ApiErrorMapper.render(error);
        }
        if (failure instanceof JsonProcessingException json) {
            return ApiErrorMapper.body(400, "MalformedJson", "Request body is not valid JSON: " + json.getOriginalMessage(), null);
        }
        if (failure instanceof NotFoundException) {
            return ApiErrorMapper.body(404, "NotFound", "No such API node resource", null);
        }
        if (failure instanceof NotAllowedException) {
            return ApiErrorMapper.body(405, "MethodNotAllowed", "Method not allowed on this resource", null);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Throwable cause = web.getCause();
            if (cause instanceof JsonProcessingException json) {
                return ApiErrorMapper.body(400, "MalformedJson", "Request body is not valid JSON: " + json.getOriginalMessage(), null);
            }
            if (status >= 500) {
                LOG.error("Request failed", web);
            }
            return ApiErrorMapper.body(status, web.getClass().getSimpleName(), web.getMessage(), null);
        }
        if (failure instanceof jakarta.ws.rs.ProcessingException || failure instanceof java.io.IOException) {
            // the request body could not be read (client went away, truncated upload): the client's side
            return ApiErrorMapper.body(400, "RequestBodyUnreadable", "The request body could not be read: " + failure.getMessage(), null);
        }
        LOG.error("Unexpected failure", failure);
        return ApiErrorMapper.body(500, "InternalError", "Unexpected server error: " + failure.getClass().getSimpleName(), failure.getMessage());
    }

}
