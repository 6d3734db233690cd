package org.dsscontractkit.apiconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Connect as a user runs it: the executable jar, the presets shipped in api-connect/examples, against the
 * reference server (DSS public API and the in-process API node on the same port).
 */
@ExtendWith(ContractValidationExtension.class)
class ApiConnectAgainstReferenceServerIT {

    private static final Path EXAMPLES = Path.of(System.getProperty("api.connect.examples", "../api-connect/examples"));

    private static ReferenceServerProcess server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = ReferenceServerProcess.get();
    }

    @Test
    void fetchListsProjectsThroughTheAdminPreset() throws Exception {
        DSSClient dss = new DSSClient(server.baseUrl(), server.adminKey());
        dss.createProject("APICONNECT_E2E", "API Connect e2e", "admin");

        Path out = work.resolve("projects.csv");
        Result run = apiConnect(Map.of("DSS_API_KEY", server.adminKey()),
                "fetch", "-p", EXAMPLES.resolve("dss-admin.yaml").toString(),
                "-p", EXAMPLES.resolve("dss-projects.yaml").toString(),
                "--var", "dss=" + server.baseUrl(), "-o", out.toString(), "--quiet");

        assertThat(run.exitCode).as(run.output).isZero();
        List<Map<String, String>> rows = readCsv(out);
        assertThat(rows).extracting(r -> r.get("projectKey")).contains("APICONNECT_E2E");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsKey("name"));
    }

    @Test
    void fetchWithAWrongKeyFailsWithTheServersErrorAndNoOutput() throws Exception {
        Path out = work.resolve("projects.csv");
        Result run = apiConnect(Map.of("DSS_API_KEY", "not-a-key"),
                "fetch", "-p", EXAMPLES.resolve("dss-admin.yaml").toString(),
                "-p", EXAMPLES.resolve("dss-projects.yaml").toString(),
                "--var", "dss=" + server.baseUrl(), "-o", out.toString(), "--quiet");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("401").doesNotContain("not-a-key");
        assertThat(out).doesNotExist();
    }

    @Test
    void recipeScoresEveryRowThroughTheApiNodePredictEndpoint() throws Exception {
        Path preset = work.resolve("fraud-predict.yaml");
        Files.writeString(preset, """
                auth:
                  type: basic
                  username: fraud-demo-key-0001
                  password: ""
                endpoint:
                  url: "{{{node}}}/public/api/v1/fraud_svc/fraud_detection/predict"
                  method: POST
                  body:
                    raw: '{"features": {"customer_id": {{customer_id}}, "transaction_amount": {{transaction_amount}}, "payment_type": "{{payment_type}}"}}'
                    contentType: application/json
                  dataPath: result
                """);
        Path in = work.resolve("transactions.csv");
        Files.writeString(in, """
                customer_id,transaction_amount,payment_type
                2136,233.33,CB
                17,5.10,CB
                42,9000,PAYPAL
                9999,12.5,CB
                """);
        Path out = work.resolve("scored.csv");

        Result run = apiConnect(Map.of(), "recipe", "-p", preset.toString(), "-i", in.toString(),
                "-o", out.toString(), "-c", "2", "--var", "node=" + server.baseUrl(), "--quiet");

        assertThat(run.exitCode).as(run.output).isZero();
        List<Map<String, String>> rows = readCsv(out);
        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly("2136", "17", "42", "9999");
        // customers 2136, 17, 42 are scored by the logistic model; 9999 is stored twice in the enrichment table
        for (Map<String, String> row : rows.subList(0, 3)) {
            assertThat(row.get("prediction")).as(row.toString()).isIn("FRAUDULENT", "NOT_FRAUDULENT");
            assertThat(row.get("probas")).contains("FRAUDULENT");
            assertThat(row.get("dku_error")).isNullOrEmpty();
        }
        assertThat(rows.get(3).get("ignoreReason")).isEqualTo("MULTIPLE_LOOKUP_MATCHES");
        // probabilities move with the features: the amounts differ, so do the scores
        assertThat(rows.get(0).get("probas")).isNotEqualTo(rows.get(2).get("probas"));
    }

    @Test
    void recipeKeepsGoingAndReportsTheErrorColumnWhenAKeyIsWrong() throws Exception {
        Path preset = work.resolve("bad-key.yaml");
        Files.writeString(preset, """
                auth:
                  type: basic
                  username: wrong-key
                  password: ""
                endpoint:
                  url: "{{{node}}}/public/api/v1/fraud_svc/fraud_detection/predict"
                  method: POST
                  body:
                    raw: '{"features": {"customer_id": {{customer_id}}}}'
                    contentType: application/json
                  dataPath: result
                  retry: {maxRetries: 0}
                """);
        Path in = work.resolve("in.csv");
        Files.writeString(in, "customer_id\n1\n2\n");
        Path out = work.resolve("out.csv");

        Result run = apiConnect(Map.of(), "recipe", "-p", preset.toString(), "-i", in.toString(),
                "-o", out.toString(), "--on-error", "add-error-column", "--var", "node=" + server.baseUrl(), "--quiet");

        assertThat(run.exitCode).as(run.output).isZero();
        List<Map<String, String>> rows = readCsv(out);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("customer_id")).isNotEmpty();
            assertThat(r.get("dku_error")).contains("401");
        });
    }

    private record Result(int exitCode, String output) {
    }

    private Result apiConnect(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("api.connect.jar");
        assertThat(jar).as("api.connect.jar system property").isNotNull();
        assertThat(Path.of(jar)).as("build it with: mvn -pl api-connect package -DskipTests").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path log = work.resolve("api-connect-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("api-connect did not finish in 120 s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }
}
