package org.dsscontractkit.client.future;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;

/** Handle on a long-running task of DSS ({@code /futures/{jobId}}). Creating it sends no request. */
public final class DSSFuture {

    private final HttpTransport transport;
    private final String jobId;

    private final JsonNode immediateResult;

    /**
     * @param transport shared transport
     * @param jobId     the future's job id
     */
    public DSSFuture(HttpTransport transport, String jobId) {
        this(transport, jobId, null);
    }

    private DSSFuture(HttpTransport transport, String jobId, JsonNode immediateResult) {
        this.transport = transport;
        this.jobId = jobId;
        this.immediateResult = immediateResult;
    }

    /**
     * Wraps the answer of a call that may start a future (e.g. project deletion): a {@code jobId} in it means a
     * running task, otherwise the answer itself is the result.
     */
    public static DSSFuture fromResponse(HttpTransport transport, JsonNode response) {
        JsonNode id = response == null ? null : response.get("jobId");
        if (id != null && id.isTextual() && !id.asText().isEmpty()) {
            return new DSSFuture(transport, id.asText(), null);
        }
        return new DSSFuture(transport, null, response);
    }

    /** @return the job id of the future, or null when the task completed synchronously */
    public String getId() {
        return jobId;
    }

    /** Aborts the task: {@code DELETE /futures/{jobId}}. */
    public void abort() {
        if (jobId != null) {
            transport.call("DELETE", path(), null, null);
        }
    }

    /** @return the task state ({@code hasResult}, {@code result}, {@code alive}, progress...): {@code GET /futures/{jobId}?peek=false} */
    public JsonNode getState() {
        return state(false);
    }

    /** @return the task state without consuming it: {@code GET /futures/{jobId}?peek=true} */
    public JsonNode peekState() {
        return state(true);
    }

    private JsonNode state(boolean peek) {
        if (jobId == null) {
            return transport.newObject().put("hasResult", true).set("result", immediateResult);
        }
        return transport.getJson(path(), QueryParams.of("peek", peek));
    }

    /**
     * Polls {@link #getState()} (200 ms, &times;1.1, capped at 15 s) until the state has a result, and returns it.
     *
     * @param timeout maximum wait; null waits forever
     * @return the {@code result} of the state (may be a JSON null)
     * @throws WaitTimeoutException when the timeout passes first (the task is not aborted)
     */
    public JsonNode waitForResult(Duration timeout) {
        if (jobId == null) {
            return immediateResult;
        }
        JsonNode state = Backoff.pollUntil("Future " + jobId, timeout, () -> {
            JsonNode s = getState();
            return s.path("hasResult").asBoolean(false) ? s : null;
        });
        return state.path("result");
    }

    /** Same as {@link #waitForResult(Duration)} without a timeout, like the Python client. */
    public JsonNode waitForResult() {
        return waitForResult(null);
    }

    private String path() {
        return "/futures/" + PathSegments.encode(jobId);
    }
}
