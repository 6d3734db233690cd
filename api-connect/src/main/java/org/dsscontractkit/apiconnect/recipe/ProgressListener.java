package org.dsscontractkit.apiconnect.recipe;

/** Told about recipe progress from a single thread, in input order. */
public interface ProgressListener {
    /** @param totalRows -1 when unknown */
    default void started(long totalRows) { }

    default void rowDone(long done, boolean failed) { }

    default void finished(long done, long failed) { }

    ProgressListener NONE = new ProgressListener() { };
}
