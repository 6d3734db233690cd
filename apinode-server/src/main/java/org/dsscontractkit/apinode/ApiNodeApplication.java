package org.dsscontractkit.apinode;

import java.nio.file.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Entry point for a host process (the DSS reference server): a Jersey application serving the API node user API
 * and admin API, to register on the host's port or on a port of its own ({@code --apinode-port}). The API node is
 * closed (workers stopped) when the container shuts down.
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
        ResourceConfig rc = node.resourceConfig();
        rc.register(closeOnShutdown(node));
        return rc;
    }

    /** A listener closing {@code node} with the container, for hosts registering {@link ApiNode#registerInto}. */
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
