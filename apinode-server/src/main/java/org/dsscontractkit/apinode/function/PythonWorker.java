package org.dsscontractkit.apinode.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code python3} process running {@code python_worker.py}: one JSON request line in, one JSON answer line out.
 * Not thread-safe: {@link FunctionEndpoint} hands each worker to one caller at a time.
 */
final class PythonWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PythonWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a call did not produce an answer line. */
    static final class WorkerFailure extends Exception {
        final boolean timedOut;

        WorkerFailure(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }
    }

    /** Marks the end of the worker's stdout (the process died). */
    private static final String EOF = new String("EOF");

    private final Process process;
    private final BufferedWriter stdin;
    /** Answer lines, read by a dedicated daemon thread so a blocked read never holds a shared pool thread. */
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    PythonWorker(String pythonCommand, Path script, Path workingDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(pythonCommand, "-u", script.toString());
        builder.directory(workingDir.toFile());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        process = builder.start();
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    answers.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            answers.add(EOF);
        }, "apinode-python-worker-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    JsonNode call(ObjectNode request, Duration timeout) throws WorkerFailure {
        try {
            stdin.write(JSON.writeValueAsString(request));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new WorkerFailure("the Python worker (pid " + pid() + ") is gone: " + e.getMessage(), false);
        }
        String answer;
        try {
            answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new WorkerFailure("interrupted", false);
        }
        if (answer == null) {
            close();
            throw new WorkerFailure("the function did not answer within " + timeout.toMillis() + " ms", true);
        }
        if (answer == EOF) {
            waitForExit();
            throw new WorkerFailure("the Python worker process (pid " + pid() + ") died"
                    + (process.isAlive() ? "" : " with exit code " + process.exitValue()), false);
        }
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            close();
            throw new WorkerFailure("the Python worker wrote an unreadable answer", false);
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            LOG.debug("Stopping Python worker {}", pid());
            process.destroyForcibly();
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone anyway
        }
    }
}
