package org.dsscontractkit.client.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.future.Backoff;

/**
 * The fire of a scenario's trigger, as {@link DSSScenario#run()} answers it: it starts a run, or is cancelled
 * (the scenario was already running). Its {@link #getRunId() run id} identifies the fire, not a scenario run.
 */
public final class DSSTriggerFire {

    private final DssApi api;
    private final DSSScenario scenario;
    private final String triggerId;
    private final String runId;
    private JsonNode raw;

    DSSTriggerFire(DssApi api, DSSScenario scenario, JsonNode raw) {
        this.api = api;
        this.scenario = scenario;
        this.raw = raw;
        this.triggerId = raw.path("trigger").path("id").asText(null);
        this.runId = raw.path("runId").asText(null);
        if (triggerId == null || runId == null) {
            throw new DataikuException(200, "InvalidResponse", null, "A trigger fire without trigger.id or runId: " + raw);
        }
    }

    /** @return the fire as DSS sent it (last read) */
    public JsonNode getRaw() {
        return raw;
    }

    /** @return the trigger's id ({@code manual} for {@link DSSScenario#run()}) */
    public String getTriggerId() {
        return triggerId;
    }

    /** @return the id of this fire */
    public String getRunId() {
        return runId;
    }

    /**
     * @param refresh true to read the fire again first: {@code getTriggerFire}
     * @return whether the fire was cancelled (no run will follow)
     */
    public boolean isCancelled(boolean refresh) {
        if (refresh) {
            raw = scenario.fetchTriggerFire(triggerId, runId);
        }
        return raw.path("cancelled").asBoolean(false);
    }

    /** @return the run this fire started, or null while there is none: {@code getScenarioRunForTrigger} */
    public DSSScenarioRun getScenarioRun() {
        JsonNode answer = api.json(() -> api.scenarios().getScenarioRunForTriggerRequestBuilder(
                scenario.getProjectKey(), scenario.getId(), triggerId, runId));
        JsonNode run = answer.get("scenarioRun");
        return run == null || run.isNull() ? null : new DSSScenarioRun(api, run);
    }

    /**
     * Waits for the run this fire starts, like the Python client's {@code wait_for_scenario_run} (the fire is read
     * again every tenth poll to see whether it was cancelled).
     *
     * @param noFail  true to return null for a cancelled fire instead of throwing
     * @param timeout maximum wait; null waits forever
     * @return the run (in progress or already ended), or null when cancelled and {@code noFail}
     * @throws DataikuException when the fire is cancelled (error type {@code ScenarioRunCancelled}) and not {@code noFail}
     */
    public DSSScenarioRun waitForScenarioRun(boolean noFail, Duration timeout) {
        int[] polls = {0};
        Object found = Backoff.pollUntil("Start of a run of " + scenario, timeout, () -> {
            if (isCancelled(polls[0]++ % 10 == 9)) {
                return Boolean.FALSE;
            }
            return getScenarioRun();
        });
        if (found instanceof DSSScenarioRun run) {
            return run;
        }
        if (noFail) {
            return null;
        }
        throw new DataikuException(200, "ScenarioRunCancelled", null, "The run of " + scenario + " requested by fire "
                + runId + " was cancelled: " + raw.path("cancelledReason").asText("the scenario was already running"));
    }

    @Override
    public String toString() {
        return "DSSTriggerFire[" + scenario + ", " + triggerId + "/" + runId + "]";
    }
}
