package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV output whose columns are the union of all row keys in first-seen order (as the plugin's schema). The header
 * can only be written once every row is known, so rows are spooled to a temporary JSON Lines file and copied to
 * CSV at close: memory stays constant whatever the number of pages, only the column set is kept.
 */
public final class CsvSink implements RowSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final Path spool;
    private final BufferedWriter spoolWriter;
    private final Set<String> columns = new LinkedHashSet<>();
    private long rows;

    public CsvSink(Writer out, List<String> leadingColumns) throws IOException {
        this.out = out;
        this.columns.addAll(leadingColumns);
        this.spool = TempFiles.createPrivate("api-connect-", ".jsonl");
        this.spool.toFile().deleteOnExit();
        this.spoolWriter = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    @Override public synchronized void write(ObjectNode row) throws IOException {
        row.fieldNames().forEachRemaining(columns::add);
        spoolWriter.write(JSON.writeValueAsString(row));
        spoolWriter.write('\n');
        rows++;
    }

    @Override public long rowsWritten() { return rows; }

    @Override public synchronized void abort() {
        try {
            spoolWriter.close();
            Files.deleteIfExists(spool);
        } catch (IOException ignored) {
            // temporary file, deleted on exit anyway
        }
    }

    @Override public synchronized void close() throws IOException {
        spoolWriter.close();
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build())) {
            if (!columns.isEmpty()) printer.printRecord(columns);
            List<String> cells = new ArrayList<>(columns.size());
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode row = JSON.readTree(line);
                cells.clear();
                for (String c : columns) {
                    JsonNode v = row.get(c);
                    cells.add(v == null || v.isNull() ? "" : v.asText());
                }
                printer.printRecord(cells);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
