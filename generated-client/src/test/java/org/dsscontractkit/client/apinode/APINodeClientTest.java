package org.dsscontractkit.client.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsscontractkit.client.ClientOptions;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.support.SpecOperations;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class APINodeClientTest {

    private static final String S = "/public/api/v1/svc";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StubServer stub;
    private APINodeClient node;

    @BeforeEach
    void start() {
        stub = new StubServer();
        node = new APINodeClient(stub.url(), "svc", "node-key");
    }

    @AfterEach
    void checkAgainstSpec() {
        try {
            SpecOperations spec = SpecOperations.load("apinode-user-api");
            assertThat(stub.requests().stream().map(r -> spec.violation(r, "")).filter(Objects::nonNull).toList())
                    .as("requests not declared by the API node spec").isEmpty();
        } finally {
            stub.close();
        }
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void predictRecordAlwaysSendsExplanationsAndBasicAuth() throws Exception {
        stub.on("POST", S + "/ep/predict", 200, "{\"result\":{\"prediction\":\"yes\"}}");

        JsonNode answer = node.predictRecord("ep", map("age", 42, "plan", "gold"));

        assertThat(answer.path("result").path("prediction").asText()).isEqualTo("yes");
        StubServer.Recorded request = stub.last();
        assertThat(request.json()).isEqualTo(json("{'features':{'age':42,'plan':'gold'},"
                + "'explanations':{'enabled':null,'method':null,'nExplanations':null,'nMonteCarloSteps':null}}"));
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("node-key:".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void predictRecordWithEveryOption() throws Exception {
        stub.on("POST", S + "/ep/predict", 200, "{\"result\":{}}");

        node.predictRecord("ep", map("a", 1), PredictionOptions.defaults().forcedGeneration("v2").dispatchKey("ignored")
                .context(map("user", "u")).withExplanations(true).explanationMethod("SHAPLEY").nExplanations(3).nExplanationsMcSteps(100));

        assertThat(stub.last().json()).isEqualTo(json("{'features':{'a':1},'explanations':{'enabled':true,'method':'SHAPLEY',"
                + "'nExplanations':3,'nMonteCarloSteps':100},'dispatch':{'forcedGeneration':'v2'},'context':{'user':'u'}}"));
    }

    @Test
    void predictRecordsRequiresFeaturesBeforeSending() throws Exception {
        stub.on("POST", S + "/ep/predict-multi", 200, "{\"results\":[{},{}]}");

        node.predictRecords("ep", List.of(map("features", map("a", 1)), map("features", map("a", 2), "context", map("c", 1))),
                PredictionOptions.defaults().dispatchKey("k"));

        assertThat(stub.last().json()).isEqualTo(json("{'items':[{'features':{'a':1}},{'features':{'a':2},'context':{'c':1}}],"
                + "'explanations':{'enabled':null,'method':null,'nExplanations':null,'nMonteCarloSteps':null},'dispatch':{'dispatchKey':'k'}}"));
        assertThatThrownBy(() -> node.predictRecords("ep", List.of(map("a", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'features'");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void forecastAndEffects() throws Exception {
        stub.on("POST", S + "/fc/forecast", 200, "{\"results\":[]}")
                .on("POST", S + "/uplift/predict-effect", 200, "{\"result\":{\"predictedEffect\":0.1}}")
                .on("POST", S + "/uplift/predict-effect-multi", 200, "{\"results\":[]}");

        node.forecast("fc", List.of(map("date", "2024-01-01", "store", "A", "sales", 10)));
        node.predictEffect("uplift", map("x", 1), null, "dk");
        node.predictEffects("uplift", List.of(map("features", map("x", 1))));

        assertThat(stub.requests().get(0).json()).isEqualTo(json("{'items':[{'date':'2024-01-01','store':'A','sales':10}]}"));
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'features':{'x':1},'dispatch':{'dispatchKey':'dk'}}"));
        assertThat(stub.requests().get(2).json()).isEqualTo(json("{'items':[{'features':{'x':1}}]}"));
    }

    @Test
    void sqlQueryAndRunFunctionSendNoBodyWhenEmpty() throws Exception {
        stub.on("POST", S + "/q/query", 200, "{\"columns\":[\"a\"],\"rows\":[[\"1\"]]}")
                .on("POST", S + "/fn/run", 200, "42");

        node.sqlQuery("q", Map.of());
        node.sqlQuery("q", map("minAge", 30));
        assertThat(node.runFunction("fn", null).asInt()).isEqualTo(42);
        node.runFunction("fn", map("x", 1, "y", List.of(1, 2)));

        assertThat(stub.requests().get(0).body()).isEmpty();
        assertThat(stub.requests().get(0).header("Content-Type")).isNull();
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'minAge':30}"));
        assertThat(stub.requests().get(2).body()).isEmpty();
        assertThat(stub.requests().get(3).json()).isEqualTo(json("{'x':1,'y':[1,2]}"));
    }

    @Test
    void lookupRecordReturnsTheFirstResultOnly() throws Exception {
        stub.on("POST", S + "/lk/lookup", 200, "{\"results\":[{\"data\":{\"name\":\"Ann\"}},{\"data\":{\"name\":\"Bob\"}}]}")
                .on("POST", S + "/lk/lookup-multi", 200, "{\"results\":[{\"data\":{}}]}");

        assertThat(node.lookupRecord("lk", map("id", 1), map("ctx", true)).path("data").path("name").asText()).isEqualTo("Ann");
        node.lookupRecords("lk", List.of(map("data", map("id", 1))));

        assertThat(stub.requests().get(0).json()).isEqualTo(json("{'data':{'id':1},'context':{'ctx':true}}"));
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'items':[{'data':{'id':1}}]}"));
        assertThatThrownBy(() -> node.lookupRecords("lk", List.of(map("id", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'data'");
    }

    @Test
    void bearerTokenAnonymousAndErrors() {
        stub.on("POST", S + "/ep/predict", 401, "{\"errorType\":\"com.dataiku.lambda.exceptions.UnauthorizedException\",\"message\":\"Invalid API key\"}");

        APINodeClient bearer = APINodeClient.withBearerToken(stub.url(), "svc", "tok");
        APINodeClient anonymous = new APINodeClient(stub.url() + "/", "svc", null, null, ClientOptions.builder().extraHeader("X-A", "1").build());

        assertThatThrownBy(() -> bearer.predictRecord("ep", Map.of("a", 1)))
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("com.dataiku.lambda.exceptions.UnauthorizedException: Invalid API key");
                });
        assertThatThrownBy(() -> anonymous.predictRecord("ep", Map.of("a", 1))).isInstanceOf(DataikuException.class);

        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer tok");
        assertThat(stub.requests().get(1).header("Authorization")).isNull();
        assertThat(stub.requests().get(1).header("X-A")).isEqualTo("1");
        assertThat(stub.requests().get(1).path()).isEqualTo(S + "/ep/predict");
    }

    @Test
    void anExplanationMethodOutsideTheContractIsRefusedBeforeSending() {
        assertThatThrownBy(() -> PredictionOptions.defaults().explanationMethod("LIME"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHAPLEY or ICE");
        assertThat(PredictionOptions.defaults().explanationMethod("ICE")).isNotNull();
    }

    @Test
    void generatedCallsThroughCallAreTranslated() {
        stub.on("POST", S + "/ep/predict", 404, "{\"errorType\":\"NotFound\",\"message\":\"no endpoint\"}");

        assertThatThrownBy(() -> node.call(api -> new org.dsscontractkit.client.generated.apinode.api.PredictionApi(api)
                .predictRecord("svc", "ep", new org.dsscontractkit.client.generated.apinode.model.PredictionRequest().features(Map.of("a", 1)))))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }
}
