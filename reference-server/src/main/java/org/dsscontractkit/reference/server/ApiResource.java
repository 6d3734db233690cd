package org.dsscontractkit.reference.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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

    /** A generated model as the JSON document it came from (open schemas arrive as the tree that was sent). */
    protected static JsonNode tree(Object model) {
        if (model == null) return NullNode.getInstance();
        if (model instanceof JsonNode sent) return sent;
        JsonNode tree = Json.MAPPER.valueToTree(model);
        // Typed models serialise every absent optional property as null: drop those, they were not sent.
        // Map-based models (free-form bodies) hold exactly what was sent, explicit nulls included.
        if (!(model instanceof java.util.Map)) stripNulls(tree);
        return tree;
    }

    private static void stripNulls(JsonNode node) {
        if (node.isObject()) {
            var it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().isNull()) it.remove();
                else stripNulls(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) stripNulls(item);
        }
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
