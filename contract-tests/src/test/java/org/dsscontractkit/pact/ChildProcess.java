package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Node tools the suites run (tsc, node --test), as child processes that must succeed. */
public final class ChildProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ChildProcess() {
    }

    /** Runs a child process to its end; fails with everything it printed when it exits non-zero or hangs. */
    public static String run(List<String> command, Path dir, Map<String, String> env, String what) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PACT_DO_NOT_TRACK", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + what + " (" + String.join(" ", command) + ")", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process was killed after a timeout: what was read so far is reported
            }
        }, what + " output");
        reader.start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(5_000);
                fail(what + " did not finish within " + TIMEOUT + ":\n" + out.toString(StandardCharsets.UTF_8));
            }
            reader.join();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " interrupted", e);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(what + " exited with " + process.exitValue() + " (" + String.join(" ", command) + "):\n" + output);
        }
        return output;
    }
}
