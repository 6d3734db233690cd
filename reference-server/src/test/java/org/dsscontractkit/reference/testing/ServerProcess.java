package org.dsscontractkit.reference.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference server's fat jar run as a child process, as a user runs it ({@code java -jar ... --port --data-dir
 * --admin-api-key}), on a free 127.0.0.1 port, its output in a log file; started when it answers HTTP. Stopped with
 * SIGTERM ({@link #stop()}) or killed with SIGKILL ({@link #kill()}), which is what a crash looks like to the data dir.
 * Shared by the reference server's own crash tests and the contract-tests suites (through the test jar).
 */
public final class ServerProcess implements AutoCloseable {

    /** System property naming the fat jar (set by the failsafe configuration of both modules). */
    public static final String JAR_PROPERTY = "reference.server.jar";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ServerProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** The fat jar named by {@value #JAR_PROPERTY}; fails saying how to build it when it is missing. */
    public static Path jar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("Reference server jar not found at " + jar
                    + " (build it with: mvn -pl reference-server -am package -DskipTests)");
        }
        return Path.of(jar);
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> --host 127.0.0.1 --port <free> --data-dir <dataDir> --admin-api-key
     * <adminKey> <extraArgs>} and waits until it answers HTTP.
     */
    public static ServerProcess start(Path dataDir, String adminKey, List<String> jvmOptions, List<String> extraArgs)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("dss-server", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString(), "--admin-api-key", adminKey));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, "http://127.0.0.1:" + port);
        server.awaitReady();
        return server;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the server printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/dip/publicapi/auth/info"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Reference server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        kill();
        throw new IllegalStateException("Reference server not answering after " + STARTUP_LIMIT + ":\n" + output());
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 10 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it eventually
        }
    }

    /** @return a port nothing listens on now, on 127.0.0.1 */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
