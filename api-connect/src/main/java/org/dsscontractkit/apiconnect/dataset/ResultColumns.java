package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Places a response's fields in the output rows of one run without losing any: a field named like a column the
 * rows already have (an input column, {@code dku_error}, a metadata column) is written under a prefix, {@code api_}
 * unless chosen otherwise, repeated while the name is still taken ({@code id} -> {@code api_id} ->
 * {@code api_api_id}). The plugin keeps only one of the two values.
 *
 * <p>A field keeps the column it got the first time for the whole run, so a column never mixes two fields from one
 * row to the next; each renaming is reported once.
 */
public final class ResultColumns {
    public static final String DEFAULT_PREFIX = "api_";

    private final String prefix;
    private final Consumer<String> warnings;
    private final Map<String, String> columnOfField = new ConcurrentHashMap<>();
    private final Set<String> assigned = new HashSet<>();

    public ResultColumns(String prefix, Consumer<String> warnings) {
        if (prefix == null || prefix.isEmpty()) throw new IllegalArgumentException("the prefix must not be empty");
        this.prefix = prefix;
        this.warnings = warnings == null ? w -> { } : warnings;
    }

    public static ResultColumns defaults() { return new ResultColumns(DEFAULT_PREFIX, null); }

    public String prefix() { return prefix; }

    /**
     * Adds {@code data}'s fields to {@code row}, after the columns it has (the same ones for every row of a run).
     *
     * @param reserved columns the row may get later (metadata, error column), which a field must not take either
     */
    public ObjectNode place(ObjectNode row, ObjectNode data, Set<String> reserved) {
        Iterator<Map.Entry<String, JsonNode>> it = data.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String column = columnOfField.get(f.getKey());
            if (column == null) column = assign(f.getKey(), row, reserved);
            row.set(column, f.getValue());
        }
        return row;
    }

    private synchronized String assign(String field, ObjectNode row, Set<String> reserved) {
        String known = columnOfField.get(field);
        if (known != null) return known;
        String column = field;
        while (row.has(column) || reserved.contains(column) || assigned.contains(column)) column = prefix + column;
        assigned.add(column);
        columnOfField.put(field, column);
        if (!column.equals(field)) {
            warnings.accept("the response field '" + field + "' is written as column '" + column
                    + "': the output already has a column '" + field + "'"
                    + " (--collision-prefix sets the prefix)");
        }
        return column;
    }
}
