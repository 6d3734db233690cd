package org.dsscontractkit.reference.scenario;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.ScenariosApi;
import org.dsscontractkit.server.generated.dss.model.ScenarioPayload;

import java.util.Map;

public final class ScenariosResource extends ApiResource implements ScenariosApi {
    private final ScenarioService scenarios;
    private final ScenarioRunService runs;
    private final TestReports reports;

    public ScenariosResource(ScenarioService scenarios, ScenarioRunService runs, TestReports reports) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.reports = reports;
    }

    private static final MediaType XML = MediaType.APPLICATION_XML_TYPE.withCharset("utf-8");

    @Override public Response getScenarioTestingStatus(String projectKey, String bundleId) {
        return ok(reports.testingStatus(caller(), projectKey, bundleId));
    }

    @Override public Response getLastTestScenarioRunsReport(String projectKey, String bundleId) {
        return Response.ok(reports.lastRunsJUnit(caller(), projectKey, bundleId), XML).build();
    }

    @Override public Response getLastTestScenarioRunsHtmlReport(String projectKey, String bundleId) {
        return Response.ok(reports.lastRunsHtml(caller(), projectKey, bundleId), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }

    @Override public Response getScenarioRunReport(String projectKey, String scenarioId, String runId) {
        return Response.ok(reports.runJUnit(caller(), projectKey, scenarioId, runId, runs.details(caller(), projectKey, scenarioId, runId), null),
                XML).build();
    }

    @Override public Response getScenarioStepRunReport(String projectKey, String scenarioId, String runId, String stepId) {
        return Response.ok(reports.runJUnit(caller(), projectKey, scenarioId, runId, runs.details(caller(), projectKey, scenarioId, runId), stepId),
                XML).build();
    }

    @Override public Response createScenario(String projectKey, com.fasterxml.jackson.databind.node.ObjectNode scenarioCreation) {
        return ok(scenarios.create(caller(), projectKey, tree(scenarioCreation)));
    }

    @Override public Response getScenarioSettings(String projectKey, String scenarioId) {
        return ok(scenarios.require(caller(), projectKey, scenarioId, org.dsscontractkit.reference.project.ProjectAccess.READ));
    }

    @Override public Response saveScenarioSettings(String projectKey, String scenarioId, com.fasterxml.jackson.databind.node.ObjectNode scenarioSettings) {
        return ok(scenarios.save(caller(), projectKey, scenarioId, tree(scenarioSettings)));
    }

    @Override public Response deleteScenario(String projectKey, String scenarioId) {
        return ok(runs.delete(caller(), projectKey, scenarioId));
    }

    @Override public Response getScenarioStatus(String projectKey, String scenarioId) {
        return ok(runs.status(caller(), projectKey, scenarioId));
    }

    @Override public Response getScenarioPayload(String projectKey, String scenarioId) {
        return ok(scenarios.payload(caller(), projectKey, scenarioId));
    }

    @Override public Response setScenarioPayload(String projectKey, String scenarioId, ScenarioPayload scenarioPayload) {
        return ok(scenarios.setPayload(caller(), projectKey, scenarioId, tree(scenarioPayload)));
    }

    @Override public Response runScenario(String projectKey, String scenarioId, Map<String, Object> requestBody) {
        return ok(runs.fire(caller(), projectKey, scenarioId, requestBody == null ? null : tree(requestBody)));
    }

    @Override public Response getTriggerFire(String projectKey, String scenarioId, String triggerId, String triggerRunId) {
        return ok(runs.triggerFire(caller(), projectKey, scenarioId, triggerId, triggerRunId));
    }

    @Override public Response getScenarioRunForTrigger(String projectKey, String scenarioId, String triggerId, String triggerRunId) {
        return ok(runs.runForTrigger(caller(), projectKey, scenarioId, triggerId, triggerRunId));
    }

    @Override public Response getScenarioLastRuns(String projectKey, String scenarioId, Integer limit, String onlyFinishedRuns) {
        return ok(runs.lastRuns(caller(), projectKey, scenarioId, limit == null ? 10 : limit,
                flag("onlyFinishedRuns", onlyFinishedRuns, false)));
    }

    @Override public Response getScenarioRunsByDate(String projectKey, String scenarioId, String fromDate, String toDate) {
        return ok(runs.runsByDate(caller(), projectKey, scenarioId, fromDate, toDate));
    }

    @Override public Response abortScenario(String projectKey, String scenarioId) {
        return ok(runs.abort(caller(), projectKey, scenarioId));
    }

    @Override public Response getScenarioRun(String projectKey, String scenarioId, String runId) {
        return ok(runs.details(caller(), projectKey, scenarioId, runId));
    }

    @Override public Response getScenarioRunLog(String projectKey, String scenarioId, String runId, String stepId) {
        return Response.ok(runs.log(caller(), projectKey, scenarioId, runId, stepId), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
    }
}
