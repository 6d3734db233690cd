package org.dsscontractkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child process of the benchmark (a server under test), its output in a log file, stopped by its own pid. */
final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ManagedProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static ManagedProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new ManagedProcess(name, p, log, t0);
    }

    String name() { return name; }

    long pid() { return process.pid(); }

    boolean isAlive() { return process.isAlive(); }

    /** CPU time the process has used so far (user + system), in ns; -1 if the system does not tell. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** When {@link ProcessBuilder#start()} was called, on the {@link System#nanoTime()} clock. */
    long startedNanos() { return startedNanos; }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    IllegalStateException failure(String what) {
        return new IllegalStateException(name + " " + what + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                + "; log " + log + ":\n" + logTail());
    }

    /** SIGTERM, then SIGKILL if still running after 20 s; children (if any) first. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
