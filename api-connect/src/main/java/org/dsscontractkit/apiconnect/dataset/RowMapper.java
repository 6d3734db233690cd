package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * One record -> one output row. Raw mode (plugin raw_output): a single {@code api_response} column holding the
 * record's JSON. Column mode: one column per top-level key, nested objects/arrays as JSON text, null values
 * omitted (as the plugin); a record that is not an object (array of strings...) goes to {@code api_response}.
 */
public final class RowMapper {
    public static final String API_RESPONSE = "api_response";

    private final boolean raw;

    public RowMapper(boolean raw) { this.raw = raw; }

    public boolean raw() { return raw; }

    public ObjectNode map(JsonNode record) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        if (raw || !record.isObject()) {
            row.set(API_RESPONSE, record.isTextual() ? record : TextNode.valueOf(record.toString()));
            return row;
        }
        Iterator<Map.Entry<String, JsonNode>> it = record.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v == null || v.isNull()) continue;
            row.set(f.getKey(), v.isContainerNode() ? TextNode.valueOf(v.toString()) : v);
        }
        return row;
    }
}
