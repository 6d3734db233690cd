package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * "Path to data array" (plugin extraction_key): dot-separated keys, with {@code ["key.with.dot"]} or
 * {@code ['key.with.dot']} for keys holding dots, optionally {@code [0]} array indexes. Empty = whole response.
 */
public final class DataPath {
    private final String text;
    private final List<Object> steps;

    private DataPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    public static DataPath parse(String text) {
        if (text == null || text.isBlank()) return new DataPath("", List.of());
        String s = text.trim();
        if (s.startsWith("$.")) s = s.substring(2);
        else if (s.startsWith("$[")) s = s.substring(1);
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i + 1) == '.') {
                    throw new IllegalArgumentException("empty key at position " + (i + 1));
                }
                i++;
            } else if (c == '[') {
                int close;
                if (i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\'')) {
                    char q = s.charAt(i + 1);
                    int end = s.indexOf(q, i + 2);
                    if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
                        throw new IllegalArgumentException("unclosed [" + q + "...] at position " + (i + 1));
                    }
                    steps.add(s.substring(i + 2, end));
                    close = end + 1;
                } else {
                    close = s.indexOf(']', i);
                    if (close < 0) throw new IllegalArgumentException("unclosed [ at position " + (i + 1));
                    String inside = s.substring(i + 1, close).trim();
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("[" + inside + "] must be a quoted key or an array index");
                    }
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') end++;
                String key = s.substring(i, end);
                if (key.contains("]") || key.contains("\"")) {
                    throw new IllegalArgumentException("unexpected character in '" + key + "'");
                }
                steps.add(key);
                i = end;
            }
        }
        return new DataPath(text, List.copyOf(steps));
    }

    public boolean isEmpty() { return steps.isEmpty(); }

    /** The node at this path, or null when any step is missing. */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) return null;
            if (step instanceof Integer idx) {
                node = node.isArray() ? node.get(idx) : null;
            } else {
                node = node.isObject() ? node.get((String) step) : null;
            }
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    @Override public String toString() { return text; }
}
