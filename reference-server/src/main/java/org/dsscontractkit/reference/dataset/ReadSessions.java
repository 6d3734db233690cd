package org.dsscontractkit.reference.dataset;

import org.dsscontractkit.server.error.ApiException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outcome of dataset reads keyed by the client's {@code readSessionId}: the data stream cannot report
 * an error once rows are sent, so the client asks {@code finish-streaming} afterwards.
 */
public final class ReadSessions {
    private static final long KEEP_MS = 60 * 60 * 1000L;

    public enum State { RUNNING, DONE, FAILED }

    public record Session(String datasetKey, State state, String error, long rows, long updatedAt) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public void start(String id, String datasetKey) {
        purge();
        sessions.put(id, new Session(datasetKey, State.RUNNING, null, 0, System.currentTimeMillis()));
    }

    public void done(String id, long rows) {
        sessions.computeIfPresent(id, (k, s) -> new Session(s.datasetKey(), State.DONE, null, rows, System.currentTimeMillis()));
    }

    public void failed(String id, String error, long rows) {
        sessions.computeIfPresent(id, (k, s) -> new Session(s.datasetKey(), State.FAILED, error, rows, System.currentTimeMillis()));
    }

    /** Waits briefly for a read still being written, then returns its outcome. */
    public Session finish(String id, String datasetKey) {
        if (id == null || id.isEmpty()) throw ApiException.invalidField("readSessionId", "is required");
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            Session s = sessions.get(id);
            if (s == null || !s.datasetKey().equals(datasetKey)) throw ApiException.notFound("Read session '" + id + "' on this dataset");
            if (s.state() != State.RUNNING || System.currentTimeMillis() > deadline) {
                if (s.state() != State.RUNNING) sessions.remove(id);
                return s;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }

    private void purge() {
        long limit = System.currentTimeMillis() - KEEP_MS;
        sessions.values().removeIf(s -> s.updatedAt() < limit);
    }
}
