package org.dsscontractkit.reference.server;

import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.json.JsonMapping;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The server's ObjectMapper (server-core's one configuration) and small helpers to read request documents strictly. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapping.MAPPER;

    private Json() {}

    public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }
    public static ArrayNode array() { return JsonNodeFactory.instance.arrayNode(); }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode parseObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) throw new IllegalStateException("stored document is not an object");
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not valid JSON", e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not valid JSON", e);
        }
    }

    /**
     * A generated request model as the JSON document that was sent: open schemas arrive as that tree already; typed
     * models serialise every absent optional property as null, so those are dropped (they were not sent), while
     * map-based models (free-form objects) hold exactly what was sent, explicit nulls included.
     */
    public static JsonNode sent(Object model) {
        if (model == null) return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        if (model instanceof JsonNode tree) return tree;
        JsonNode tree = MAPPER.valueToTree(model);
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

    /** The request body must be a JSON object. */
    public static ObjectNode requireObject(JsonNode body, String what) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("A JSON object is required as request body (" + what + ")");
        }
        if (!body.isObject()) {
            throw ApiException.invalidField(what, "must be a JSON object, got " + body.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) body;
    }

    public static String requiredText(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) throw ApiException.invalidField(field, "is required");
        if (!v.isTextual()) throw ApiException.invalidField(field, "must be a string");
        if (v.asText().isBlank()) throw ApiException.invalidField(field, "must not be empty");
        return v.asText();
    }

    public static String optionalText(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.invalidField(field, "must be a string");
        return v.asText();
    }

    public static boolean optionalBoolean(JsonNode obj, String field, boolean dflt) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw ApiException.invalidField(field, "must be a boolean");
        return v.asBoolean();
    }

    public static ObjectNode optionalObject(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw ApiException.invalidField(field, "must be a JSON object");
        return (ObjectNode) v;
    }

    public static List<String> optionalStringList(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw ApiException.invalidField(field, "must be an array of strings");
        for (JsonNode item : v) {
            if (!item.isTextual()) throw ApiException.invalidField(field, "must be an array of strings");
            out.add(item.asText());
        }
        return out;
    }

    public static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }
}
