package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAndGenerationsIT {

    static final String A = "/admin/api";

    @TempDir
    static Path dir;
    static TestNode node;

    static String scoreService(String generation, double intercept) {
        return """
                serviceId: score_svc
                generation: %s
                endpoints:
                  - id: score
                    type: PREDICTION
                    model: {kind: REGRESSION, intercept: %s, features: [{name: x, type: NUMERIC, coefficient: 1}]}
                """.formatted(generation, intercept);
    }

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Map.of("score_v1.yaml", scoreService("v1", 1), "score_v2.yaml", scoreService("v2", 2)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static double score(String body) {
        Answer a = node.http.post("/public/api/v1/score_svc/score/predict", body);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json().at("/result/prediction").asDouble();
    }

    @Test
    void adminApiNeedsAnAdminKey() {
        assertThat(node.http.get(A + "/services").status()).isEqualTo(401);
        assertThat(node.http.get(A + "/services", HttpHelper.basic("fraud-demo-key-0001")).status()).isEqualTo(401);
        assertThat(node.http.get(A + "/services", TestNode.admin()).status()).isEqualTo(200);
    }

    @Test
    void newestGenerationAnswersAndDispatchSelectsOthers() {
        assertThat(score("{\"features\": {\"x\": 0}}")).isEqualTo(2.0);
        assertThat(score("{\"features\": {\"x\": 0}, \"dispatch\": {\"forcedGeneration\": \"v1\"}}")).isEqualTo(1.0);
        Answer unknown = node.http.post("/public/api/v1/score_svc/score/predict", "{\"features\": {}, \"dispatch\": {\"forcedGeneration\": \"v9\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/field")).isEqualTo("dispatch.forcedGeneration");
        Answer gens = node.http.get(A + "/services/score_svc/generations", TestNode.admin());
        assertThat(gens.json().get("generations")).hasSize(2);
    }

    @Test
    void mappingAndDispatchKeys() {
        Answer set = node.http.post(A + "/services/score_svc/actions/setMapping",
                "{\"entries\": [{\"generation\": \"v1\", \"proba\": 0.5}, {\"generation\": \"v2\", \"proba\": 0.5}]}", TestNode.admin());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String key = "customer-" + i;
            double first = score("{\"features\": {\"x\": 0}, \"dispatch\": {\"dispatchKey\": \"" + key + "\"}}");
            assertThat(score("{\"features\": {\"x\": 0}, \"dispatch\": {\"dispatchKey\": \"" + key + "\"}}")).isEqualTo(first);
            seen.add(first);
        }
        assertThat(seen).containsExactlyInAnyOrder(1.0, 2.0);
        Answer bad = node.http.post(A + "/services/score_svc/actions/setMapping",
                "{\"entries\": [{\"generation\": \"v1\", \"proba\": 0.3}]}", TestNode.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(node.http.post(A + "/services/score_svc/actions/setMapping",
                "{\"entries\": [{\"generation\": \"v7\", \"proba\": 1}]}", TestNode.admin()).status()).isEqualTo(400);

        assertThat(node.http.post(A + "/services/score_svc/actions/switchTo/v1", null, TestNode.admin()).status()).isEqualTo(200);
        assertThat(score("{\"features\": {\"x\": 0}}")).isEqualTo(1.0);
        assertThat(node.http.post(A + "/services/score_svc/actions/switchTo/v8", null, TestNode.admin()).status()).isEqualTo(404);
        Answer newest = node.http.post(A + "/services/score_svc/actions/switchToNewest", null, TestNode.admin());
        assertThat(newest.status()).isEqualTo(200);
        assertThat(newest.json().get("newestGeneration").asText()).isEqualTo("v2");
        assertThat(score("{\"features\": {\"x\": 0}}")).isEqualTo(2.0);
        assertThat(node.http.post(A + "/services/score_svc/generations/v1/preload", null, TestNode.admin()).status()).isEqualTo(200);
        assertThat(node.http.post(A + "/services/score_svc/generations/v5/preload", null, TestNode.admin()).status()).isEqualTo(404);
    }

    @Test
    void createListDisableEnableDelete() {
        Answer created = node.http.post(A + "/services/", "{\"serviceId\": \"fresh_svc\"}", TestNode.admin());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        assertThat(node.http.post(A + "/services/", "{\"serviceId\": \"fresh_svc\"}", TestNode.admin()).status()).isEqualTo(409);
        assertThat(node.http.post(A + "/services/", "{}", TestNode.admin()).status()).isEqualTo(400);
        assertThat(node.http.post(A + "/services/", "{\"serviceId\": \"bad id!\"}", TestNode.admin()).status()).isEqualTo(400);
        Answer list = node.http.get(A + "/services", TestNode.admin());
        Set<String> ids = new HashSet<>();
        list.json().forEach(s -> ids.add(s.get("serviceId").asText()));
        assertThat(ids).contains("fresh_svc", "fraud_svc", "sql_svc", "score_svc");
        Answer noGeneration = node.http.post("/public/api/v1/fresh_svc/x/predict", "{}");
        assertThat(noGeneration.status()).isEqualTo(404);
        assertThat(noGeneration.text("/code")).isEqualTo("ERR_NO_ACTIVE_GENERATION");

        assertThat(node.http.post(A + "/services/lookup_svc/actions/disable", null, TestNode.admin()).status()).isEqualTo(200);
        Answer disabled = node.http.post("/public/api/v1/lookup_svc/passenger_info/lookup", "{\"data\": {\"PassengerId\": 42}}");
        assertThat(disabled.status()).isEqualTo(404);
        assertThat(disabled.text("/code")).isEqualTo("ERR_SERVICE_DISABLED");
        assertThat(node.http.post(A + "/services/lookup_svc/actions/enable", null, TestNode.admin()).status()).isEqualTo(200);
        assertThat(node.http.post("/public/api/v1/lookup_svc/passenger_info/lookup", "{\"data\": {\"PassengerId\": 42}}").status()).isEqualTo(200);

        assertThat(node.http.delete(A + "/services/fresh_svc", TestNode.admin()).status()).isEqualTo(200);
        assertThat(node.http.delete(A + "/services/fresh_svc", TestNode.admin()).status()).isEqualTo(404);
        assertThat(node.http.post(A + "/services/nope/actions/enable", null, TestNode.admin()).status()).isEqualTo(404);
    }

    @Test
    void importFromArchiveCreatesAGeneration() throws Exception {
        assertThat(node.http.post(A + "/services/", "{\"serviceId\": \"zip_svc\"}", TestNode.admin()).status()).isEqualTo(200);
        Path zip = dir.resolve("zip_svc.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("service.yaml"));
            z.write("""
                    serviceId: zip_svc
                    endpoints:
                      - {id: hello, type: PYTHON_FUNCTION, file: code/hello.py, function: hello}
                    """.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("code/hello.py"));
            z.write("def hello(name):\n    return 'hello ' + name\n".getBytes(StandardCharsets.UTF_8));
        }
        Answer imported = node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive?filePath="
                + java.net.URLEncoder.encode(zip.toString(), StandardCharsets.UTF_8), null, TestNode.admin());
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.text("/generation")).isEqualTo("v1");
        Answer run = node.http.post("/public/api/v1/zip_svc/hello/run", "{\"name\": \"ci\"}");
        assertThat(run.json().get("response").asText()).isEqualTo("hello ci");
        assertThat(run.text("/apiContext/serviceGeneration")).isEqualTo("v1");
        Answer second = node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive?filePath="
                + java.net.URLEncoder.encode(zip.toString(), StandardCharsets.UTF_8), null, TestNode.admin());
        assertThat(second.text("/generation")).isEqualTo("v2");

        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "hello");
        Answer bad = node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive?filePath=" + notZip, null, TestNode.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive?filePath=/no/such.zip", null, TestNode.admin()).status())
                .isEqualTo(400);
        assertThat(node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive", null, TestNode.admin()).status()).isEqualTo(400);
        Path wrongService = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(wrongService); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("service.yaml"));
            z.write("serviceId: other_svc\nendpoints: [{id: a, type: SQL_QUERY, connection: demo, query: SELECT 1}]\n".getBytes(StandardCharsets.UTF_8));
        }
        Answer mismatch = node.http.post(A + "/services/zip_svc/generations/actions/importFromArchive?filePath=" + wrongService, null, TestNode.admin());
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("/code")).isEqualTo("ERR_SERVICE_ID_MISMATCH");
    }

    @Test
    void serviceFilesReloadOnChangeAndABadFileHarmsNoOtherService() throws Exception {
        Path file = node.servicesDir().resolve("hot_svc.yaml");
        Files.writeString(file, "serviceId: hot_svc\nendpoints: [{id: q, type: SQL_QUERY, connection: demo, query: 'SELECT 1 AS \"one\"'}]\n");
        TestNode.awaitReload();
        assertThat(node.http.post("/public/api/v1/hot_svc/q/query", null).json().at("/results/0/rows/0/0").asText()).isEqualTo("1");
        Files.writeString(file, "serviceId: hot_svc\nendpoints: [{id: q, type: SQL_QUERY, connection: demo, query: 'SELECT 2 AS \"two\"'}]\n");
        TestNode.awaitReload();
        assertThat(node.http.post("/public/api/v1/hot_svc/q/query", null).json().at("/results/0/rows/0/0").asText()).isEqualTo("2");

        Files.writeString(node.servicesDir().resolve("broken_svc.yaml"), "serviceId: broken_svc\nendpoints: [{id: q, type: SQL_QUERY}]\n");
        TestNode.awaitReload();
        Answer broken = node.http.post("/public/api/v1/broken_svc/q/query", null);
        assertThat(broken.status()).isEqualTo(404);
        assertThat(broken.text("/code")).isEqualTo("ERR_SERVICE_NOT_LOADED");
        assertThat(broken.text("/detailedMessage")).contains("broken_svc.yaml").contains("connection");
        Answer files = node.http.get(A + "/service-files", TestNode.admin());
        JsonNode entry = null;
        for (JsonNode f : files.json()) {
            if (f.get("file").asText().endsWith("broken_svc.yaml")) {
                entry = f;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("status").asText()).isEqualTo("INVALID");
        assertThat(entry.at("/problems/0/rule").asText()).isEqualTo("required");
        assertThat(entry.at("/problems/0/field").asText()).contains("endpoints[0]");
        assertThat(node.http.post("/public/api/v1/hot_svc/q/query", null).status()).isEqualTo(200);

        Files.delete(file);
        TestNode.awaitReload();
        assertThat(node.http.post("/public/api/v1/hot_svc/q/query", null).status()).isEqualTo(404);
    }

    @Test
    void adminKeysLifecycle() {
        Answer created = node.http.post(A + "/keys", "{\"label\": \"ci\", \"description\": \"for CI\", \"createdBy\": \"test\", \"expiry\": null}", TestNode.admin());
        assertThat(created.status()).isEqualTo(200);
        String secret = created.text("/key");
        String id = created.text("/id");
        assertThat(node.http.get(A + "/keys", HttpHelper.basic(secret)).status()).isEqualTo(200);
        Answer list = node.http.get(A + "/keys", TestNode.admin());
        assertThat(list.raw().body()).contains(id).doesNotContain(secret);
        assertThat(node.http.delete(A + "/keys/" + secret, TestNode.admin()).status()).isEqualTo(200);
        assertThat(node.http.get(A + "/keys", HttpHelper.basic(secret)).status()).isEqualTo(401);

        Answer other = node.http.post(A + "/keys", "{\"label\": \"tmp\"}", TestNode.admin());
        assertThat(node.http.delete(A + "/keys/" + other.text("/id") + "/key", TestNode.admin()).status()).isEqualTo(200);
        assertThat(node.http.delete(A + "/keys/" + other.text("/id") + "/key", TestNode.admin()).status()).isEqualTo(404);
        Answer expired = node.http.post(A + "/keys", "{\"label\": \"old\", \"expiry\": 1000}", TestNode.admin());
        assertThat(node.http.get(A + "/keys", HttpHelper.basic(expired.text("/key"))).status()).isEqualTo(401);
        assertThat(node.http.post(A + "/keys", "{\"expiry\": \"tomorrow\"}", TestNode.admin()).status()).isEqualTo(400);
    }

    @Test
    void metricsCountRequestsAndLatencies() {
        for (int i = 0; i < 5; i++) {
            node.http.post("/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {\"petal_length\": 5}}");
        }
        node.http.post("/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {\"petal_length\": \"long\"}}");
        Answer metrics = node.http.get(A + "/metrics", TestNode.admin());
        JsonNode iris = metrics.json().at("/services/iris_svc/endpoints/iris_species");
        assertThat(iris.get("requests").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(iris.get("clientErrors").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(iris.at("/latencyMicros/p99").asLong()).isPositive();
        assertThat(iris.at("/latencyMicros/max").asLong()).isGreaterThanOrEqualTo(iris.at("/latencyMicros/p50").asLong());
    }

    @Test
    void cacheOperationsAnswerClearly() {
        assertThat(node.http.send("DELETE", A + "/model-cache", null, TestNode.admin()).status()).isEqualTo(200);
        Answer codeEnv = node.http.post(A + "/cached-code-envs?fileDir=/tmp&language=python", null, TestNode.admin());
        assertThat(codeEnv.status()).isEqualTo(501);
        assertThat(node.http.send("DELETE", A + "/services-clean-unused", null, TestNode.admin()).status()).isEqualTo(200);
    }
}
