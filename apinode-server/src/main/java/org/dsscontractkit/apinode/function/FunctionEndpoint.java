package org.dsscontractkit.apinode.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;
import org.dsscontractkit.apinode.service.ServiceFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python function endpoint: calls {@code function(**args)} from a code file in long-lived worker processes (as a
 * real API node runs code outside the JVM). A worker that times out or dies is discarded and a fresh one started on
 * the next call, so one bad call never takes the endpoint down.
 */
public final class FunctionEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionEndpoint.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String id;
    private final Path codeFile;
    private final String function;
    private final Duration timeout;
    private final FunctionRuntime runtime;
    /** Idle slots; a null entry is a slot whose worker must be (re)started. */
    private final BlockingQueue<Slot> slots;
    private final List<Slot> allSlots = new ArrayList<>();
    private volatile boolean closed;

    private static final class Slot {
        PythonWorker worker;
    }

    private FunctionEndpoint(String id, Path codeFile, String function, Duration timeout, int workers, FunctionRuntime runtime) {
        this.id = id;
        this.codeFile = codeFile;
        this.function = function;
        this.timeout = timeout;
        this.runtime = runtime;
        this.slots = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            Slot slot = new Slot();
            allSlots.add(slot);
            slots.add(slot);
        }
    }

    public static FunctionEndpoint compile(JsonNode config, Path baseDir, String path, FunctionRuntime runtime) {
        Path file = baseDir.resolve(config.get("file").asText()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ServiceFileException(path + "/file", "exists", "code file " + file + " does not exist");
        }
        Duration timeout = Duration.ofMillis((long) (config.path("timeoutSeconds").asDouble(30) * 1000));
        return new FunctionEndpoint(config.get("id").asText(), file, config.get("function").asText(), timeout,
                config.path("workers").asInt(1), runtime);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "PYTHON_FUNCTION";
    }

    /** Process ids of the running workers (admin/diagnostics and tests). */
    public List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        synchronized (allSlots) {
            for (Slot slot : allSlots) {
                PythonWorker w = slot.worker;
                if (w != null && w.isAlive()) {
                    pids.add(w.pid());
                }
            }
        }
        return pids;
    }

    @Override
    public void warmUp() {
        Slot slot = slots.poll();
        if (slot != null) {
            try {
                ensureWorker(slot);
            } catch (IOException e) {
                LOG.warn("Cannot preload Python worker for {}: {}", id, e.getMessage());
            } finally {
                slots.add(slot);
            }
        }
    }

    /** Runs the function with {@code args}; the answer is {@code {response: <return value>}}. */
    public ObjectNode run(JsonNode args, CallContext call) {
        if (args != null && !args.isNull() && !args.isObject()) {
            throw NodeErrors.badInput("InvalidFunctionArguments", "The request body must be a JSON object of argument name -> value");
        }
        ObjectNode request = F.objectNode();
        request.put("file", codeFile.toString());
        request.put("function", function);
        request.set("args", args == null || args.isNull() ? F.objectNode() : args);
        call.timing().end("preProcessing");
        Slot slot;
        try {
            slot = slots.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeErrors.of(503, "Interrupted", "Interrupted while waiting for a Python worker");
        }
        if (slot == null) {
            throw NodeErrors.of(503, "FunctionBusy", "No Python worker of endpoint '" + id + "' became free within " + timeout.toMillis() + " ms");
        }
        call.timing().end("wait");
        try {
            if (closed) {
                throw NodeErrors.of(503, "EndpointUnloaded", "Endpoint '" + id + "' was unloaded");
            }
            ensureWorker(slot);
            JsonNode answer;
            try {
                answer = slot.worker.call(request, timeout);
            } catch (PythonWorker.WorkerFailure failure) {
                discard(slot);
                if (failure.timedOut) {
                    throw NodeErrors.of(504, "FunctionTimeout", "Function '" + function + "' of endpoint '" + id + "' timed out: "
                            + failure.getMessage() + "; its worker was stopped and will be replaced");
                }
                throw NodeErrors.of(502, "FunctionWorkerCrashed", "Function '" + function + "' of endpoint '" + id
                        + "' crashed its worker process: " + failure.getMessage() + "; a new worker will serve the next call");
            }
            call.timing().end("execution");
            call.timing().set("functionInternal", answer.path("internalMicros").asLong(0));
            if (!answer.path("ok").asBoolean()) {
                throw failureOf(answer);
            }
            ObjectNode result = F.objectNode();
            result.set("response", answer.get("result"));
            return result;
        } catch (IOException e) {
            throw NodeErrors.of(503, "FunctionWorkerUnavailable", "Cannot start the Python worker (" + runtime.pythonCommand() + "): " + e.getMessage());
        } finally {
            slots.add(slot);
        }
    }

    private ApiException failureOf(JsonNode answer) {
        String kind = answer.path("kind").asText();
        String message = answer.path("message").asText();
        String errorType = answer.path("errorType").asText();
        return switch (kind) {
            case "ARGUMENTS" -> {
                java.util.regex.Matcher named = java.util.regex.Pattern.compile("'([^']+)'").matcher(message);
                ApiException error = NodeErrors.of(400, "InvalidFunctionArguments", "Arguments do not match " + function + "(): " + message);
                yield named.find() ? error.at(named.group(1), message.startsWith("missing") ? "required" : "unexpected") : error;
            }
            case "LOAD" -> NodeErrors.of(500, "FunctionLoadFailed", "Cannot load function '" + function + "' from "
                    + codeFile.getFileName() + ": " + errorType + ": " + message, answer.path("traceback").asText(null));
            default -> NodeErrors.of(500, "FunctionFailed", "Function '" + function + "' raised " + errorType + ": " + message,
                    answer.path("traceback").asText(errorType + ": " + message));
        };
    }

    private void ensureWorker(Slot slot) throws IOException {
        if (slot.worker == null || !slot.worker.isAlive()) {
            if (slot.worker != null) {
                LOG.info("Python worker {} of endpoint {} is gone; starting a new one", slot.worker.pid(), id);
                slot.worker.close();
            }
            synchronized (allSlots) {
                slot.worker = new PythonWorker(runtime.pythonCommand(), runtime.workerScript(), codeFile.getParent());
            }
        }
    }

    private void discard(Slot slot) {
        if (slot.worker != null) {
            slot.worker.close();
            synchronized (allSlots) {
                slot.worker = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (allSlots) {
            for (Slot slot : allSlots) {
                if (slot.worker != null) {
                    slot.worker.close();
                }
            }
        }
    }
}
