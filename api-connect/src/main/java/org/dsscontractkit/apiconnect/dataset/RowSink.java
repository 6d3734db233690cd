package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Where output rows go, one at a time (never all in memory). */
public interface RowSink extends AutoCloseable {
    void write(ObjectNode row) throws IOException;

    long rowsWritten();

    /** Completes the output (for a file: makes it appear under its name). */
    @Override
    void close() throws IOException;

    /** The run failed: drop what can still be dropped, so a previous good output file is left untouched. */
    default void abort() {
    }
}
