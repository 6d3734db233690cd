package org.dsscontractkit.apiconnect.pagination;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Next-page URL key (plugin next_page_url_key) as a Jayway JsonPath. Accepts the plugin's spellings:
 * {@code _links.next}, {@code links[0].href}, {@code Paging.["@odata.nextLink"]}, {@code '@odata.nextLink'},
 * {@code $['@odata.nextLink']}.
 */
public final class NextUrlPath {
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private NextUrlPath() {
    }

    /** @throws IllegalArgumentException with the reason when the path is invalid */
    public static JsonPath compile(String text) {
        String s = text.trim();
        if (s.startsWith("'") || s.startsWith("\"")) s = "$[" + s + "]";
        s = s.replace(".[", "[");
        if (!s.startsWith("$")) s = s.startsWith("[") ? "$" + s : "$." + s;
        try {
            return JsonPath.compile(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** First match as text, or null when missing, null or empty (the plugin's stop condition). */
    public static String read(JsonPath path, JsonNode document) {
        Object found = path.read(document, JACKSON);
        JsonNode node = found instanceof JsonNode n ? n : null;
        if (node != null && node.isArray() && !path.isDefinite()) node = node.size() > 0 ? node.get(0) : null;
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) return null;
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }
}
