package org.dsscontractkit.apinode;

import java.nio.file.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Entry point for a host process that only knows Jersey: the API node's own application (user API and admin API,
 * resources with their full paths, see {@link ApiNode#PATHS}), closed (workers stopped) when its container shuts
 * down.
 */
public final class ApiNodeApplication {

    private ApiNodeApplication() {
    }

    /**
     * @param dataDir     the host's data dir; the API node keeps its files in {@code <dataDir>/apinode}
     * @param environment the host's connections and datasets; null for the embedded H2 demo database
     */
    public static ResourceConfig create(Path dataDir, ApiNodeEnvironment environment) {
        ApiNode node = ApiNode.create(ApiNodeConfig.defaults(dataDir).withEnvironment(environment));
        ResourceConfig rc = node.application();
        rc.register(closeOnShutdown(node));
        return rc;
    }

    /** A listener closing {@code node} with the container of its application. */
    public static ContainerLifecycleListener closeOnShutdown(ApiNode node) {
        return new ContainerLifecycleListener() {
            @Override
            public void onStartup(Container container) {
                // nothing to do: the node is ready when created
            }

            @Override
            public void onReload(Container container) {
                // same node across reloads
            }

            @Override
            public void onShutdown(Container container) {
                node.close();
            }
        };
    }
}
