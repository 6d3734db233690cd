package org.dsscontractkit.client.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.model.ScenarioPayload;

/**
 * Handle on a scenario of a project, the Java twin of the Python client's {@code DSSScenario}. Creating it sends no
 * request.
 *
 * <pre>{@code
 * DSSScenarioRun run = project.getScenario("REBUILD_DAILY").runAndWait();   // throws unless SUCCESS
 * System.out.println(run.getOutcome() + " in " + run.getDuration());
 * }</pre>
 */
public final class DSSScenario {

    private final DssApi api;
    private final String projectKey;
    private final String id;

    /**
     * @param api        the client's generated operations
     * @param projectKey key of the scenario's project
     * @param id         scenario id (not its name)
     */
    public DSSScenario(DssApi api, String projectKey, String id) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.id = DssApi.requireId("scenarioId", id);
    }

    /** @return the scenario id */
    public String getId() {
        return id;
    }

    /** @return the key of the scenario's project */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the settings, to change and {@link DSSScenarioSettings#save() save}: {@code getScenarioSettings} */
    public DSSScenarioSettings getSettings() {
        ObjectNode raw = api.object(() -> api.scenarios().getScenarioSettingsRequestBuilder(projectKey, id), "scenario settings");
        return new DSSScenarioSettings(raw, settings -> api.send(() -> api.scenarios().saveScenarioSettingsRequestBuilder(projectKey, id, settings)));
    }

    /** @return whether it is active and running, since when ({@code running}, {@code start}): {@code getScenarioStatus} */
    public JsonNode getStatus() {
        return api.json(() -> api.scenarios().getScenarioStatusRequestBuilder(projectKey, id));
    }

    /** @return whether a run is in progress: {@code getScenarioStatus} */
    public boolean isRunning() {
        return getStatus().path("running").asBoolean(false);
    }

    /** @return the Python script of a {@code custom_python} scenario (empty for a step-based one): {@code getScenarioPayload} */
    public String getScript() {
        return api.json(() -> api.scenarios().getScenarioPayloadRequestBuilder(projectKey, id)).path("script").asText("");
    }

    /** Replaces the script of a {@code custom_python} scenario: {@code setScenarioPayload} */
    public void setScript(String script) {
        ScenarioPayload body = new ScenarioPayload().script(Objects.requireNonNull(script, "script"));
        api.send(() -> api.scenarios().setScenarioPayloadRequestBuilder(projectKey, id, body));
    }

    /** Deletes the scenario, its runs and their logs (a run in progress is aborted): {@code deleteScenario} */
    public void delete() {
        api.send(() -> api.scenarios().deleteScenarioRequestBuilder(projectKey, id));
    }

    /**
     * Requests a run: {@code runScenario}. The answer is a trigger fire, not a run; see {@link DSSTriggerFire}.
     *
     * @return the trigger fire
     */
    public DSSTriggerFire run() {
        return run(Map.of());
    }

    /**
     * @param params trigger parameters, available to the run as variables ({@code ${name}} in SQL steps); null for none
     * @return the trigger fire: {@code runScenario}
     */
    public DSSTriggerFire run(Map<String, ?> params) {
        ObjectNode body = params == null ? api.newObject() : DssApi.requireObject("trigger parameters", api.toTree(params));
        JsonNode fire = api.json(() -> api.scenarios().runScenarioRequestBuilder(projectKey, id, body));
        return new DSSTriggerFire(api, this, fire);
    }

    /**
     * Runs the scenario and waits for the end of the run, at most the client's wait limit; throws unless the run
     * ends {@code SUCCESS}. Like the Python client's {@code run_and_wait()}.
     *
     * @return the finished run
     */
    public DSSScenarioRun runAndWait() {
        return runAndWait(Map.of(), false, api.waitTimeout());
    }

    /**
     * Requests a run ({@link #run(Map)}), waits for the trigger fire to start it, then for the run to end, polling
     * like the Python client (200 ms, &times;1.1, capped at 15 s).
     *
     * @param params  trigger parameters, or null
     * @param noFail  true to return a run that ended {@code WARNING}, {@code FAILED} or {@code ABORTED} instead of throwing
     * @param timeout maximum wait for both; null waits forever
     * @return the finished run
     * @throws DataikuException when the fire is cancelled (the scenario was already running), or the run does not
     *                          end {@code SUCCESS} and {@code noFail} is false (status 200, error type
     *                          {@code ScenarioRunFailed})
     * @throws org.dsscontractkit.client.future.WaitTimeoutException when the timeout passes first (the run goes on)
     */
    public DSSScenarioRun runAndWait(Map<String, ?> params, boolean noFail, Duration timeout) {
        long t0 = System.nanoTime();
        DSSTriggerFire fire = run(params);
        DSSScenarioRun run = fire.waitForScenarioRun(false, timeout);
        Duration left = timeout == null ? null : timeout.minusNanos(System.nanoTime() - t0);
        run.waitForCompletion(noFail, left == null || !left.isNegative() ? left : Duration.ZERO);
        return run;
    }

    /** Aborts the run in progress, if any: {@code abortScenario}. @return whether an abort was requested */
    public boolean abort() {
        return api.json(() -> api.scenarios().abortScenarioRequestBuilder(projectKey, id)).path("success").asBoolean(false);
    }

    /** @return the last 10 runs, newest first, including one in progress: {@code getScenarioLastRuns} */
    public List<DSSScenarioRun> getLastRuns() {
        return getLastRuns(10, false);
    }

    /**
     * @param limit             maximum number of runs
     * @param onlyFinishedRuns  true to leave out a run in progress
     * @return the last runs, newest first: {@code getScenarioLastRuns}
     */
    public List<DSSScenarioRun> getLastRuns(int limit, boolean onlyFinishedRuns) {
        return runs(api.json(() -> api.scenarios().getScenarioLastRunsRequestBuilder(projectKey, id, limit, DssApi.flag(onlyFinishedRuns))));
    }

    /**
     * @param from first day, inclusive
     * @param to   last day, exclusive
     * @return the runs started in that range, newest first: {@code getScenarioRunsByDate}
     */
    public List<DSSScenarioRun> getRunsByDate(LocalDate from, LocalDate to) {
        return runs(api.json(() -> api.scenarios().getScenarioRunsByDateRequestBuilder(projectKey, id, from.toString(), to.toString())));
    }

    private List<DSSScenarioRun> runs(JsonNode list) {
        List<DSSScenarioRun> out = new ArrayList<>();
        for (JsonNode run : list) {
            out.add(new DSSScenarioRun(api, run));
        }
        return out;
    }

    /** @return the run in progress, or null when the scenario is not running ({@code get_current_run}) */
    public DSSScenarioRun getCurrentRun() {
        List<DSSScenarioRun> last = getLastRuns(1, false);
        return last.isEmpty() || !last.get(0).isRunning() ? null : last.get(0);
    }

    /** @return the last run that ended, whatever its outcome; throws when there is none */
    public DSSScenarioRun getLastFinishedRun() {
        return getLastRuns(10, true).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No run of scenario " + projectKey + "." + id + " has ended"));
    }

    /** @return the last run that ended {@code SUCCESS}; throws when there is none among the last 10 */
    public DSSScenarioRun getLastSuccessfulRun() {
        return getLastRuns(10, true).stream().filter(r -> "SUCCESS".equals(r.getOutcome())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No run of scenario " + projectKey + "." + id + " ended SUCCESS"));
    }

    /** @return a run of this scenario by id: {@code getScenarioRun} */
    public DSSScenarioRun getRun(String runId) {
        DssApi.requireId("runId", runId);
        return new DSSScenarioRun(api, api.json(() -> api.scenarios().getScenarioRunRequestBuilder(projectKey, id, runId)).path("scenarioRun"));
    }

    /** @return a fire of one of the scenario's triggers: {@code getTriggerFire} */
    public DSSTriggerFire getTriggerFire(String triggerId, String triggerRunId) {
        return new DSSTriggerFire(api, this, fetchTriggerFire(triggerId, triggerRunId));
    }

    JsonNode fetchTriggerFire(String triggerId, String triggerRunId) {
        DssApi.requireId("triggerId", triggerId);
        DssApi.requireId("triggerRunId", triggerRunId);
        return api.json(() -> api.scenarios().getTriggerFireRequestBuilder(projectKey, id, triggerId, triggerRunId));
    }

    @Override
    public String toString() {
        return "DSSScenario[" + projectKey + "." + id + "]";
    }
}
