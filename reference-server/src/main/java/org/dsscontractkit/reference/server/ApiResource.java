package org.dsscontractkit.reference.server;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Callers;

import java.util.ArrayList;
import java.util.List;

/** Shared plumbing of the resources implementing the generated interfaces: caller, bodies, answers. */
public abstract class ApiResource {
    @Context
    private SecurityContext security;

    protected Caller caller() { return Callers.of(security); }

    protected Caller admin() { return Callers.admin(security); }

    /** A generated model as the JSON document it came from, see {@link Json#sent}. */
    protected static JsonNode tree(Object model) {
        return Json.sent(model);
    }

    protected static Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
    }

    protected static Response noContent() {
        return Response.noContent().build();
    }

    protected static boolean flag(String name, String value, boolean dflt) {
        return QueryFlags.parse(name, value, dflt);
    }

    /** Repeated query values, each possibly comma-separated (older documentation), blanks dropped. */
    protected static List<String> multi(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            if (v == null) continue;
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }
}
