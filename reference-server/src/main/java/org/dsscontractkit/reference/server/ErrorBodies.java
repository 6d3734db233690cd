package org.dsscontractkit.reference.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the DSSError body {errorType, message, detailedMessage} the Python client reads. */
public final class ErrorBodies {
    private ErrorBodies() {}

    public static Response response(int status, String errorType, String message, String detailedMessage) {
        ObjectNode body = Json.object();
        body.put("errorType", errorType);
        body.put("message", message);
        body.put("detailedMessage", detailedMessage == null ? message : detailedMessage);
        body.put("httpStatus", status);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response of(ApiException e) {
        Response r = response(e.status(), e.errorType(), e.getMessage(), e.detailedMessage());
        if (e.field() != null) {
            ObjectNode body = (ObjectNode) r.getEntity();
            body.put("field", e.field());
            body.put("rule", e.rule());
        }
        return r;
    }

    /** A 400 naming the request field (or parameter) at fault and the rule it broke. */
    public static Response invalid(String field, String rule) {
        return of(ApiException.invalidField(field, rule));
    }
}
