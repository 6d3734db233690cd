package org.dsscontractkit.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

class DSSScenarioTest extends DssStubTest {

    private static final String S = BASE + "/projects/PK/scenarios/S1";
    private static final String FIRE = "{'trigger':{'id':'manual','type':'manual'},'runId':'2024-01-01-00-00-00-001','cancelled':false}";
    private static final String RUNNING = "{'runId':'2024-01-01-00-00-00-002','scenario':{'projectKey':'PK','id':'S1'},'start':1,'end':0}";
    private static final String DONE = "{'runId':'2024-01-01-00-00-00-002','scenario':{'projectKey':'PK','id':'S1'},'start':1,'end':5,"
            + "'result':{'outcome':'%s'}}";

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private DSSScenario scenario() {
        return client.getProject("PK").getScenario("S1");
    }

    @Test
    void createSendsTheDefinitionWithTypeAndNameLikeThePythonClient() {
        stub.on("POST", BASE + "/projects/PK/scenarios/", 200, "{\"id\":\"NIGHTLY\"}");

        DSSScenario created = client.getProject("PK").createScenario("Nightly", "step_based");

        assertThat(created.getId()).isEqualTo("NIGHTLY");
        assertThat(stub.last().json()).isEqualTo(json("{'params':{},'type':'step_based','name':'Nightly'}"));
    }

    @Test
    void runAndWaitFiresThenPollsTheTriggerThenTheRun() {
        AtomicInteger forTrigger = new AtomicInteger();
        AtomicInteger details = new AtomicInteger();
        stub.on("POST", S + "/run", 200, q(FIRE))
                .on("GET", S + "/get-run-for-trigger", (exchange, request) -> StubServer.send(exchange, 200,
                        forTrigger.incrementAndGet() == 1 ? "{}" : q("{'scenarioRun':" + RUNNING + "}")))
                .on("GET", S + "/2024-01-01-00-00-00-002/", (exchange, request) -> StubServer.send(exchange, 200,
                        q("{'scenarioRun':" + (details.incrementAndGet() == 1 ? RUNNING : String.format(DONE, "SUCCESS")) + ",'stepRuns':[]}")));

        DSSScenarioRun run = scenario().runAndWait(Map.of("day", "monday"), false, Duration.ofSeconds(10));

        assertThat(run.getOutcome()).isEqualTo("SUCCESS");
        assertThat(stub.only("POST", S + "/run").json()).isEqualTo(json("{'day':'monday'}"));
        assertThat(stub.requests().get(1).queryParams())
                .containsEntry("triggerId", java.util.List.of("manual"))
                .containsEntry("triggerRunId", java.util.List.of("2024-01-01-00-00-00-001"));
        assertThat(forTrigger.get()).isEqualTo(2);
        assertThat(details.get()).isEqualTo(2);
    }

    @Test
    void aFailedRunThrowsWithTheFirstStepErrorUnlessNoFail() {
        stub.on("POST", S + "/run", 200, q(FIRE))
                .on("GET", S + "/get-run-for-trigger", 200, q("{'scenarioRun':" + String.format(DONE, "FAILED") + "}"))
                .on("GET", S + "/2024-01-01-00-00-00-002/", 200, q("{'scenarioRun':" + String.format(DONE, "FAILED")
                        + ",'stepRuns':[{'step':{'id':'sql'},'result':{'outcome':'FAILED','thrown':{'message':'Table X not found'}}}]}"));

        assertThatThrownBy(() -> scenario().runAndWait()).isInstanceOfSatisfying(DataikuException.class, e -> {
            assertThat(e.getErrorType()).isEqualTo("ScenarioRunFailed");
            assertThat(e.getMessage()).contains("FAILED").contains("step sql: Table X not found");
        });
        assertThat(scenario().runAndWait(null, true, Duration.ofSeconds(5)).getOutcome()).isEqualTo("FAILED");
    }

    @Test
    void aCancelledFireThrowsOrReturnsNull() {
        stub.on("POST", S + "/run", 200, q(FIRE.replace("'cancelled':false", "'cancelled':true")));

        DSSTriggerFire fire = scenario().run();

        assertThat(fire.isCancelled(false)).isTrue();
        assertThat(fire.waitForScenarioRun(true, Duration.ofSeconds(1))).isNull();
        assertThatThrownBy(() -> fire.waitForScenarioRun(false, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getErrorType()).isEqualTo("ScenarioRunCancelled"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void lastRunsCurrentRunLogAndAbortAreTheCallsThePythonClientMakes() {
        stub.on("GET", S + "/get-last-runs", 200, q("[" + RUNNING + "]"))
                .on("GET", S + "/2024-01-01-00-00-00-002/log", 200, "line\n")
                .on("POST", S + "/abort", 200, "{\"success\":true}");

        DSSScenarioRun current = scenario().getCurrentRun();
        assertThat(current.isRunning()).isTrue();
        assertThat(stub.last().queryParams()).containsEntry("limit", java.util.List.of("1"))
                .containsEntry("onlyFinishedRuns", java.util.List.of("false"));
        assertThat(current.getLog("build")).isEqualTo("line\n");
        assertThat(stub.last().query()).isEqualTo("stepId=build");
        assertThat(scenario().abort()).isTrue();
        assertThat(stub.only("POST", S + "/abort").body()).isEmpty();
    }

    @Test
    void settingsHelpersWriteTheStepsThePythonClientReads() {
        stub.on("GET", S, 200, "{\"id\":\"S1\",\"type\":\"step_based\",\"params\":{},\"unknown\":1}")
                .on("PUT", S, 200, "{}");

        DSSScenarioSettings settings = scenario().getSettings();
        settings.addBuildStep("b", "RECURSIVE_BUILD", "orders").addSqlStep("s", "demo_sql", "SELECT 1").setActive(true).save();

        assertThat(stub.last().json()).isEqualTo(json("{'id':'S1','type':'step_based','unknown':1,'active':true,'params':{'steps':["
                + "{'id':'b','type':'build_flowitem','name':'Build orders','params':{'jobType':'RECURSIVE_BUILD',"
                + "'builds':[{'type':'DATASET','itemId':'orders','partitionsSpec':''}]}},"
                + "{'id':'s','type':'exec_sql','name':'SQL on demo_sql','params':{'connection':'demo_sql','sql':'SELECT 1'}}]}}"));
    }
}
