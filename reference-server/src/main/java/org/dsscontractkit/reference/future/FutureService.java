package org.dsscontractkit.reference.future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.auth.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Long-running tasks ("futures") the server really runs in the background: project deletion,
 * exports, ... Each is visible in {@code /futures/} while alive and keeps its result afterwards.
 */
public final class FutureService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FutureService.class);
    private static final long KEEP_MS = 30 * 60 * 1000L;

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dss-future");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    private static final class Task {
        final String jobId;
        final String owner;
        final ObjectNode payload;
        final long startTime = System.currentTimeMillis();
        volatile Future<?> future;
        /** Claimed by whichever comes first: the worker starting the work, or an abort before it started. */
        final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile boolean alive = true;
        volatile boolean aborted;
        volatile JsonNode result;
        volatile String error;
        volatile long endTime;

        Task(String jobId, String owner, ObjectNode payload) {
            this.jobId = jobId;
            this.owner = owner;
            this.payload = payload;
        }
    }

    public String submit(Caller caller, String type, String label, Supplier<JsonNode> work) {
        purge();
        String id = type + "_" + Secrets.randomToken(8);
        ObjectNode payload = Json.object();
        payload.put("type", type);
        payload.put("label", label);
        Task t = new Task(id, caller.identifier(), payload);
        tasks.put(id, t);
        t.future = pool.submit(() -> {
            if (!t.claimed.compareAndSet(false, true)) return; // aborted while queued: abort() ended it
            try {
                t.result = work.get();
            } catch (ApiException e) {
                t.error = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("Future {} failed", id, e);
                t.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                t.alive = false;
                t.endTime = System.currentTimeMillis();
            }
        });
        return id;
    }

    /** Waits for a task to end (bounded), then returns its state. */
    public ObjectNode await(String id, long timeoutMs) {
        Task t = tasks.get(id);
        if (t != null) {
            try {
                t.future.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // state() reports what happened
            }
        }
        return state(id);
    }

    private Task find(String id, Caller caller) {
        Task t = tasks.get(id);
        if (t == null || !caller.admin() && !t.owner.equals(caller.identifier())) throw ApiException.notFound("Future '" + id + "'");
        return t;
    }

    public ObjectNode state(Caller caller, String id) {
        find(id, caller);
        return state(id);
    }

    private ObjectNode state(String id) {
        Task t = tasks.get(id);
        if (t == null) throw ApiException.notFound("Future '" + id + "'");
        ObjectNode s = Json.object();
        s.put("jobId", t.jobId);
        s.put("alive", t.alive);
        s.put("aborted", t.aborted);
        s.put("hasResult", !t.alive && t.error == null && !t.aborted);
        if (t.result != null) s.set("result", t.result);
        s.put("startTime", t.startTime);
        if (!t.alive) s.put("endTime", t.endTime);
        s.put("runningTime", (t.alive ? System.currentTimeMillis() : t.endTime) - t.startTime);
        s.put("owner", t.owner);
        s.set("payload", t.payload);
        ObjectNode progress = s.putObject("progress");
        progress.putArray("states");
        if (t.error != null) {
            ObjectNode err = s.putObject("error");
            err.put("errorType", ErrorTypes.EXECUTION_FAILED);
            err.put("message", t.error);
            err.put("detailedMessage", t.error);
        }
        return s;
    }

    public ArrayNode list(Caller caller, boolean allUsers, boolean withScenarios, boolean withNotScenarios) {
        if (allUsers && !caller.admin()) throw ApiException.forbidden("Only an administrator may list the futures of all users");
        ArrayNode out = Json.array();
        for (Task t : tasks.values()) {
            if (!t.alive) continue;
            if (!allUsers && !t.owner.equals(caller.identifier())) continue;
            boolean scenario = "scenario".equals(t.payload.path("type").asText());
            if (scenario ? !withScenarios : !withNotScenarios) continue;
            out.add(state(t.jobId));
        }
        return out;
    }

    public void abort(Caller caller, String id) {
        Task t = find(id, caller);
        if (t.alive) {
            t.aborted = true;
            if (t.claimed.compareAndSet(false, true)) {
                // Never started, and now never will: nothing else would end it (cancelling a queued task skips
                // its finally block, which would leave it alive forever).
                t.endTime = System.currentTimeMillis();
                t.alive = false;
                t.future.cancel(false);
            } else {
                t.future.cancel(true);
            }
        }
    }

    private void purge() {
        long limit = System.currentTimeMillis() - KEEP_MS;
        tasks.values().removeIf(t -> !t.alive && t.endTime < limit);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
