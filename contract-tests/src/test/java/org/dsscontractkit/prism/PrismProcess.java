package org.dsscontractkit.prism;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;

/**
 * Stoplight Prism ({@code node_modules/.bin/prism}, pinned in the root package.json) as a child process on a free
 * 127.0.0.1 port: {@code prism mock} or {@code prism proxy} over one of the bundled documents.
 *
 * <p>Prism matches request paths against the document's paths as they are and ignores the base path of its
 * {@code servers}; clients send the base (/dip/publicapi). So the document handed to Prism has its paths mounted
 * under that base — the same operations, examples and schemas.</p>
 */
final class PrismProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private PrismProcess(List<String> arguments) throws IOException, InterruptedException {
        String prism = System.getProperty("prism.bin", "../node_modules/.bin/prism");
        if (!Files.isExecutable(Path.of(prism))) {
            throw new IllegalStateException("Prism not found at " + prism + " (run `npm ci` at the repository root)");
        }
        port = ReferenceServerProcess.freePort();
        log = Files.createTempFile("prism", ".log");
        List<String> command = new ArrayList<>(List.of(prism));
        command.addAll(arguments);
        command.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(port)));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening();
    }

    /** {@code prism mock} over a bundled document (classpath resource of the spec jar), mounted under {@code base}. */
    static PrismProcess mock(String document, String base) {
        return start(List.of("mock", mounted(document, base).toString()));
    }

    /** {@code prism proxy} over a bundled document mounted under {@code base}, forwarding to {@code upstream}. */
    static PrismProcess proxy(String document, String base, String upstream) {
        return start(List.of("proxy", mounted(document, base).toString(), upstream));
    }

    private static PrismProcess start(List<String> arguments) {
        try {
            return new PrismProcess(arguments);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Prism: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Prism", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the lines where Prism's validator reported a request or response violation */
    List<String> violations() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("Violation:")).toList();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    private static Path mounted(String document, String base) {
        ObjectMapper mapper = new ObjectMapper();
        String json = document.replaceAll("\\.yaml$", ".json");
        try (InputStream in = PrismProcess.class.getClassLoader().getResourceAsStream(json)) {
            if (in == null) {
                throw new IllegalStateException(json + " not on the classpath (spec jar)");
            }
            ObjectNode api = (ObjectNode) mapper.readTree(in);
            ObjectNode paths = mapper.createObjectNode();
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = api.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> path = it.next();
                paths.set(base + path.getKey(), path.getValue());
            }
            api.set("paths", paths);
            api.putArray("servers").addObject().put("url", "http://127.0.0.1");
            Path file = Files.createTempFile("prism-" + Path.of(json).getFileName().toString().replace(".json", ""), ".json");
            mapper.writeValue(file.toFile(), api);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + document + " for Prism: " + e.getMessage(), e);
        }
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("Prism is listening")) {
                return;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Prism not listening after " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
