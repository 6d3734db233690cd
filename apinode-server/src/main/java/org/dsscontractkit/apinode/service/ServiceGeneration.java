package org.dsscontractkit.apinode.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** One loaded generation of a service: its access rules and compiled endpoints, from one service file. */
public record ServiceGeneration(String serviceId, String generation, boolean publicAccess, Set<String> apiKeys,
                                Map<String, Endpoint> endpoints, Path file) implements AutoCloseable {

    @Override
    public void close() {
        endpoints.values().forEach(Endpoint::close);
    }
}
