package org.dsscontractkit.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the reference server jar as a user does: {@code java [jvm options] -jar <jar> --admin-api-key ... }. */
final class ReferenceServerLauncher {
    static final String API_KEY = "bench-admin-key-0001";

    private final Path jar;
    private final Path logs;

    ReferenceServerLauncher(Path jar, Path logs) {
        this.jar = jar;
        this.logs = logs;
    }

    Path jar() { return jar; }

    ManagedProcess start(String name, Path dataDir, int port, List<String> jvmOptions, List<String> serverOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "--admin-api-key", API_KEY, "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        cmd.addAll(serverOptions);
        return ManagedProcess.start(name, cmd, logs.resolve(name + ".log"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Http client(int port) {
        return new Http("http://127.0.0.1:" + port, API_KEY);
    }
}
