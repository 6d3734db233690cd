package org.dsscontractkit.apinode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.server.http.HttpContainer;

/**
 * A standalone API node on its own port, on the same HTTP container as the reference server (server-core's
 * {@link HttpContainer}), answering only under {@link ApiNode#PATHS}. {@code main} runs one:
 * {@code java -cp ... org.dsscontractkit.apinode.ApiNodeServer --data-dir ./data --port 12000 [--admin-key K]}.
 */
public final class ApiNodeServer implements AutoCloseable {

    private final ApiNode node;
    private final HttpContainer http;
    private final URI baseUri;

    private ApiNodeServer(ApiNode node, HttpContainer http, URI baseUri) {
        this.node = node;
        this.http = http;
        this.baseUri = baseUri;
    }

    /** Starts an API node and its HTTP server; {@code port 0} picks a free port (see {@link #baseUri()}). */
    public static ApiNodeServer start(ApiNodeConfig config) {
        return start(config, HttpContainer.Limits.DEFAULT_MAX_REQUEST_BODY);
    }

    /** @param maxRequestBody largest request body accepted, in bytes (413 beyond) */
    public static ApiNodeServer start(ApiNodeConfig config, long maxRequestBody) {
        ApiNode node = ApiNode.create(config);
        try {
            HttpContainer http = HttpContainer.on(config.host(), config.port())
                    .limits(new HttpContainer.Limits(maxRequestBody, maxRequestBody, HttpContainer.Limits.DEFAULT_MAX_HEADER_BYTES))
                    .jersey("apinode", node::application, HttpContainer.Startup.WITH_CONTAINER, true, ApiNode.PATHS)
                    .start();
            return new ApiNodeServer(node, http, URI.create("http://" + config.host() + ":" + http.port()));
        } catch (Exception e) {
            node.close();
            throw new IllegalStateException("Cannot start the API node on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
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
        http.close();
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
        long maxRequestBody = HttpContainer.Limits.DEFAULT_MAX_REQUEST_BODY;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--port", "--apinode-port" -> port = Integer.parseInt(require(args[i], value));
                case "--host" -> host = require(args[i], value);
                case "--admin-key" -> adminKeys.add(require(args[i], value));
                case "--max-request-body" -> maxRequestBody = Long.parseLong(require(args[i], value));
                case "--help", "-h" -> {
                    System.out.println("Usage: ApiNodeServer [--data-dir DIR] [--port 12000] [--host 127.0.0.1] [--admin-key KEY]... [--max-request-body BYTES]");
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
        ApiNodeServer server = start(config, maxRequestBody);
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
