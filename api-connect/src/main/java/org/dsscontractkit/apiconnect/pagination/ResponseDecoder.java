package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dsscontractkit.apiconnect.transport.ApiResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Body decoding as the plugin: empty (204) -> no data; XML content types -> tree ({@link XmlTree}); JSON -> tree;
 * other multi-line text -> CSV rows ({@link CsvText}); anything else -> the text as one value. Then the records at the data path.
 */
public final class ResponseDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseDecoder() {
    }

    public static JsonNode decode(ApiResponse response) {
        if (response.status() == 204 || response.body().length == 0) return null;
        if (XmlTree.CONTENT_TYPES.contains(response.contentType())) {
            JsonNode tree = XmlTree.parse(response.body());
            return tree != null ? tree : TextNode.valueOf(response.bodyText());
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            String text = response.bodyText();
            JsonNode table = CsvText.parse(text);
            return table != null ? table : TextNode.valueOf(text);
        }
    }

    /** Items at {@code path}: array -> elements; object or value -> itself; empty path -> the whole body. */
    public static List<JsonNode> records(JsonNode body, DataPath path) {
        if (body == null) return List.of();
        JsonNode node = path.isEmpty() ? body : path.find(body);
        if (node == null) return List.of();
        if (node.isArray()) {
            List<JsonNode> out = new ArrayList<>(node.size());
            node.forEach(out::add);
            return out;
        }
        if (node.isObject() && node.isEmpty()) return List.of();
        return List.of(node);
    }
}
