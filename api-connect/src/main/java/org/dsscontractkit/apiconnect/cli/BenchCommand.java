package org.dsscontractkit.apiconnect.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.dataset.RowSink;
import org.dsscontractkit.apiconnect.preset.PresetLoader;
import org.dsscontractkit.apiconnect.recipe.ErrorBehaviour;
import org.dsscontractkit.apiconnect.recipe.InputTable;
import org.dsscontractkit.apiconnect.recipe.ProgressListener;
import org.dsscontractkit.apiconnect.recipe.RecipeOptions;
import org.dsscontractkit.apiconnect.recipe.RecipeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Throughput of the recipe against a local loopback server (JDK HttpServer on 127.0.0.1, free port): rows per
 * second without and with a rate limit. A figure printer, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Rows/second through the recipe against a local loopback server, without and with a rate limit.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rows", description = "Input rows for the unlimited run (default ${DEFAULT-VALUE}).")
    int rows = 5000;

    @Option(names = {"-c", "--concurrency"}, description = "Workers (default ${DEFAULT-VALUE}).")
    int concurrency = 4;

    @Option(names = "--rpm", description = "Rate limit of the second run, requests per minute (default ${DEFAULT-VALUE}).")
    double rpm = 1200;

    @Option(names = "--limited-rows", description = "Input rows for the rate-limited run (default ${DEFAULT-VALUE}).")
    int limitedRows = 100;

    @Override
    public Integer call() throws Exception {
        // Without TCP_NODELAY the JDK server waits on delayed ACKs (~40 ms per small response) and we would measure that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService serverPool = Executors.newFixedThreadPool(8);
        server.setExecutor(serverPool);
        server.createContext("/score", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = ("{\"query\":\"" + query + "\",\"result\":{\"prediction\":\"yes\",\"probability\":0.87}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("api-connect-bench");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path preset = dir.resolve("bench.yaml");
            Files.writeString(preset, "endpoint:\n  url: " + base + "/score\n  query:\n    id: \"{{id}}\"\n    name: \"{{name}}\"\n");
            System.out.println("bench: recipe against " + base + "/score, concurrency " + concurrency);
            run(preset, dir, Math.min(500, rows), null); // warm-up
            double free = run(preset, dir, rows, null);
            System.out.printf(Locale.ROOT, "no rate limit : %d rows, %.0f rows/s%n", rows, free);
            double limited = run(preset, dir, limitedRows, rpm);
            System.out.printf(Locale.ROOT, "rate limit %.0f/min (= %.1f/s max): %d rows, %.1f rows/s%n",
                    rpm, rpm / 60, limitedRows, limited);
        } finally {
            server.stop(0);
            serverPool.shutdownNow();
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private double run(Path preset, Path dir, int n, Double limit) throws IOException {
        Path input = dir.resolve("input.csv");
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < n; i++) csv.append(i).append(",name ").append(i).append('\n');
        Files.writeString(input, csv);
        ApiConnect api = ApiConnect.create(new PresetLoader().load(List.of(preset)),
                ApiConnect.Options.defaults().withRequestsPerMinute(limit).withMaxRetries(0), Set.of("id", "name"));
        RecipeOptions options = new RecipeOptions(List.of(), Map.of(), concurrency, ErrorBehaviour.KEEP_ERROR_COLUMN, false, false);
        long[] count = {0};
        RowSink sink = new RowSink() {
            @Override public void write(ObjectNode row) { count[0]++; }
            @Override public long rowsWritten() { return count[0]; }
            @Override public void close() { }
        };
        long start = System.nanoTime();
        RecipeRunner.Result result;
        try (InputTable table = InputTable.open(input, ',')) {
            result = new RecipeRunner(api, options).run(table, n, sink, ProgressListener.NONE);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.failedRows() > 0) System.out.println("warning: " + result.failedRows() + " failed rows");
        return result.inputRows() / seconds;
    }
}
