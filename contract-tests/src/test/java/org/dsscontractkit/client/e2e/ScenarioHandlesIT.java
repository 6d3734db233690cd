package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.scenario.DSSScenario;
import org.dsscontractkit.client.scenario.DSSScenarioRun;
import org.dsscontractkit.client.scenario.DSSScenarioSettings;
import org.dsscontractkit.client.scenario.DSSTriggerFire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenario handles against the reference server, through the validating proxy: every scenario operation. */
class ScenarioHandlesIT extends ReferenceServerIT {

    /** Runs until aborted: a cross join of two million-row ranges of the demo database (H2). */
    private static final String ENDLESS_SQL = "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b";

    private DSSProject project;

    @BeforeEach
    void createProject() {
        project = client.createProject(uniqueKey("IT_SCN"), "Scenarios", "admin");
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        orders.uploadedAddFile(new ByteArrayInputStream("id,price\n1,9.5\n2,3\n".getBytes(StandardCharsets.UTF_8)), "orders.csv");
    }

    @AfterEach
    void deleteProject() {
        project.delete(true, true, true, true);
    }

    @Test
    void runAndWaitBuildsAndQueriesLikeThePythonClient() {
        DSSScenario scenario = project.createScenario("Nightly build", "step_based");
        assertThat(scenario.getId()).isEqualTo("NIGHTLY_BUILD");

        DSSScenarioSettings settings = scenario.getSettings();
        assertThat(settings.getType()).isEqualTo("step_based");
        settings.addBuildStep("build", "RECURSIVE_BUILD", "orders")
                .addSqlStep("count", "demo_sql", "SELECT * FROM customers WHERE id <= ${upTo}");
        settings.getRaw().put("kitTestAttribute", "kept");
        settings.save();
        assertThat(scenario.getSettings().getRaw().path("kitTestAttribute").asText()).isEqualTo("kept");
        assertThat(scenario.getSettings().getRawSteps()).hasSize(2);

        DSSScenarioRun run = scenario.runAndWait(Map.of("upTo", 2), false, Duration.ofSeconds(60));
        assertThat(run.getOutcome()).isEqualTo("SUCCESS");
        assertThat(run.isRunning()).isFalse();
        assertThat(run.getEndTime()).isAfterOrEqualTo(run.getStartTime());
        JsonNode details = run.getDetails();
        assertThat(details.path("stepRuns")).hasSize(2);
        String jobId = details.path("stepRuns").get(0).path("additionalReportItems").get(0).path("jobId").asText();
        assertThat(project.getJob(jobId).getState()).isEqualTo("DONE");
        assertThat(run.getLog()).contains("Read 2 row(s)");
        assertThat(run.getLog("build")).contains(jobId).doesNotContain("customers");

        assertThat(scenario.getLastRuns()).extracting(DSSScenarioRun::getId).containsExactly(run.getId());
        assertThat(scenario.getLastSuccessfulRun().getId()).isEqualTo(run.getId());
        assertThat(scenario.getLastFinishedRun().getId()).isEqualTo(run.getId());
        assertThat(scenario.getCurrentRun()).isNull();
        assertThat(scenario.getRun(run.getId()).getOutcome()).isEqualTo("SUCCESS");
        LocalDate today = LocalDate.now();
        assertThat(scenario.getRunsByDate(today, today.plusDays(1))).hasSize(1);
        assertThat(scenario.getRunsByDate(today.minusDays(7), today)).isEmpty();
        assertThat(scenario.isRunning()).isFalse();
        assertThat(scenario.getStatus().path("id").asText()).isEqualTo("NIGHTLY_BUILD");
        assertThat(project.listScenarios()).extracting(s -> s.getId()).containsExactly("NIGHTLY_BUILD");

        String fireId = run.getInfo().path("trigger").path("runId").asText();
        DSSTriggerFire fire = scenario.getTriggerFire("manual", fireId);
        assertThat(fire.isCancelled(false)).isFalse();
        assertThat(fire.getScenarioRun().getId()).isEqualTo(run.getId());

        scenario.delete();
        assertThat(project.listScenarios()).isEmpty();
        assertThatThrownBy(scenario::getSettings).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void aFailedRunThrowsUnlessNoFailAndNamesTheStepError() {
        ObjectNode definition = new ObjectMapper().createObjectNode();
        definition.put("id", "FRAGILE");
        definition.putObject("params").putArray("steps").addObject()
                .put("id", "broken").put("type", "exec_sql")
                .putObject("params").put("connection", "demo_sql").put("sql", "DELETE FROM no_such_table");
        DSSScenario scenario = project.createScenario("Fragile", "step_based", definition);
        assertThat(scenario.getId()).isEqualTo("FRAGILE");

        assertThatThrownBy(scenario::runAndWait).isInstanceOfSatisfying(DataikuException.class, e -> {
            assertThat(e.getErrorType()).isEqualTo("ScenarioRunFailed");
            assertThat(e.getMessage()).contains("FAILED").contains("broken").containsIgnoringCase("no_such_table");
        });
        DSSScenarioRun run = scenario.runAndWait(null, true, Duration.ofSeconds(60));
        assertThat(run.getOutcome()).isEqualTo("FAILED");
        assertThat(scenario.getLastRuns(10, true)).hasSize(2);

        // as a test scenario, it reports in JUnit XML
        assertThatThrownBy(run::getReport).isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
        DSSScenarioSettings settings = scenario.getSettings();
        settings.getRaw().put("markedAsTest", true);
        settings.save();
        DSSScenarioRun test = scenario.runAndWait(null, true, Duration.ofSeconds(60));
        assertThat(test.getReport()).contains("<testsuite name=\"" + project.getProjectKey() + ".FRAGILE\"").contains("failures=\"1\"");
        assertThat(test.getStepRunReport("broken")).contains("<failure");
        assertThat(project.getTestingStatus().path("worstOutcome").asText()).isEqualTo("FAILED");
        assertThat(project.getLastTestScenarioRunsReport()).contains("FRAGILE");
        assertThat(project.getLastTestScenarioRunsHtmlReport()).contains("FRAGILE");
    }

    @Test
    void abortStopsTheRunAndASecondFireIsCancelled() {
        DSSScenario scenario = project.createScenario("Endless", "step_based");
        scenario.getSettings().addSqlStep("endless", "demo_sql", ENDLESS_SQL).save();

        DSSTriggerFire fire = scenario.run();
        DSSScenarioRun run = fire.waitForScenarioRun(false, Duration.ofSeconds(30));
        assertThat(run.isRunning()).isTrue();
        assertThat(scenario.getCurrentRun().getId()).isEqualTo(run.getId());
        assertThat(scenario.isRunning()).isTrue();

        DSSTriggerFire second = scenario.run();
        assertThat(second.isCancelled(true)).isTrue();
        assertThat(second.waitForScenarioRun(true, Duration.ofSeconds(5))).isNull();
        assertThatThrownBy(() -> second.waitForScenarioRun(false, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getErrorType()).isEqualTo("ScenarioRunCancelled"));

        assertThat(scenario.abort()).isTrue();
        assertThat(run.waitForCompletion(true, Duration.ofSeconds(30))).isEqualTo("ABORTED");
        assertThat(scenario.abort()).isFalse();
        assertThat(run.getLog()).contains("Abort requested");
    }

    @Test
    void pythonScenariosKeepTheirScript() {
        DSSScenario scenario = project.createScenario("Script", "custom_python");
        assertThat(scenario.getScript()).isEmpty();
        scenario.setScript("from dataiku.scenario import Scenario\nScenario().build_dataset('orders')\n");
        assertThat(scenario.getScript()).contains("build_dataset");
        assertThat(scenario.getSettings().getType()).isEqualTo("custom_python");
        // this server runs step-based scenarios only, and says so
        assertThatThrownBy(() -> scenario.runAndWait(Map.of(), false, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getMessage()).contains("step_based"));

        DSSScenario stepBased = project.createScenario("Steps", "step_based");
        assertThatThrownBy(() -> stepBased.setScript("print(1)")).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(400));
        assertThat(project.listScenarios()).hasSize(2);
        assertThat(List.of(scenario.getId(), stepBased.getId())).containsExactly("SCRIPT", "STEPS");
    }
}
