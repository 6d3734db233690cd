package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The output formats rows are streamed in (dataset data and SQL results). {@code tsv-excel-noheader} is what
 * the Python client asks for: tab separated, Excel quoting (quote char ", doubled inside), no header line.
 */
public enum RowFormat {
    TSV_EXCEL_NOHEADER("tsv-excel-noheader", "text/tab-separated-values; charset=utf-8", '\t', false),
    TSV_EXCEL_HEADER("tsv-excel-header", "text/tab-separated-values; charset=utf-8", '\t', true),
    CSV_EXCEL_NOHEADER("csv-excel-noheader", "text/csv; charset=utf-8", ',', false),
    CSV_EXCEL_HEADER("csv-excel-header", "text/csv; charset=utf-8", ',', true),
    JSON("json", "application/json", '\0', false);

    private final String formatName;
    private final String contentType;
    private final char separator;
    private final boolean headerRow;

    RowFormat(String formatName, String contentType, char separator, boolean headerRow) {
        this.formatName = formatName;
        this.contentType = contentType;
        this.separator = separator;
        this.headerRow = headerRow;
    }

    public String contentType() { return contentType; }

    public static RowFormat parse(String name, RowFormat dflt) {
        if (name == null || name.isEmpty()) return dflt;
        for (RowFormat f : values()) if (f.formatName.equals(name)) return f;
        StringBuilder known = new StringBuilder();
        for (RowFormat f : values()) known.append(known.length() == 0 ? "" : ", ").append(f.formatName);
        throw ApiException.invalidField("format", "unsupported format '" + name + "' (supported: " + known + ")");
    }

    /** A writer positioned before the first row; {@link Writer#close()} ends the document but not the stream. */
    public Writer open(OutputStream out, List<String> header) throws IOException {
        switch (this) {
            case JSON: {
                JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartArray();
                return new Writer() {
                    @Override public void row(List<String> cells) throws IOException {
                        g.writeStartArray();
                        for (String c : cells) g.writeString(c);
                        g.writeEndArray();
                    }
                    @Override public void row(Utf8Row row) throws IOException {
                        // Strings, not writeUTF8String: Jackson escapes characters beyond U+FFFF only in the former.
                        g.writeStartArray();
                        byte[] b = row.bytes();
                        for (int i = 0, n = row.size(); i < n; i++) {
                            int s = row.start(i);
                            g.writeString(new String(b, s, row.end(i) - s, StandardCharsets.UTF_8));
                        }
                        g.writeEndArray();
                    }
                    @Override public void close() throws IOException {
                        g.writeEndArray();
                        g.close();
                    }
                };
            }
            default: {
                ExcelRowWriter w = new ExcelRowWriter(out, separator);
                if (headerRow) w.row(header);
                return w;
            }
        }
    }

    public interface Writer extends RowSink, AutoCloseable {
        @Override void close() throws IOException;
    }
}
