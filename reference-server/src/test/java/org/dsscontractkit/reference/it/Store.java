package org.dsscontractkit.reference.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Where the server under test keeps its configuration: the embedded H2 file, or a throwaway PostgreSQL. */
interface Store extends AutoCloseable {
    String jdbcUrl();

    @Override void close();

    static Store embedded() {
        return new Store() {
            @Override public String jdbcUrl() { return null; }
            @Override public void close() { }
        };
    }

    /** Starts a PostgreSQL cluster with src/test/pg/start-postgres.sh (Debian's initdb/pg_ctl). */
    static Store postgres() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("pg.script", "src/test/pg/start-postgres.sh"));
        Path work = Files.createTempDirectory("dss-pg");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = work.resolve("cluster");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString(), String.valueOf(port))
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IllegalStateException("Cannot start PostgreSQL: " + err + " " + out);
        String url = out.lines().reduce((a, b) -> b).orElseThrow();
        Path stop = script.resolveSibling("stop-postgres.sh");
        return new Store() {
            @Override public String jdbcUrl() { return url; }
            @Override public void close() {
                try {
                    new ProcessBuilder("bash", stop.toString(), dir.toString()).inheritIO().start().waitFor();
                    Files.deleteIfExists(work);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
