package org.dsscontractkit.reference.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.dsscontractkit.reference.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/** Every failure leaves as a DSSError JSON body: 4xx naming the field and rule for bad input, never a stack trace. */
public final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {}

    public static Class<?>[] all() {
        return new Class<?>[]{ApiMapper.class, JsonMapper.class, ValidationMapper.class, WebMapper.class,
                StorageMapper.class, DuplicateMapper.class, FallbackMapper.class};
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class ApiMapper implements ExceptionMapper<ApiException> {
        @Override public Response toResponse(ApiException e) { return ErrorBodies.of(e); }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override public Response toResponse(JsonProcessingException e) {
            String msg;
            if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
                String field = path(mie);
                String expected = mie.getTargetType() == null ? "another type" : mie.getTargetType().getSimpleName();
                if (e instanceof InvalidFormatException ife) {
                    msg = "Invalid value for '" + field + "': '" + ife.getValue() + "' is not a valid " + expected;
                } else {
                    msg = "Invalid value for '" + field + "': expected " + expected;
                }
            } else if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                msg = "Invalid value for '" + path(jme) + "': " + jme.getOriginalMessage();
            } else {
                String original = e.getOriginalMessage();
                msg = "Malformed JSON request body: " + (original == null ? "cannot be parsed" : original.split("\n")[0])
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
            return ErrorBodies.response(400, ApiException.BAD_REQUEST, msg, msg);
        }

        private static String path(JsonMappingException e) {
            return e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override public Response toResponse(ConstraintViolationException e) {
            String msg = e.getConstraintViolations().stream()
                    .map(ValidationMapper::describe).sorted().collect(Collectors.joining("; "));
            return ErrorBodies.response(400, ApiException.BAD_REQUEST, msg, msg);
        }

        private static String describe(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            // Jersey paths look like "createProject.arg0.projectKey": keep the part naming the field.
            String[] parts = path.split("\\.");
            String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                    : parts[parts.length - 1];
            if (field.isEmpty() || field.startsWith("arg") || field.equals("body")) field = "request body";
            return "Invalid value for '" + field + "': " + v.getMessage();
        }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e instanceof org.glassfish.jersey.server.ParamException pe) {
                String name = pe.getParameterName();
                String why = pe.getCause() == null || pe.getCause().getMessage() == null ? "has an invalid value" : pe.getCause().getMessage();
                return ErrorBodies.invalid(name, why);
            }
            if (e instanceof NotFoundException) {
                return ErrorBodies.response(404, ApiException.NOT_FOUND, "No such API endpoint", "No such API endpoint");
            }
            if (e instanceof NotAllowedException) {
                String msg = "HTTP method not allowed here; allowed: " + e.getResponse().getAllowedMethods();
                return ErrorBodies.response(405, ApiException.BAD_REQUEST, msg, msg);
            }
            if (status >= 500) {
                LOG.warn("Request failed", e);
                return ErrorBodies.response(status, "java.lang.IllegalStateException", "Internal server error", "Internal server error");
            }
            String msg = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
            if (e.getCause() instanceof JsonProcessingException jpe) return new JsonMapper().toResponse(jpe);
            return ErrorBodies.response(status, ApiException.BAD_REQUEST, msg, msg);
        }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class StorageMapper implements ExceptionMapper<StorageException> {
        @Override public Response toResponse(StorageException e) {
            if (e.isConstraintViolation()) {
                return ErrorBodies.response(409, ApiException.CONFLICT, "The object already exists or is still referenced",
                        "The object already exists or is still referenced");
            }
            LOG.error("Store failure", e);
            return ErrorBodies.response(503, "com.dataiku.dip.exceptions.StorageUnavailableException",
                    "The configuration store is unavailable", "The configuration store is unavailable");
        }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class DuplicateMapper implements ExceptionMapper<org.dsscontractkit.reference.storage.DuplicateKeyException> {
        @Override public Response toResponse(org.dsscontractkit.reference.storage.DuplicateKeyException e) {
            return ErrorBodies.of(ApiException.conflict(e.getMessage()));
        }
    }

    @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 200)
    public static final class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override public Response toResponse(Throwable e) {
            LOG.error("Unexpected failure", e);
            return ErrorBodies.response(500, "java.lang.IllegalStateException", "Internal server error (see server log)",
                    "Internal server error (see server log)");
        }
    }
}
