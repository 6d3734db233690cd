package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Text bodies that are not JSON or XML, read as CSV as the plugin does: first line = header, one object of
 * strings per line (short lines lose their missing cells). The delimiter is guessed from the header line among
 * {@code , ; TAB |}. A single line is not a table: the caller keeps the text.
 */
public final class CsvText {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private CsvText() {
    }

    public static JsonNode parse(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        if (newline < 0) return null;
        String header = trimmed.substring(0, newline);
        char delimiter = ',';
        long best = 0;
        for (char c : CANDIDATES) {
            long n = header.chars().filter(ch -> ch == c).count();
            if (n > best) {
                best = n;
                delimiter = c;
            }
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(false).build().parse(new StringReader(trimmed))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() < 2) return null;
            CSVRecord head = records.get(0);
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            for (CSVRecord r : records.subList(1, records.size())) {
                ObjectNode row = rows.addObject();
                for (int i = 0; i < head.size() && i < r.size(); i++) row.put(head.get(i).strip(), r.get(i));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
