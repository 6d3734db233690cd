package org.dsscontractkit.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The spec-driven fuzz against the reference server: every operation of the DSS document and of the API node user
 * document (the API node hosted by the reference server, same port), {@value #REQUESTS} seeded requests, on a server
 * process of its own (own data dir) so that nothing it does reaches the other suites' state.
 *
 * <p>Fails on any finding (an undeclared 5xx, a dropped connection or no answer, a non-DSSError error body, a 2xx
 * without credentials), on an anchor project that is not intact afterwards, on an uploaded file that escaped the data
 * dir, and on a server that died. The report is printed and written to {@code target/fuzz/}.</p>
 *
 * <p>System properties: {@code fuzz.seed} (default {@value Fuzzer#DEFAULT_SEED}), {@code fuzz.requests},
 * {@code fuzz.budget} (ISO-8601, default PT6M: past it the run stops and fails as incomplete),
 * {@code fuzz.case=N} (replay request N of the seed alone and print it), {@code fuzz.skip=true} (local use only,
 * while the server core that passes it has not landed: CI runs it).</p>
 */
class ReferenceServerFuzzIT {

    // two passes over every (operation, mutation) schedule of both documents: 164 operations since managed folders,
    // scenarios and recipes (HostileRequestGeneratorTest checks the two passes fit)
    static final int REQUESTS = 13_000;

    @Test
    void everyOperationOfBothDocumentsSurvivesTheFuzzAndTheAnchorProjectIsIntact() throws IOException {
        assumeFalse(Boolean.getBoolean("fuzz.skip"), "fuzz skipped with -Dfuzz.skip=true");
        long seed = Long.getLong("fuzz.seed", Fuzzer.DEFAULT_SEED);
        int requests = Integer.getInteger("fuzz.requests", REQUESTS);
        Path reports = Path.of(System.getProperty("fuzz.report.dir", "target/fuzz"));
        Files.createDirectories(reports);
        // a server that stops answering would cost requests x timeout: the run stops at its budget, reported incomplete
        Duration budget = Duration.parse(System.getProperty("fuzz.budget", "PT6M"));
        Fuzzer.Options options = Fuzzer.Options.defaults().withSeed(seed).withRequests(requests).withBudget(budget)
                .withReplayHint("mvn -pl contract-tests verify -Dit.test=ReferenceServerFuzzIT -Dfuzz.seed={seed}"
                        + " -Dfuzz.case=<index>");
        PrintWriter out = new PrintWriter(System.out, true);

        try (ReferenceServerProcess server = ReferenceServerProcess.startDedicated();
             DssFuzzTarget dss = DssFuzzTarget.setUp(URI.create(server.directUrl()), server.adminKey(),
                     OpenApiDocument.fromClasspath(OpenApiDocument.DSS_PUBLIC_API))) {
            ApiNodeFuzzTarget apiNode = new ApiNodeFuzzTarget(URI.create(server.directUrl()),
                    OpenApiDocument.fromClasspath(OpenApiDocument.APINODE_USER_API), ApiNodeFuzzTarget.referenceDemo());
            Fuzzer fuzzer = new Fuzzer(List.of(dss, apiNode), options);

            String replay = System.getProperty("fuzz.case");
            if (replay != null && !replay.isBlank()) {
                Fuzzer.Replay result = fuzzer.replay(Long.parseLong(replay.trim()));
                out.println(result.render());
                assertThat(result.findings()).as(result.render()).isEmpty();
                return;
            }

            out.printf("Fuzzing %s with seed %d, %d requests%n", server.directUrl(), seed, requests);
            FuzzReport report = fuzzer.run(out);
            String text = report.render();
            out.println(text);
            Files.writeString(reports.resolve("report.txt"), text);
            Files.writeString(reports.resolve("findings.txt"), report.renderFindings());
            Files.writeString(reports.resolve("server.log"), server.log());

            // every check is reported, not only the first that fails
            SoftAssertions checks = new SoftAssertions();
            checks.assertThat(server.isAlive()).as("the reference server survived the fuzz (log in %s)",
                    reports.resolve("server.log")).isTrue();
            checks.assertThat(report.findings()).as("findings (full list in %s):%n%s", reports.resolve("findings.txt"),
                    text).isEmpty();
            checks.assertThat(report.intactProblems()).as("the anchor project after the fuzz").isEmpty();
            checks.assertThat(report.requests()).as("requests sent within the budget of %s", budget).isEqualTo(requests);
            checks.assertThat(report.byOperation()).as("every operation of both documents was fuzzed")
                    .hasSize(fuzzer.operationCount());
            checks.assertThat(escapedUploads(server.dataDir())).as("uploaded files written outside the data dir").isEmpty();
            // the data loss check, seen as a user would: the anchor project is listed, with its dataset and rows
            try {
                DSSClient admin = new DSSClient(server.directUrl(), server.adminKey());
                checks.assertThat(admin.listProjectKeys()).as("projects after the fuzz")
                        .contains(dss.projectKey(FixtureRole.ANCHOR), dss.projectKey(FixtureRole.WORK));
                checks.assertThat(admin.getProject(dss.projectKey(FixtureRole.ANCHOR)).getDataset(DssFuzzTarget.DATASET)
                        .iterRows().stream().count()).as("rows of the anchor project's dataset").isEqualTo(3);
            } catch (RuntimeException e) {
                checks.fail("the anchor project cannot be read after the fuzz: " + e);
            }
            checks.assertAll();
        }
    }

    /** Files the hostile upload names ("../../fuzz-escaped.csv") would have created outside the server's data dir. */
    private static List<Path> escapedUploads(Path dataDir) throws IOException {
        List<Path> escaped = new ArrayList<>();
        for (Path root : List.of(Path.of("/"), dataDir.getParent(), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> files = Files.list(root)) {
                files.filter(f -> f.getFileName().toString().startsWith("fuzz-escaped")).forEach(escaped::add);
            } catch (IOException unreadable) {
                // nothing could have been written there either
            }
        }
        for (Path file : escaped) {
            Files.deleteIfExists(file);
        }
        return escaped;
    }
}
