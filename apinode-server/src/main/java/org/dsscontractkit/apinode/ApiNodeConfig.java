package org.dsscontractkit.apinode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run an API node.
 *
 * @param dataDir         root of the data dir; the API node keeps everything under {@code <dataDir>/apinode}
 * @param environment     connections and datasets lent by the host; null means the embedded H2 demo database
 * @param host            bind address of the standalone server
 * @param port            port of the standalone server; 0 picks a free one
 * @param adminKeys       admin API keys that always work (in addition to keys created through the admin API)
 * @param seedDemoServices write the demo service files on first start (when the services dir does not exist yet)
 * @param reloadInterval  how often service files are checked for changes
 * @param pythonCommand   the interpreter running Python function endpoints
 */
public record ApiNodeConfig(Path dataDir, ApiNodeEnvironment environment, String host, int port, List<String> adminKeys,
                            boolean seedDemoServices, Duration reloadInterval, String pythonCommand) {

    public ApiNodeConfig {
        adminKeys = adminKeys == null ? List.of() : List.copyOf(adminKeys);
        host = host == null ? "127.0.0.1" : host;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(1) : reloadInterval;
        pythonCommand = pythonCommand == null ? "python3" : pythonCommand;
    }

    public static ApiNodeConfig defaults(Path dataDir) {
        return new ApiNodeConfig(dataDir, null, "127.0.0.1", 12000, List.of(), true, Duration.ofSeconds(1), "python3");
    }

    public ApiNodeConfig withPort(int newPort) {
        return new ApiNodeConfig(dataDir, environment, host, newPort, adminKeys, seedDemoServices, reloadInterval, pythonCommand);
    }

    public ApiNodeConfig withEnvironment(ApiNodeEnvironment env) {
        return new ApiNodeConfig(dataDir, env, host, port, adminKeys, seedDemoServices, reloadInterval, pythonCommand);
    }

    public ApiNodeConfig withAdminKeys(List<String> keys) {
        return new ApiNodeConfig(dataDir, environment, host, port, keys, seedDemoServices, reloadInterval, pythonCommand);
    }

    public Path apinodeDir() {
        return dataDir.resolve("apinode");
    }
}
