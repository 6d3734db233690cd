package org.dsscontractkit.apiconnect.dataset;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Output file formats. */
public enum OutputFormat {
    CSV, JSONL;

    /** Guesses from the file name (.jsonl/.ndjson -> JSONL), CSV otherwise. */
    public static OutputFormat of(Path file) {
        if (file == null) return CSV;
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") ? JSONL : CSV;
    }

    /** Opens a sink on {@code file}, or standard output when null. */
    public RowSink open(Path file, List<String> leadingColumns) throws IOException {
        Writer w = file == null
                ? new OutputStreamWriter(new NonClosingStream(System.out), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return this == JSONL ? new JsonLinesSink(w) : new CsvSink(w, leadingColumns);
    }

    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(java.io.OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
