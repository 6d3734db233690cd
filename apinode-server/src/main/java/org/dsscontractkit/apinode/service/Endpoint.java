package org.dsscontractkit.apinode.service;

/** A compiled endpoint of one service generation. */
public interface Endpoint extends AutoCloseable {

    String id();

    /** The endpoint type as written in the service file (PREDICTION, PYTHON_FUNCTION, ...). */
    String type();

    /** Loads what the first call would otherwise load (preload of a generation). */
    default void warmUp() {
    }

    /** Releases processes and caches when the generation is unloaded. */
    @Override
    default void close() {
    }
}
