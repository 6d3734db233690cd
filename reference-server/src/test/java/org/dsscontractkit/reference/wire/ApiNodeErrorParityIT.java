package org.dsscontractkit.reference.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dsscontractkit.apinode.ApiNodeConfig;
import org.dsscontractkit.apinode.ApiNodeServer;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bad request to the API node gives the same answer (status, errorType, field, rule, code) whether the node
 * is embedded in the reference server or runs alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiNodeErrorParityIT {
    private static final String ADMIN_KEY = "parity-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ReferenceServer embedded;
    private ApiNodeServer standalone;

    @BeforeAll
    void start() throws Exception {
        embedded = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, Files.createTempDirectory("parity-dss"),
                ADMIN_KEY, null, null, null, 10_000_000));
        Path nodeDir = Files.createTempDirectory("parity-node");
        standalone = ApiNodeServer.start(ApiNodeConfig.defaults(nodeDir).withPort(0).withAdminKeys(List.of(ADMIN_KEY)));
    }

    @AfterAll
    void stop() {
        if (embedded != null) embedded.close();
        if (standalone != null) standalone.close();
    }

    record Call(String name, String method, String path, String body, String key) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> badRequests() {
        String iris = "/public/api/v1/iris_svc/iris_species/";
        String fraud = "/public/api/v1/fraud_svc/fraud_detection/predict";
        return Stream.of(
                new Call("wrong type", "POST", iris + "predict", "{\"features\": 5}", null),
                new Call("wrong nested type", "POST", iris + "predict", "{\"features\": {}, \"explanations\": {\"nExplanations\": \"many\"}}", null),
                new Call("malformed JSON", "POST", iris + "predict", "{\"features\": ", null),
                new Call("trailing document", "POST", iris + "predict", "{\"features\": {}} {}", null),
                new Call("missing features", "POST", iris + "predict", "{}", null),
                new Call("missing key", "POST", fraud, "{\"features\": {}}", null),
                new Call("unknown key", "POST", fraud, "{\"features\": {}}", "no-such-key"),
                new Call("unknown service", "POST", "/public/api/v1/no_such_svc/x/predict", "{\"features\": {}}", null),
                new Call("unknown endpoint", "POST", "/public/api/v1/iris_svc/no_such_endpoint/predict", "{\"features\": {}}", null),
                new Call("unknown verb", "POST", iris + "explode", "{}", null),
                new Call("wrong method", "DELETE", iris + "predict", null, null),
                new Call("wrong endpoint kind", "POST", iris + "run", "{}", null),
                new Call("admin without key", "GET", "/admin/api/services", null, null),
                new Call("admin with unknown key", "GET", "/admin/api/services", null, "not-an-admin-key"),
                new Call("admin unknown service", "GET", "/admin/api/services/nope", null, ADMIN_KEY),
                new Call("admin malformed body", "POST", "/admin/api/services/", "{\"serviceId\": ", ADMIN_KEY)
        ).map(Arguments::of);
    }

    /** Attributes the documents do not declare are ignored, as the documents say, by both. */
    @org.junit.jupiter.api.Test
    void unknownBodyFieldIsIgnoredByBoth() throws Exception {
        Call call = new Call("unknown field", "POST", "/public/api/v1/iris_svc/iris_species/predict",
                "{\"features\": {\"petal_length\": 1.2}, \"bogus\": true}", null);
        Answer inDss = send(embedded.baseUrl(), call);
        Answer alone = send(standalone.baseUri().toString(), call);
        assertThat(inDss.status()).isEqualTo(200);
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.body().at("/result/prediction")).isEqualTo(inDss.body().at("/result/prediction"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void sameAnswerEmbeddedAndStandalone(Call call) throws Exception {
        Answer inDss = send(embedded.baseUrl(), call);
        Answer alone = send(standalone.baseUri().toString(), call);
        assertThat(inDss.status()).as("a failure, not a success or a server error").isBetween(400, 499);
        assertThat(inDss.body().path("errorType").asText()).as("errorType is a class name").contains(".");
        assertThat(alone).isEqualTo(inDss);
    }

    record Answer(int status, JsonNode body) {
        @Override public boolean equals(Object o) {
            return o instanceof Answer a && a.status == status && same(a.body, body, "errorType") && same(a.body, body, "field")
                    && same(a.body, body, "rule") && same(a.body, body, "code");
        }
        private static boolean same(JsonNode a, JsonNode b, String f) { return a.path(f).equals(b.path(f)); }
        @Override public int hashCode() { return status; }
        @Override public String toString() { return status + " " + body; }
    }

    private Answer send(String base, Call call) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.key() != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((call.key() + ":").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("DSS-Version")).as(call + ": version header").contains("14.3.3");
        assertThat(r.headers().firstValue("Content-Type")).as(call + ": JSON body").hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }
}
