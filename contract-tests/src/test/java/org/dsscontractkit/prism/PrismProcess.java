package org.dsscontractkit.prism;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;

/**
 * Stoplight Prism ({@code node_modules/.bin/prism}, pinned in the root package.json) as a child process on a free
 * 127.0.0.1 port: {@code prism mock} or {@code prism proxy} over one of the spec jar's mock-ready documents
 * ({@code openapi/mock/...}: every path mounted under the bases clients send, as a user runs Prism).
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

    /** {@code prism mock} over a mock-ready document of the spec jar ({@code OpenApiResources.*_MOCK_YAML}). */
    static PrismProcess mock(String mockDocument) {
        return start(List.of("mock", file(mockDocument).toString()));
    }

    /** {@code prism proxy} over a mock-ready document of the spec jar, forwarding to {@code upstream}. */
    static PrismProcess proxy(String mockDocument, String upstream) {
        return start(List.of("proxy", file(mockDocument).toString(), upstream));
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

    /** @return how many requests Prism received */
    long requests() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains("Request received")).count();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Prism reads a file (or URL), not a classpath resource: the document is copied out of the spec jar once. */
    private static Path file(String resource) {
        String name = Path.of(resource).getFileName().toString();
        try (InputStream in = PrismProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the classpath (spec jar)");
            }
            Path file = Files.createTempFile("prism-mock-", "-" + name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot copy " + resource + " for Prism: " + e.getMessage(), e);
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
