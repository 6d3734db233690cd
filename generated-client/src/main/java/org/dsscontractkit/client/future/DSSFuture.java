package org.dsscontractkit.client.future;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;

/**
 * Handle on a long-running task of DSS ({@code getFutureState}), such as a project deletion started with
 * {@code wait=false}. Creating it sends no request.
 */
public final class DSSFuture {

    private final DssApi api;
    private final String jobId;
    private final JsonNode immediateResult;

    /**
     * @param api   the client's generated operations
     * @param jobId the future's job id
     */
    public DSSFuture(DssApi api, String jobId) {
        this(api, jobId, null);
    }

    private DSSFuture(DssApi api, String jobId, JsonNode immediateResult) {
        this.api = Objects.requireNonNull(api, "api");
        this.jobId = jobId;
        this.immediateResult = immediateResult;
    }

    /**
     * Wraps the answer of a call that may start a future (e.g. project deletion): a {@code jobId} in it means a
     * running task, otherwise the answer itself is the result.
     */
    public static DSSFuture fromResponse(DssApi api, JsonNode response) {
        JsonNode id = response == null ? null : response.get("jobId");
        if (id != null && id.isTextual() && !id.asText().isEmpty()) {
            return new DSSFuture(api, id.asText(), null);
        }
        return new DSSFuture(api, null, response);
    }

    /** @return the job id of the future, or null when the task completed synchronously */
    public String getId() {
        return jobId;
    }

    /** Aborts the task: {@code abortFuture}. */
    public void abort() {
        if (jobId != null) {
            api.send(() -> api.futures().abortFutureRequestBuilder(jobId));
        }
    }

    /** @return the task state ({@code hasResult}, {@code result}, {@code alive}, progress...): {@code getFutureState} with {@code peek=false} */
    public JsonNode getState() {
        return state(false);
    }

    /** @return the task state without consuming it: {@code getFutureState} with {@code peek=true} */
    public JsonNode peekState() {
        return state(true);
    }

    private JsonNode state(boolean peek) {
        if (jobId == null) {
            return api.newObject().put("hasResult", true).set("result", immediateResult);
        }
        return api.json(() -> api.futures().getFutureStateRequestBuilder(jobId, DssApi.flag(peek)));
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

    /**
     * Same as {@link #waitForResult(Duration)} with the client's wait limit ({@code ClientOptions.waitTimeout}, one
     * hour by default; the Python client waits forever).
     */
    public JsonNode waitForResult() {
        return waitForResult(api.waitTimeout());
    }
}
