package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Where output rows go, one at a time (never all in memory). */
public interface RowSink extends AutoCloseable {
    void write(ObjectNode row) throws IOException;

    long rowsWritten();

    @Override
    void close() throws IOException;
}
