package org.dsscontractkit.client.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns the text cells of a {@code tsv-excel-noheader} row into typed values, by column type, with the rules of
 * the Python client's caster:
 * <ul>
 *   <li>{@code tinyint}, {@code smallint}, {@code int}, {@code bigint} &rarr; {@link Long}</li>
 *   <li>{@code float}, {@code double} &rarr; {@link Double}</li>
 *   <li>{@code date} &rarr; {@link Instant}; {@code dateonly} &rarr; {@link LocalDate};
 *       {@code datetimenotz} &rarr; {@link LocalDateTime} (the Python client returns a datetime for all three)</li>
 *   <li>{@code boolean} &rarr; {@link Boolean}, true only when the text is {@code true} in any case (empty is false)</li>
 *   <li>any other type &rarr; the text unchanged</li>
 * </ul>
 * A cell that cannot be converted (an empty number, a malformed date) becomes {@code null}; cells beyond the
 * schema become {@code null}, as in the Python client.
 */
public final class ColumnCaster {

    private final List<Function<String, Object>> casts;

    /**
     * @param columns schema columns in order: a JSON array of {@code {name, type, ...}}
     */
    public ColumnCaster(JsonNode columns) {
        if (columns == null || !columns.isArray()) {
            throw new IllegalArgumentException("A schema must be a JSON array of columns, got: " + columns);
        }
        casts = new ArrayList<>(columns.size());
        for (JsonNode column : columns) {
            casts.add(castFor(column.path("type").asText("string")));
        }
    }

    /** @return the number of schema columns */
    public int columnCount() {
        return casts.size();
    }

    /**
     * @param cells text cells of one row
     * @return one typed value per cell
     */
    public List<Object> cast(List<String> cells) {
        List<Object> row = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (i >= casts.size()) {
                row.add(null);
                continue;
            }
            try {
                row.add(casts.get(i).apply(cells.get(i)));
            } catch (RuntimeException uncastable) {
                row.add(null);
            }
        }
        return row;
    }

    static Function<String, Object> castFor(String type) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "tinyint":
            case "smallint":
            case "int":
            case "bigint":
                return text -> Long.valueOf(text.strip());
            case "float":
            case "double":
                return text -> Double.valueOf(text.strip());
            case "date":
                return text -> text.isEmpty() ? null : parseInstant(text);
            case "dateonly":
                return text -> text.isEmpty() ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            case "datetimenotz":
                return text -> text.isEmpty() ? null : LocalDateTime.parse(text.replace(' ', 'T'));
            case "boolean":
                return text -> "true".equalsIgnoreCase(text);
            default:
                return text -> text;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            // DSS writes dates as ISO with an offset; a value without one is read as UTC
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
        }
    }
}
