package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

/** JSON Lines: one object per row, written as soon as it arrives. */
public final class JsonLinesSink implements RowSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;
    private long rows;

    public JsonLinesSink(Writer out) { this.out = out; }

    @Override public synchronized void write(ObjectNode row) throws IOException {
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
        rows++;
    }

    @Override public synchronized void flush() throws IOException { out.flush(); }

    @Override public long rowsWritten() { return rows; }

    @Override public void close() throws IOException { out.flush(); out.close(); }
}
