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

    /**
     * Opens a sink on {@code file}, or standard output when null. A file is written under a temporary name next
     * to it and moved in place by {@link RowSink#close()}; {@link RowSink#abort()} deletes it instead.
     */
    public RowSink open(Path file, List<String> leadingColumns) throws IOException {
        if (file == null) {
            Writer w = new OutputStreamWriter(new NonClosingStream(System.out), StandardCharsets.UTF_8);
            return this == JSONL ? new JsonLinesSink(w) : new CsvSink(w, leadingColumns);
        }
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        RowSink inner = this == JSONL ? new JsonLinesSink(w) : new CsvSink(w, leadingColumns);
        return new RowSink() {
            @Override public void write(com.fasterxml.jackson.databind.node.ObjectNode row) throws IOException { inner.write(row); }

            @Override public long rowsWritten() { return inner.rowsWritten(); }

            @Override public void close() throws IOException {
                inner.close();
                Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }

            @Override public void abort() {
                inner.abort();
                try {
                    w.close();
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // best effort: a stray .partial file is harmless
                }
            }
        };
    }

    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(java.io.OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
