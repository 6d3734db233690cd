package org.dsscontractkit.client.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.future.Backoff;
import org.dsscontractkit.client.future.WaitTimeoutException;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;

/** Handle on a job of a project ({@code /projects/{projectKey}/jobs/{jobId}}). Creating it sends no request. */
public final class DSSJob {

    private static final Set<String> TERMINAL_STATES = Set.of("DONE", "ABORTED", "FAILED");

    private final HttpTransport transport;
    private final String projectKey;
    private final String id;

    /**
     * @param transport  shared transport
     * @param projectKey key of the project running the job
     * @param id         job id
     */
    public DSSJob(HttpTransport transport, String projectKey, String id) {
        this.transport = transport;
        this.projectKey = projectKey;
        this.id = id;
    }

    /** @return the job id */
    public String getId() {
        return id;
    }

    /** @return the key of the job's project */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the job status (definition, {@code baseStatus.state}, activities): {@code GET .../jobs/{jobId}/} (trailing slash) */
    public JsonNode getStatus() {
        return transport.getJson(base() + "/", null);
    }

    /** @return the current state ({@code baseStatus.state}), empty when not reported yet */
    public String getState() {
        return getStatus().path("baseStatus").path("state").asText("");
    }

    /** @return the whole job log as text: {@code GET .../log} */
    public String getLog() {
        return getLog(null);
    }

    /**
     * @param activity name of one activity of the job, or null for the whole log
     * @return the log as text: {@code GET .../log?activity=...}
     */
    public String getLog(String activity) {
        return transport.text("GET", base() + "/log", QueryParams.of("activity", activity), null);
    }

    /** Asks DSS to abort the job: {@code POST .../abort}. @return the answer of DSS */
    public JsonNode abort() {
        return transport.json("POST", base() + "/abort", null, null);
    }

    /**
     * Waits until the job is {@code DONE}, {@code ABORTED} or {@code FAILED}, polling its status like the Python
     * client's {@code DSSJobWaiter} (200 ms, &times;1.1, capped at 15 s).
     *
     * @param timeout maximum wait; null waits forever
     * @return the final state, {@code DONE}
     * @throws DataikuException     when the job ends {@code ABORTED} or {@code FAILED}
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

    private String base() {
        return "/projects/" + PathSegments.encode(projectKey) + "/jobs/" + PathSegments.encode(id);
    }
}
