package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.ApiNodeConfig;
import org.dsscontractkit.apinode.ApiNodeServer;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.apinode.APINodeClient;
import org.dsscontractkit.client.apinode.PredictionOptions;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** APINodeClient against the API node half of the reference server (in-process, free loopback port, demo services). */
@ExtendWith(ContractValidationExtension.class)
class APINodeClientIT {

    @TempDir
    static Path dataDir;
    static ApiNodeServer server;
    static ValidatingProxy proxy;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = ApiNodeServer.start(new ApiNodeConfig(dataDir, null, "127.0.0.1", 0, List.of("it-apinode-admin"), true,
                Duration.ofSeconds(1), "python3"));
        proxy = ValidatingProxy.start(E2eRoute.apiNodeUpstream(server.baseUri()), ContractValidator.shared());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
    }

    private static APINodeClient service(String serviceId, String apiKey) {
        return new APINodeClient(proxy.uri().toString(), serviceId, apiKey);
    }

    @Test
    void predictRecordAndRecordsWithExplanations() {
        APINodeClient fraud = service("fraud_svc", "fraud-demo-key-0001");

        JsonNode one = fraud.predictRecord("fraud_detection",
                Map.of("customer_id", 2136, "transaction_amount", 233.33, "payment_type", "CB", "utm_medium", "campaign"),
                PredictionOptions.defaults().withExplanations(true).explanationMethod("ICE").nExplanations(2));
        assertThat(one.path("result").path("prediction").asText()).isEqualTo("FRAUDULENT");
        assertThat(one.path("result").path("explanations").size()).isEqualTo(2);

        JsonNode many = fraud.predictRecords("fraud_detection", List.of(
                Map.of("features", Map.of("transaction_amount", 10)), Map.of("features", Map.of("customer_id", 9999))),
                PredictionOptions.defaults().forcedGeneration("v1"));
        assertThat(many.path("results")).hasSize(2);
    }

    @Test
    void wrongKeyAndBadFeatureAreDataikuExceptions() {
        assertThatThrownBy(() -> service("fraud_svc", null).predictRecord("fraud_detection", Map.of("a", 1)))
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(401);
                    assertThat(e.getErrorType()).contains("Unauthorized");
                });
        assertThatThrownBy(() -> service("fraud_svc", "fraud-demo-key-0001").predictRecord("fraud_detection",
                Map.of("transaction_amount", "huge")))
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("transaction_amount");
                });
    }

    @Test
    void forecastAndEffects() {
        JsonNode forecast = service("forecast_svc", null).forecast("sales_forecast", List.of(
                Map.of("store", "A", "date", "2024-01-01", "sales", 10), Map.of("store", "A", "date", "2024-01-02", "sales", 20)));
        assertThat(forecast.path("results")).hasSize(3);
        assertThat(forecast.path("results").get(0).path("forecast").asDouble()).isCloseTo(30.0, within(1e-9));

        APINodeClient uplift = service("uplift_svc", null);
        assertThat(uplift.predictEffect("discount_effect", Map.of("basket_value", 60)).path("result").path("prediction").asDouble())
                .isCloseTo(4.0 + 0.05 * 60 - 0.8 * 2, within(1e-9));
        assertThat(uplift.predictEffects("discount_effect", List.of(Map.of("features", Map.of("channel", "web")))).path("results"))
                .hasSize(1);
    }

    @Test
    void sqlLookupAndFunction() {
        JsonNode sql = service("sql_svc", null).sqlQuery("simple_filter", Map.of("param1", 60, "param2", "female"));
        assertThat(sql.toString()).contains("276", "484", "830");

        APINodeClient lookup = service("lookup_svc", null);
        assertThat(lookup.lookupRecord("passenger_info", Map.of("PassengerId", 42)).path("data").path("Name").asText())
                .isEqualTo("Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)");
        assertThat(lookup.lookupRecords("passenger_info", List.of(Map.of("data", Map.of("PassengerId", 42)))).path("results"))
                .hasSize(1);

        assertThat(service("python_svc", null).runFunction("simple_sum", Map.of("param1", 30, "param2", 12)).toString()).contains("42");
    }
    /**
     * The GET variants (not in the Java or Python client): one query parameter per feature / argument / SQL
     * parameter / lookup key ({@code x-dynamic-query-parameters}), every value a string.
     */
    private static JsonNode getWithQuery(String serviceId, String endpointId, String verb, Map<String, String> query, String apiKey)
            throws Exception {
        StringBuilder uri = new StringBuilder(proxy.uri().toString()).append("/public/api/v1/").append(serviceId).append('/')
                .append(endpointId).append('/').append(verb);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            uri.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).GET().header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    @Test
    void predictSimpleGivesThePredictionOfPostPredict() throws Exception {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("customer_id", "2136");
        features.put("transaction_amount", "233.33");
        features.put("payment_type", "CB");
        features.put("utm_medium", "campaign");
        JsonNode viaGet = getWithQuery("fraud_svc", "fraud_detection", "predict-simple", features, "fraud-demo-key-0001");
        JsonNode viaPost = service("fraud_svc", "fraud-demo-key-0001").predictRecord("fraud_detection",
                Map.of("customer_id", 2136, "transaction_amount", 233.33, "payment_type", "CB", "utm_medium", "campaign"));

        assertThat(viaGet.path("result").path("prediction").asText()).isEqualTo("FRAUDULENT")
                .isEqualTo(viaPost.path("result").path("prediction").asText());
        assertThat(viaGet.path("result").path("probas")).isEqualTo(viaPost.path("result").path("probas"));
        assertThat(viaGet.path("apiContext").path("endpointId").asText()).isEqualTo("fraud_detection");

        // a different record gives a different answer: the query parameters are really read
        features.put("transaction_amount", "10");
        features.put("utm_medium", "organic");
        JsonNode other = getWithQuery("fraud_svc", "fraud_detection", "predict-simple", features, "fraud-demo-key-0001");
        assertThat(other.path("result").path("probas")).isNotEqualTo(viaGet.path("result").path("probas"));
    }

    @Test
    void runFunctionSqlQueryAndLookupWithQueryParameters() throws Exception {
        JsonNode run = getWithQuery("python_svc", "simple_sum", "run", Map.of("param1", "30", "param2", "12"), null);
        assertThat(run.path("response").asInt()).isEqualTo(42);
        assertThat(run.path("response")).isEqualTo(
                service("python_svc", null).runFunction("simple_sum", Map.of("param1", 30, "param2", 12)).path("response"));

        JsonNode queryGet = getWithQuery("sql_svc", "simple_filter", "query", Map.of("param1", "60", "param2", "female"), null);
        JsonNode queryPost = service("sql_svc", null).sqlQuery("simple_filter", Map.of("param1", 60, "param2", "female"));
        assertThat(queryGet.path("results")).isEqualTo(queryPost.path("results"));
        assertThat(queryGet.toString()).contains("276", "484", "830");

        JsonNode lookupGet = getWithQuery("lookup_svc", "passenger_info", "lookup-simple", Map.of("PassengerId", "42"), null);
        assertThat(lookupGet.path("results").path(0).path("data").path("Name").asText())
                .isEqualTo("Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)")
                .isEqualTo(service("lookup_svc", null).lookupRecord("passenger_info", Map.of("PassengerId", 42))
                        .path("data").path("Name").asText());
    }
}
