package org.dsscontractkit.client.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Query string of one call, with the same value rules as the Python client except for booleans:
 * {@code null} values are dropped, collections become repeated keys (an empty one disappears), an empty string
 * is kept ({@code partition=}); booleans are sent in the clean form {@code true}/{@code false}.
 */
public final class QueryParams {

    private final List<Map.Entry<String, String>> pairs = new ArrayList<>();

    private QueryParams() {
    }

    /** @return an empty query */
    public static QueryParams none() {
        return new QueryParams();
    }

    /** @return a query holding one parameter (dropped if {@code value} is null) */
    public static QueryParams of(String name, Object value) {
        return new QueryParams().with(name, value);
    }

    /**
     * Adds a parameter.
     *
     * @param name  parameter name
     * @param value null (dropped), a collection (one pair per element) or any value rendered with {@code toString()}
     * @return this
     */
    public QueryParams with(String name, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                with(name, v);
            }
            return this;
        }
        pairs.add(Map.entry(name, String.valueOf(value)));
        return this;
    }

    /** @return the encoded query string without the leading {@code ?}, empty when there is no parameter */
    public String encode() {
        StringJoiner joiner = new StringJoiner("&");
        for (Map.Entry<String, String> pair : pairs) {
            joiner.add(encodeComponent(pair.getKey()) + "=" + encodeComponent(pair.getValue()));
        }
        return joiner.toString();
    }

    static String encodeComponent(String raw) {
        // URLEncoder does form encoding; %20 instead of '+' keeps the value unambiguous for every server
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return encode();
    }
}
