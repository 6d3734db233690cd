package org.dsscontractkit.reference.it;

import static org.dsscontractkit.reference.it.MatrixWorld.DATASET;
import static org.dsscontractkit.reference.it.MatrixWorld.PROJECT;
import static org.dsscontractkit.reference.it.MatrixWorld.map;
import static org.dsscontractkit.reference.it.MatrixWorld.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A test scenario (so that it has reports) with one step building the prepared dataset, and a finished run of it:
 * its trigger fire, its run id, its step id; and a custom_python scenario for the script calls. Runs are waited for, so that no call meets a scenario still running.
 */
final class ScenarioFixtures implements MatrixFixtures {
    private static final String SCENARIO = "MX_SCENARIO";
    private static final String STEP = "build_mxds";
    private static final String CREATED = "REBUILD_DAILY";
    /** Only custom_python scenarios have a script: the payload calls act on this one. */
    private static final String PYTHON_SCENARIO = "MX_PYTHON";

    private final MatrixWorld world;
    private String triggerRunId;
    private String runId;

    ScenarioFixtures(MatrixWorld world) {
        this.world = world;
    }

    private static String scenarios() {
        return MatrixWorld.project() + "/scenarios/";
    }

    @Override
    public void prepare(MatrixCall call) {
        if (!call.template().contains("/scenarios/")) return;
        if (world.admin.get(scenarios() + SCENARIO).status() == 404) {
            ok(world.admin.post(scenarios(), map("name", "mx_scenario", "type", "step_based", "markedAsTest", true,
                    "params", map("steps", List.of(map("id", STEP, "type", "build_flowitem", "name", "Build mxds",
                            "params", map("jobType", "NON_RECURSIVE_FORCED_BUILD", "builds", List.of(
                                    map("type", "DATASET", "itemId", DATASET, "projectKey", PROJECT)))))))));
            runId = null;
        }
        if (call.id().endsWith("ScenarioPayload")
                && world.admin.get(scenarios() + PYTHON_SCENARIO).status() == 404) {
            ok(world.admin.post(scenarios(), map("name", "mx_python", "type", "custom_python", "params", map())));
        }
        waitUntilIdle();
        if (runId == null || world.admin.get(scenarios() + SCENARIO + "/" + runId + "/").status() != 200) run();
        if (call.id().equals("createScenario")) world.deleteIfPresent(scenarios() + CREATED);
    }

    /** Runs the scenario and waits for the end of the run: its trigger fire and run are what the calls name. */
    private void run() {
        triggerRunId = ok(world.admin.post(scenarios() + SCENARIO + "/run", map())).path("runId").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode run = ok(world.admin.get(scenarios() + SCENARIO + "/get-run-for-trigger?triggerId=manual"
                    + "&triggerRunId=" + triggerRunId));
            JsonNode scenarioRun = run.path("scenarioRun");
            if (scenarioRun.has("result")) {
                runId = scenarioRun.path("runId").asText();
                return;
            }
            sleep();
        }
        throw new AssertionError("the matrix's scenario run did not end in 60 s");
    }

    private void waitUntilIdle() {
        for (int i = 0; i < 600; i++) {
            if (!ok(world.admin.get(scenarios() + SCENARIO + "/light")).path("running").asBoolean(false)) return;
            sleep();
        }
        throw new AssertionError("the matrix's scenario still runs after 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String pathValue(String operationId, String param) {
        return switch (param) {
            case "scenarioId" -> operationId.endsWith("ScenarioPayload") ? PYTHON_SCENARIO : SCENARIO;
            case "runId" -> runId;
            case "triggerId" -> "manual";
            default -> null;
        };
    }

    @Override
    public String queryValue(String operationId, String name) {
        return switch (name) {
            case "triggerRunId" -> triggerRunId;
            case "triggerId" -> "manual";
            case "stepId" -> STEP;
            default -> null;
        };
    }

    @Override
    public Object body(MatrixCall call) {
        return call.id().equals("runScenario") ? Map.of() : NO_OPINION;
    }
}
