package org.dsscontractkit.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fuzz's verdicts against a server that misbehaves on purpose (see {@link MisbehavingServer}): each kind of
 * misbehaviour is reported on the operation that shows it, and nothing is reported of the operations that behave
 * (a 401 without a key, a 4xx with a DSSError body, a public operation answering everyone, a declared 5xx).
 */
class FuzzerTest {

    private static MisbehavingServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new MisbehavingServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static Fuzzer fuzzer(String document, long seed, int requests) {
        return fuzzer(document, seed, requests, Duration.ofSeconds(20));
    }

    private static Fuzzer fuzzer(String document, long seed, int requests, Duration timeout) {
        FixedTarget target = new FixedTarget(server.url(), FixedTarget.document(document), Map.of("id", "item1"),
                MisbehavingServer.KEY);
        return new Fuzzer(List.of(target), Fuzzer.Options.defaults().withSeed(seed).withRequests(requests)
                .withConnections(6).withTimeout(timeout));
    }

    private static Map<String, Set<Problem>> problemsByOperation(FuzzReport report) {
        Map<String, Set<Problem>> found = new TreeMap<>();
        report.findings().forEach(f -> found.computeIfAbsent(f.operation(), k -> new TreeSet<>()).add(f.problem()));
        return found;
    }

    @Test
    void eachMisbehaviourIsReportedOnItsOperationAndNothingElse() {
        FuzzReport report = fuzzer("misbehaving-api.yaml", 7, 200).run();
        Map<String, Set<Problem>> found = problemsByOperation(report);

        assertThat(found).as(report.render()).containsOnlyKeys("explodes", "answersHtmlErrors",
                "answersErrorsWithoutErrorType", "forgetsToCheckTheKey", "dropsTheConnection");
        assertThat(found.get("explodes")).containsExactly(Problem.SERVER_ERROR);
        assertThat(found.get("answersHtmlErrors")).containsExactly(Problem.NON_JSON_ERROR);
        assertThat(found.get("answersErrorsWithoutErrorType")).containsExactly(Problem.NON_JSON_ERROR);
        assertThat(found.get("forgetsToCheckTheKey")).containsExactly(Problem.SUCCESS_WITHOUT_CREDENTIALS);
        assertThat(found.get("dropsTheConnection")).containsExactly(Problem.NO_ANSWER);

        List<Finding> findings = report.findings();
        assertThat(findings).filteredOn(f -> f.operation().equals("dropsTheConnection"))
                .allMatch(f -> f.observed().equals("dropped"));
        // only calls without valid credentials can succeed "without credentials"; with the key, /open is right
        assertThat(findings).filteredOn(f -> f.problem() == Problem.SUCCESS_WITHOUT_CREDENTIALS).isNotEmpty()
                .allMatch(f -> f.request().matches(".*credentials (none|unknown|malformed).*"));
        assertThat(report.declaredServerErrors()).isNotEmpty().allMatch(e -> e.contains("runsUserCode 500 FunctionFailed"));
        assertThat(report.passed()).isFalse();
        assertThat(report.requests()).isEqualTo(200);

        String text = report.render();
        assertThat(text).contains("seed 7, 200 requests over 9 operations", "[SERVER_ERROR] ", "[NO_ANSWER] ",
                "[NON_JSON_ERROR] ", "[SUCCESS_WITHOUT_CREDENTIALS] ", "#" + findings.get(0).index());
    }

    @Test
    void aFindingIsMadeAgainFromItsSeedAndIndexAlone() {
        FuzzReport report = fuzzer("misbehaving-api.yaml", 11, 120).run();
        Finding explosion = report.findings().stream().filter(f -> f.problem() == Problem.SERVER_ERROR).findFirst()
                .orElseThrow(() -> new AssertionError("no 5xx found:\n" + report.render()));

        // a new fuzzer, as a later build would make it: nothing of the run is kept but the seed and the index
        Fuzzer.Replay replay = fuzzer("misbehaving-api.yaml", 11, 1).replay(explosion.index());

        assertThat(replay.request().summary()).isEqualTo(explosion.request());
        assertThat(replay.findings()).extracting(Finding::problem).containsExactly(Problem.SERVER_ERROR);
        assertThat(replay.render()).contains("500 X", "java.lang.NullPointerException", "FINDING [SERVER_ERROR]");
    }

    @Test
    void aServerThatAnswersEveryHostileRequestWithADssErrorPasses() {
        FuzzReport report = fuzzer("well-behaved-api.yaml", 3, 400).run();

        assertThat(report.findings()).as(report.render()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.byOperation()).containsOnlyKeys("getThing", "setThing", "addThingFile", "publicInfo");
        // it was not passed for lack of trying: refusals, successes, and every kind of hostile request
        assertThat(report.byStatusClass().get("2xx")).isPositive();
        assertThat(report.byStatusClass().get("4xx")).isPositive();
        assertThat(report.render()).contains("No finding.", "OVERSIZED_BODY", "DEEPLY_NESTED", "HOSTILE_PATH_SEGMENT",
                "MULTIPART_WITHOUT_FILE", "NO_CREDENTIALS");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsReported() {
        FuzzReport report = fuzzer("never-answers-api.yaml", 1, 4, Duration.ofSeconds(1)).run();

        assertThat(report.findings()).hasSize(4).allMatch(f -> f.problem() == Problem.NO_ANSWER
                && f.observed().equals("timeout") && f.answer().startsWith("no complete answer within 1000 ms"));
        assertThat(report.byStatusClass().get("none")).isEqualTo(4);
    }

    @Test
    void aDeclared5xxIsAFindingWhenTheRunIsStrict() {
        FixedTarget target = new FixedTarget(server.url(), FixedTarget.document("misbehaving-api.yaml"),
                Map.of("id", "item1"), MisbehavingServer.KEY);
        Fuzzer strict = new Fuzzer(List.of(target), Fuzzer.Options.defaults().withRequests(60).withConnections(6)
                .withAllowDeclaredServerErrors(false));

        FuzzReport report = strict.run();

        assertThat(problemsByOperation(report).get("runsUserCode")).containsExactly(Problem.SERVER_ERROR);
    }
}
