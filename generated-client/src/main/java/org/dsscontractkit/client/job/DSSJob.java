package org.dsscontractkit.client.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.future.Backoff;
import org.dsscontractkit.client.future.WaitTimeoutException;

/** Handle on a job of a project. Creating it sends no request. */
public final class DSSJob {

    private static final Set<String> TERMINAL_STATES = Set.of("DONE", "ABORTED", "FAILED");

    private final DssApi api;
    private final String projectKey;
    private final String id;

    /**
     * @param api        the client's generated operations
     * @param projectKey key of the project running the job
     * @param id         job id
     */
    public DSSJob(DssApi api, String projectKey, String id) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.id = DssApi.requireId("jobId", id);
    }

    /** @return the job id */
    public String getId() {
        return id;
    }

    /** @return the key of the job's project */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the job status (definition, {@code baseStatus.state}, activities): {@code getJobStatus} */
    public JsonNode getStatus() {
        return api.json(() -> api.jobs().getJobStatusRequestBuilder(projectKey, id));
    }

    /** @return the current state ({@code baseStatus.state}), empty when not reported yet */
    public String getState() {
        return getStatus().path("baseStatus").path("state").asText("");
    }

    /** @return the whole job log as text: {@code getJobLog} */
    public String getLog() {
        return getLog(null);
    }

    /**
     * @param activity name of one activity of the job, or null for the whole log
     * @return the log as text: {@code getJobLog}
     */
    public String getLog(String activity) {
        return api.text(() -> api.jobs().getJobLogRequestBuilder(projectKey, id, activity));
    }

    /** Asks DSS to abort the job: {@code abortJob}. @return the answer of DSS */
    public JsonNode abort() {
        return api.json(() -> api.jobs().abortJobRequestBuilder(projectKey, id));
    }

    /**
     * Waits until the job is {@code DONE}, at most the client's wait limit ({@code ClientOptions.waitTimeout},
     * one hour by default); see {@link #waitForCompletion(Duration, boolean)}.
     *
     * @return the final state, {@code DONE}
     */
    public String waitForCompletion() {
        return waitForCompletion(api.waitTimeout(), false);
    }

    /**
     * Waits until the job is {@code DONE}, {@code ABORTED} or {@code FAILED}, polling its status like the Python
     * client's {@code DSSJobWaiter} (200 ms, &times;1.1, capped at 15 s).
     *
     * @param timeout maximum wait; null waits forever
     * @return the final state, {@code DONE}
     * @throws DataikuException     when the job ends {@code ABORTED} or {@code FAILED}: status 200 (the status call
     *                              succeeded), error type {@code JobFailed}
     * @throws WaitTimeoutException when the timeout passes first (the job keeps running)
     */
    public String waitForCompletion(Duration timeout) {
        return waitForCompletion(timeout, false);
    }

    /**
     * Same as {@link #waitForCompletion(Duration)}; with {@code noFail} the final state is returned whatever it is.
     *
     * @param timeout maximum wait; null waits forever
     * @param noFail  true to return {@code ABORTED}/{@code FAILED} instead of throwing
     * @return the final state
     */
    public String waitForCompletion(Duration timeout, boolean noFail) {
        String state = Backoff.pollUntil("Job " + projectKey + "." + id, timeout, () -> {
            String s = getState();
            return TERMINAL_STATES.contains(s) ? s : null;
        });
        if (!"DONE".equals(state) && !noFail) {
            throw new DataikuException(200, "JobFailed", null,
                    "Job " + projectKey + "." + id + " ended in state " + state);
        }
        return state;
    }

    @Override
    public String toString() {
        return "DSSJob[" + projectKey + "." + id + "]";
    }
}
