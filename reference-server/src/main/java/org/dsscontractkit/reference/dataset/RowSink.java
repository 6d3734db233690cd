package org.dsscontractkit.reference.dataset;

import java.io.IOException;
import java.util.List;

/** Receives rows one by one as they are read: nothing holds a whole dataset in memory. */
public interface RowSink {
    void row(List<String> cells) throws IOException;
}
