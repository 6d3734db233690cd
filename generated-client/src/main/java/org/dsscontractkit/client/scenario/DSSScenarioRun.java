package org.dsscontractkit.client.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.future.Backoff;

/**
 * A run of a scenario, like the Python client's {@code DSSScenarioRun}: what was last read of it
 * ({@link #getInfo()}), refreshed by {@link #refresh()}. It is in progress while it has no {@code result}.
 */
public final class DSSScenarioRun {

    private final DssApi api;
    private JsonNode run;

    DSSScenarioRun(DssApi api, JsonNode run) {
        this.api = api;
        this.run = run;
        if (run.path("runId").asText("").isEmpty() || run.path("scenario").path("id").asText("").isEmpty()) {
            throw new DataikuException(200, "InvalidResponse", null, "A scenario run without runId or scenario.id: " + run);
        }
    }

    /** @return the run id */
    public String getId() {
        return run.path("runId").asText();
    }

    /** @return the run as last read ({@code runId}, {@code scenario}, {@code trigger}, {@code start}, {@code end}, {@code result}) */
    public JsonNode getInfo() {
        return run;
    }

    private String projectKey() {
        return run.path("scenario").path("projectKey").asText();
    }

    private String scenarioId() {
        return run.path("scenario").path("id").asText();
    }

    /** Reads the run again: {@code getScenarioRun}. @return this */
    public DSSScenarioRun refresh() {
        run = getDetails().path("scenarioRun");
        return this;
    }

    /** @return the run and its step runs so far ({@code scenarioRun}, {@code stepRuns}): {@code getScenarioRun} */
    public JsonNode getDetails() {
        return api.json(() -> api.scenarios().getScenarioRunRequestBuilder(projectKey(), scenarioId(), getId()));
    }

    /** @return whether the run was in progress when last read (it has no {@code result}) */
    public boolean isRunning() {
        JsonNode result = run.get("result");
        return result == null || result.isNull();
    }

    /** @return {@code SUCCESS}, {@code WARNING}, {@code FAILED} or {@code ABORTED}; null while running */
    public String getOutcome() {
        return isRunning() ? null : run.path("result").path("outcome").asText(null);
    }

    /** @return when the run started */
    public Instant getStartTime() {
        return Instant.ofEpochMilli(run.path("start").asLong());
    }

    /** @return when the run ended; null while running */
    public Instant getEndTime() {
        long end = run.path("end").asLong(0);
        return end > 0 ? Instant.ofEpochMilli(end) : null;
    }

    /** @return how long the run took, or has been running */
    public Duration getDuration() {
        Instant end = getEndTime();
        return Duration.between(getStartTime(), end == null ? Instant.now() : end);
    }

    /** @return the whole log of the run: {@code getScenarioRunLog} */
    public String getLog() {
        return getLog(null);
    }

    /** @param stepId id of a step, or null for the whole log. @return the log: {@code getScenarioRunLog} */
    public String getLog(String stepId) {
        return api.text(() -> api.scenarios().getScenarioRunLogRequestBuilder(projectKey(), scenarioId(), getId(), stepId));
    }

    /** @return the JUnit XML report of this run of a test scenario (400 for another scenario): {@code getScenarioRunReport} */
    public String getReport() {
        return api.text(() -> api.scenarios().getScenarioRunReportRequestBuilder(projectKey(), scenarioId(), getId()));
    }

    /** @return the JUnit XML report of one step of this run of a test scenario: {@code getScenarioStepRunReport} */
    public String getStepRunReport(String stepId) {
        DssApi.requireId("stepId", stepId);
        return api.text(() -> api.scenarios().getScenarioStepRunReportRequestBuilder(projectKey(), scenarioId(), getId(), stepId));
    }

    /**
     * Waits for the run to end, refreshing it like the Python client's {@code wait_for_completion}.
     *
     * @param noFail  true to return whatever the outcome
     * @param timeout maximum wait; null waits forever
     * @return the outcome
     * @throws DataikuException when it ends other than {@code SUCCESS} and not {@code noFail}: status 200, error type
     *                          {@code ScenarioRunFailed}, the first step error in the message
     */
    public String waitForCompletion(boolean noFail, Duration timeout) {
        String outcome = Backoff.pollUntil("Run " + getId() + " of scenario " + projectKey() + "." + scenarioId(), timeout,
                () -> isRunning() ? refresh().getOutcome() : getOutcome());
        if (!"SUCCESS".equals(outcome) && !noFail) {
            throw new DataikuException(200, "ScenarioRunFailed", null, "Scenario run " + projectKey() + "." + scenarioId()
                    + "/" + getId() + " returned status " + outcome + firstError());
        }
        return outcome;
    }

    private String firstError() {
        for (JsonNode step : getDetails().path("stepRuns")) {
            JsonNode thrown = step.path("result").path("thrown");
            if (thrown.has("message")) {
                return " (step " + step.path("step").path("id").asText() + ": " + thrown.path("message").asText() + ")";
            }
        }
        JsonNode thrown = run.path("result").path("thrown");
        return thrown.has("message") ? " (" + thrown.path("message").asText() + ")" : "";
    }

    @Override
    public String toString() {
        return "DSSScenarioRun[" + projectKey() + "." + scenarioId() + "/" + getId() + (isRunning() ? ", running" : ", " + getOutcome()) + "]";
    }
}
