package org.dsscontractkit.reference.dataset;

import java.io.IOException;
import java.util.List;

/** Receives rows one by one as they are read: nothing holds a whole dataset in memory. */
public interface RowSink {
    /** A sink that only lets rows be counted. */
    RowSink DISCARD = new RowSink() {
        @Override public void row(List<String> cells) { }
        @Override public void row(Utf8Row row) { }
    };

    void row(List<String> cells) throws IOException;

    /**
     * A row read from a dataset file, as UTF-8 bytes; the row object is refilled for the next row, so keep
     * nothing of it. Sinks that write bytes override this to skip making strings.
     */
    default void row(Utf8Row row) throws IOException {
        row(row.strings());
    }
}
