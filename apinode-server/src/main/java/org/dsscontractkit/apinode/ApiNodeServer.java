package org.dsscontractkit.apinode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dsscontractkit.apinode.http.H2cUpgradeIgnoringFilter;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * A standalone API node on its own port (Grizzly). {@code main} runs one:
 * {@code java -cp ... org.dsscontractkit.apinode.ApiNodeServer --data-dir ./data --port 12000 [--admin-key K]}.
 */
public final class ApiNodeServer implements AutoCloseable {

    private final ApiNode node;
    private final HttpServer http;
    private final URI baseUri;

    private ApiNodeServer(ApiNode node, HttpServer http, URI baseUri) {
        this.node = node;
        this.http = http;
        this.baseUri = baseUri;
    }

    /** Starts an API node and its HTTP server; {@code port 0} picks a free port (see {@link #baseUri()}). */
    public static ApiNodeServer start(ApiNodeConfig config) {
        ApiNode node = ApiNode.create(config);
        try {
            URI requested = URI.create("http://" + config.host() + ":" + config.port() + "/");
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(requested, node.resourceConfig(), false);
            http.getListener("grizzly").registerAddOn(H2cUpgradeIgnoringFilter.addOn());
            http.start();
            int port = http.getListener("grizzly").getPort();
            return new ApiNodeServer(node, http, URI.create("http://" + config.host() + ":" + port));
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException("Cannot start the API node on " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Base URI without trailing slash, e.g. {@code http://127.0.0.1:12000} (what APINodeClient takes). */
    public URI baseUri() {
        return baseUri;
    }

    public ApiNode node() {
        return node;
    }

    @Override
    public void close() {
        http.shutdownNow();
        node.close();
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/dsscontractkit/apinode/logback-standalone.xml");
        }
        java.util.logging.LogManager.getLogManager().reset();
        Path dataDir = Path.of("data");
        int port = 12000;
        String host = "127.0.0.1";
        List<String> adminKeys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--port", "--apinode-port" -> port = Integer.parseInt(require(args[i], value));
                case "--host" -> host = require(args[i], value);
                case "--admin-key" -> adminKeys.add(require(args[i], value));
                case "--help", "-h" -> {
                    System.out.println("Usage: ApiNodeServer [--data-dir DIR] [--port 12000] [--host 127.0.0.1] [--admin-key KEY]...");
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
            i++;
        }
        ApiNodeConfig config = new ApiNodeConfig(dataDir, null, host, port, adminKeys, true, Duration.ofSeconds(1), "python3");
        ApiNodeServer server = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("API node listening on " + server.baseUri() + " (data dir " + dataDir.toAbsolutePath() + ")");
        Thread.currentThread().join();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
