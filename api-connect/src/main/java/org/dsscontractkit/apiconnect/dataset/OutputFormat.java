package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
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
     * Opens a sink on {@code target}. {@link RowSink#close()} completes it (a regular file appears under its name);
     * {@link RowSink#abort()} drops a regular file's new content but, on a streamed target, still writes the rows
     * already received (a CSV header and its spooled rows), since a stream cannot be taken back anyway.
     */
    public RowSink open(OutputTarget target, List<String> leadingColumns) throws IOException {
        OutputTarget.Output output = target.open();
        RowSink inner;
        try {
            inner = this == JSONL ? new JsonLinesSink(output.writer()) : new CsvSink(output.writer(), leadingColumns);
        } catch (IOException | RuntimeException e) {
            output.discard();
            throw e;
        }
        return new TargetSink(inner, output, target.streamed());
    }

    private static final class TargetSink implements RowSink {
        private final RowSink inner;
        private final OutputTarget.Output output;
        private final boolean streamed;

        TargetSink(RowSink inner, OutputTarget.Output output, boolean streamed) {
            this.inner = inner;
            this.output = output;
            this.streamed = streamed;
        }

        @Override public void write(ObjectNode row) throws IOException { inner.write(row); }

        @Override public void flush() throws IOException { inner.flush(); }

        @Override public long rowsWritten() { return inner.rowsWritten(); }

        @Override public void close() throws IOException {
            try {
                inner.close();
            } catch (IOException | RuntimeException e) {
                output.discard();
                throw e;
            }
            output.commit();
        }

        @Override public void abort() {
            if (streamed) {
                try {
                    inner.close();
                } catch (IOException | RuntimeException ignored) {
                    // the run has already failed; its own error is the one to report
                }
            } else {
                inner.abort();
            }
            output.discard();
        }
    }
}
