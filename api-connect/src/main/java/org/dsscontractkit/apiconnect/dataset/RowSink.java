package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Where output rows go, one at a time (never all in memory). */
public interface RowSink extends AutoCloseable {
    void write(ObjectNode row) throws IOException;

    /**
     * A page (or a recipe row) is complete: rows written so far reach a streamed output now (JSON Lines). CSV
     * cannot show rows before its header, which needs every column, so it keeps spooling.
     */
    default void flush() throws IOException {
    }

    long rowsWritten();

    /** Completes the output (for a file: makes it appear under its name). */
    @Override
    void close() throws IOException;

    /**
     * The run failed: drop what can still be dropped, so a previous good output file is left untouched (a streamed
     * output keeps the rows it already had, see {@link OutputFormat#open}).
     */
    default void abort() {
    }
}
