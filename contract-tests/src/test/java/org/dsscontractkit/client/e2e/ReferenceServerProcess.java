package org.dsscontractkit.client.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;
import org.dsscontractkit.reference.testing.ServerProcess;

/**
 * The reference server's fat jar, run once per test JVM in its own process ({@link ServerProcess}, shared with the
 * reference server's own crash tests) on a free 127.0.0.1 port with a temporary data dir and a random admin key,
 * behind a {@link ValidatingProxy} that checks every exchange against the bundled OpenAPI documents; stopped (and its
 * data dir removed) when the JVM exits.
 *
 * <p>A suite that would spoil the shared server's state (the fuzz) starts one of its own with {@link #startDedicated},
 * with its own data dir and no proxy, and closes it.</p>
 */
public final class ReferenceServerProcess implements AutoCloseable {

    private static ReferenceServerProcess instance;

    private final ServerProcess server;
    private final Path dataDir;
    private final ValidatingProxy proxy;
    private final String adminKey = "it-admin-" + UUID.randomUUID();

    private ReferenceServerProcess(boolean validated) throws IOException, InterruptedException {
        dataDir = Files.createTempDirectory("dss-it-data");
        server = ServerProcess.start(dataDir, adminKey, List.of("-Xmx256m"), List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "reference-server-stop"));
        // every client of the suites talks to the server through the proxy, so every exchange is validated
        proxy = validated ? ValidatingProxy.start(URI.create(server.baseUrl()), ContractValidator.shared()) : null;
    }

    /**
     * Starts a server of the caller's own (own port, data dir and admin key), not behind the validating proxy:
     * {@link #baseUrl()} is the server itself. Close it when done.
     */
    public static ReferenceServerProcess startDedicated() {
        try {
            return new ReferenceServerProcess(false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the reference server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the reference server", e);
        }
    }

    /** @return the server's data dir */
    public Path dataDir() {
        return dataDir;
    }

    /** @return whether the server process is still running */
    public boolean isAlive() {
        return server.isAlive();
    }

    /** @return what the server printed so far */
    public String log() {
        return server.output();
    }

    @Override
    public void close() {
        stop();
    }

    /** @return the shared server, started on first use */
    public static synchronized ReferenceServerProcess get() {
        if (instance == null) {
            try {
                instance = new ReferenceServerProcess(true);
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
        return E2eRoute.dssBaseUrl().orElse(proxy == null ? server.baseUrl() : proxy.uri().toString());
    }

    /** @return the server's own base URL, bypassing validation (for tests that break the contract on purpose) */
    public String directUrl() {
        return server.baseUrl();
    }

    public String adminKey() {
        return adminKey;
    }

    private synchronized void stop() {
        if (proxy != null) {
            proxy.close();
        }
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; the OS cleans it eventually
        }
    }

    /** @return a port nothing listens on now, on 127.0.0.1 */
    public static int freePort() throws IOException {
        return ServerProcess.freePort();
    }
}
