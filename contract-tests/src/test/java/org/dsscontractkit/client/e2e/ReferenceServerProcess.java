package org.dsscontractkit.client.e2e;

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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;

/**
 * The reference server's fat jar, run once per test JVM in its own process on a free 127.0.0.1 port with a temporary
 * data dir and a random admin key, behind a {@link ValidatingProxy} that checks every exchange against the bundled
 * OpenAPI documents; stopped (and its data dir removed) when the JVM exits.
 */
public final class ReferenceServerProcess {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static ReferenceServerProcess instance;

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final String baseUrl;
    private final ValidatingProxy proxy;
    private final String adminKey = "it-admin-" + UUID.randomUUID();

    private ReferenceServerProcess() throws IOException, InterruptedException {
        String jar = System.getProperty("reference.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("Reference server jar not found at " + jar
                    + " (build it with: mvn -pl reference-server -am package -DskipTests)");
        }
        int port = freePort();
        dataDir = Files.createTempDirectory("dss-it-data");
        log = Files.createTempFile("dss-it-server", ".log");
        baseUrl = "http://127.0.0.1:" + port;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", jar, "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(), "--admin-api-key", adminKey))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "reference-server-stop"));
        awaitReady();
        // every client of the suites talks to the server through the proxy, so every exchange is validated
        proxy = ValidatingProxy.start(URI.create(baseUrl), ContractValidator.shared());
    }

    /** @return the shared server, started on first use */
    public static synchronized ReferenceServerProcess get() {
        if (instance == null) {
            try {
                instance = new ReferenceServerProcess();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the reference server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the reference server", e);
            }
        }
        return instance;
    }

    /** @return the base URL clients use: the validating proxy in front of the server (or {@link E2eRoute}'s) */
    public String baseUrl() {
        return E2eRoute.dssBaseUrl().orElse(proxy.uri().toString());
    }

    /** @return the server's own base URL, bypassing validation (for tests that break the contract on purpose) */
    public String directUrl() {
        return baseUrl;
    }

    public String adminKey() {
        return adminKey;
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/dip/publicapi/auth/info"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Reference server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        stop();
        throw new IllegalStateException("Reference server not answering after " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    private void stop() {
        if (proxy != null) {
            proxy.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; the OS cleans it eventually
        }
    }

    /** @return a port nothing listens on now, on 127.0.0.1 */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
