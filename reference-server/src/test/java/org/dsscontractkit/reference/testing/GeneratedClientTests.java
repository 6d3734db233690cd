package org.dsscontractkit.reference.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.spec.OperationRoutes;

/**
 * A generated client package's own test suite run against the reference server's jar (started on a free port with a
 * fresh data dir; it serves the DSS API and the API node), then judged: the suite must pass, and every operation of
 * each document must appear in the log of requests it sent, or be in the {@link NotYetExercised} ledger for that
 * language. The tests find the server in {@code DSS_URL}, {@code DSS_API_KEY}, and log to {@code REQUEST_LOG}.
 */
public final class GeneratedClientTests {

    /** The documents every generated package is built from, as named in the spec jar's bundle directory. */
    public static final List<String> DOCUMENTS = List.of("dss-public-api", "apinode-user-api");

    private final String language;
    private final NotYetExercised.Suite ledger;

    public GeneratedClientTests(String language, NotYetExercised.Suite ledger) {
        this.language = language;
        this.ledger = ledger;
    }

    /** Runs {@code command} in {@code workDir} with {@code env} added, against a server on {@code dataDir}. */
    public void runAndJudge(Path dataDir, List<String> command, Path workDir, Map<String, String> env)
            throws Exception {
        Path requests = Files.createTempFile("client-requests-" + language, ".log");
        String adminKey = "clients-" + language + "-" + UUID.randomUUID();
        int exit;
        String output;
        try (ServerProcess server = ServerProcess.start(dataDir, adminKey, List.of("-Xmx256m"), List.of())) {
            Path log = Files.createTempFile("client-tests-" + language, ".log");
            ProcessBuilder run = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            run.environment().putAll(env);
            run.environment().put("DSS_URL", server.baseUrl());
            run.environment().put("DSS_API_KEY", adminKey);
            run.environment().put("REQUEST_LOG", requests.toString());
            Process process = run.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            exit = process.exitValue();
            output = Files.readString(log);
        }
        System.out.println(output);
        List<String> lines = Files.readAllLines(requests);
        Map<String, String> notYet = NotYetExercised.of(ledger);
        List<String> table = new ArrayList<>();
        table.add("language   | document          | operations exercised / total | not exercised");
        List<String> missing = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (String document : DOCUMENTS) {
            OperationRoutes routes = OperationRoutes.of(new ObjectMapper().readTree(bundle(document).toFile()));
            OperationRoutes.Coverage coverage = routes.coverage(lines);
            table.add(String.format("%-10s | %-17s | %3d / %3d                    | %s", language, document,
                    coverage.exercised().size(), coverage.total(), coverage.missing()));
            missing.addAll(coverage.missing());
            operations.addAll(routes.operationIds());
        }
        System.out.println(String.join("\n", table));

        assertThat(exit).as("%s exit status (output above)", command).isZero();
        assertThat(lines).as("requests the tests sent").hasSizeGreaterThan(100);
        assertThat(missing).as("operations the %s tests never sent, not in %s", language, NotYetExercised.LEDGER)
                .isSubsetOf(notYet.keySet());
        assertThat(notYet.keySet()).as("%s rows of %s naming operations the documents lack", language,
                NotYetExercised.LEDGER).isSubsetOf(operations);
        assertThat(notYet.keySet()).as("%s rows of %s naming operations the tests now send: delete those rows",
                language, NotYetExercised.LEDGER).isSubsetOf(missing);
    }

    /** A bundled document of the spec jar's build, named by {@code -Dspec.bundled}. */
    public static Path bundle(String document) throws IOException {
        Path bundle = Path.of(System.getProperty("spec.bundled"), document + ".json");
        if (!Files.isRegularFile(bundle)) {
            throw new IOException("bundled document missing: " + bundle + " (build the spec module first)");
        }
        return bundle;
    }
}
