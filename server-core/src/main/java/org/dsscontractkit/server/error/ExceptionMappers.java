package org.dsscontractkit.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every failure of a Jersey application leaves as a DSSError JSON body: 4xx naming the field and rule for bad input,
 * never a stack trace. Registered by {@code JerseyApplication} in both halves, so the same bad request gets the same
 * answer whichever application (and whichever host) serves it.
 */
public final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {}

    public static List<Class<?>> all() {
        return List.of(ApiMapper.class, JsonMapper.class, ValidationMapper.class, WebMapper.class, FallbackMapper.class);
    }

    @Priority(Priorities.USER - 200)
    public static final class ApiMapper implements ExceptionMapper<ApiException> {
        @Override public Response toResponse(ApiException e) { return ErrorBodies.response(e); }
    }

    @Priority(Priorities.USER - 200)
    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override public Response toResponse(JsonProcessingException e) { return ErrorBodies.response(of(e)); }

        /** A body that is not JSON, or whose JSON does not fit the operation's schema. */
        public static ApiException of(JsonProcessingException e) {
            ApiException wrapped = ApiException.in(e);
            if (wrapped != null) return wrapped;
            if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                String field = path(jme);
                if (e instanceof UnrecognizedPropertyException) {
                    return ApiException.badRequest("Unknown property '" + field + "'").at(field, "unknownProperty");
                }
                String msg;
                if (e instanceof InvalidFormatException ife) {
                    msg = "Invalid value for '" + field + "': '" + ife.getValue() + "' is not a valid " + expected(ife);
                } else if (e instanceof MismatchedInputException mie) {
                    msg = "Invalid value for '" + field + "': expected " + expected(mie);
                } else {
                    msg = "Invalid value for '" + field + "': " + firstLine(jme.getOriginalMessage());
                }
                return ApiException.badRequest(msg).at(field, "type");
            }
            String original = e.getOriginalMessage();
            String msg = "Malformed JSON request body: " + (original == null ? "cannot be parsed" : firstLine(original))
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            return ApiException.badRequest(msg).at("body", "json");
        }

        private static String expected(MismatchedInputException e) {
            Class<?> t = e.getTargetType();
            if (t == null) return "another type";
            if (java.util.Map.class.isAssignableFrom(t)) return "a JSON object";
            if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) return "a JSON array";
            if (t == String.class) return "a string";
            if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) return "a number";
            if (t == Boolean.class || t == boolean.class) return "a boolean";
            if (t.isEnum()) return "one of " + Arrays.toString(t.getEnumConstants());
            return "a JSON object (" + t.getSimpleName() + ")";
        }

        private static String path(JsonMappingException e) {
            return e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }

        private static String firstLine(String s) {
            return s == null ? "" : s.split("\n")[0];
        }
    }

    @Priority(Priorities.USER - 200)
    public static final class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override public Response toResponse(ConstraintViolationException e) {
            List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                    .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString())).collect(Collectors.toList());
            String msg = violations.stream().map(v -> "Invalid value for '" + field(v) + "': " + v.getMessage())
                    .collect(Collectors.joining("; "));
            ApiException out = ApiException.badRequest(msg);
            if (!violations.isEmpty()) out.at(field(violations.get(0)), rule(violations.get(0)));
            return ErrorBodies.response(out);
        }

        private static String field(ConstraintViolation<?> v) {
            // Jersey paths look like "createProject.arg0.projectKey": keep the part naming the field.
            String[] parts = v.getPropertyPath().toString().split("\\.");
            String field = parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
            return field.isEmpty() || field.startsWith("arg") || field.equals("body") ? "body" : field;
        }

        private static String rule(ConstraintViolation<?> v) {
            String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            return switch (annotation) {
                case "NotNull", "NotEmpty", "NotBlank" -> "required";
                case "Pattern" -> "pattern";
                case "Size" -> "size";
                case "Min", "Max", "DecimalMin", "DecimalMax" -> "range";
                default -> Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
            };
        }
    }

    @Priority(Priorities.USER - 200)
    public static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override public Response toResponse(WebApplicationException e) {
            ApiException wrapped = ApiException.in(e);
            if (wrapped != null) return ErrorBodies.response(wrapped);
            if (e.getCause() instanceof JsonProcessingException jpe) return ErrorBodies.response(JsonMapper.of(jpe));
            int status = e.getResponse().getStatus();
            if (e instanceof ParamException pe) {
                String why = pe.getCause() == null || pe.getCause().getMessage() == null ? "has an invalid value" : pe.getCause().getMessage();
                return ErrorBodies.response(ApiException.badRequest("Invalid value for '" + pe.getParameterName() + "': " + why)
                        .at(pe.getParameterName(), "type"));
            }
            if (e instanceof NotFoundException) {
                return ErrorBodies.response(404, ErrorTypes.NOT_FOUND, "No such API endpoint");
            }
            if (e instanceof NotAllowedException) {
                Response r = ErrorBodies.response(405, ErrorTypes.BAD_REQUEST,
                        "HTTP method not allowed here; allowed: " + e.getResponse().getAllowedMethods());
                return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
            }
            if (status >= 500) {
                LOG.error("Request failed", e);
                return ErrorBodies.response(status, ErrorTypes.forStatus(status), "Internal server error (see server log)");
            }
            String msg = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
            return ErrorBodies.response(status, ErrorTypes.forStatus(status), msg);
        }
    }

    /**
     * Jersey's multipart reader (3.1.8) fails with a NullPointerException, before the resource runs, when a
     * multipart body lacks the part a {@code @FormParam} names: the caller's mistake, answered as such.
     */
    static boolean isMissingMultipartPart(Throwable e) {
        if (!(e instanceof NullPointerException) || e.getStackTrace().length == 0) return false;
        return e.getStackTrace()[0].getClassName().startsWith("org.glassfish.jersey.media.multipart.");
    }

    @Priority(Priorities.USER - 200)
    public static final class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override public Response toResponse(Throwable e) {
            ApiException wrapped = ApiException.in(e);
            if (wrapped != null) return ErrorBodies.response(wrapped);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException jpe) return ErrorBodies.response(JsonMapper.of(jpe));
                if (t instanceof java.io.EOFException || t instanceof org.eclipse.jetty.io.EofException) {
                    // the client went away or sent a truncated body: its side, nothing to log as a failure
                    return ErrorBodies.response(ApiException.badRequest("The request body could not be read: " + t.getMessage()));
                }
            }
            if (isMissingMultipartPart(e)) {
                return ErrorBodies.response(ApiException.badRequest(
                        "The multipart/form-data body has no part named 'file'").at("file", "required"));
            }
            LOG.error("Unexpected failure", e);
            return ErrorBodies.response(500, ErrorTypes.INTERNAL, "Internal server error (see server log)");
        }
    }
}
