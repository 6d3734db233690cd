package org.dsscontractkit.apiconnect.recipe;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.apiconnect.preset.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recipe's input CSV: a header line, then rows read one at a time (cells as text, no type inference). */
public final class InputTable implements AutoCloseable {
    private final Path file;
    private final CSVParser parser;
    private final List<String> header;
    private final Iterator<CSVRecord> records;

    private InputTable(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.header = List.copyOf(parser.getHeaderNames());
        this.records = parser.iterator();
    }

    public static InputTable open(Path file, char delimiter) {
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).build().parse(reader);
            InputTable t = new InputTable(file, parser);
            if (t.header.isEmpty()) throw new ConfigException(file.toString(), "header", "the input has no header line");
            return t;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "file not found");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.toString(), "header", "cannot read the input CSV: " + e.getMessage());
        }
    }

    /** Counts data rows with a separate streaming pass (for the progress total). */
    public static long countRows(Path file, char delimiter) {
        try (InputTable t = open(file, delimiter)) {
            long n = 0;
            while (t.next() != null) n++;
            return n;
        }
    }

    public List<String> header() { return header; }

    public Path file() { return file; }

    /** The next row as column -> cell (missing cells are ""), or null at the end. */
    public Map<String, String> next() {
        try {
            if (!records.hasNext()) return null;
            CSVRecord r = records.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < r.size() ? r.get(i) : "");
            return row;
        } catch (RuntimeException e) {
            throw new ConfigException(file.toString(), "line " + parser.getCurrentLineNumber(), "malformed CSV: " + e.getMessage());
        }
    }

    @Override public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only file: nothing to lose
        }
    }

}
