package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
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

    @BeforeAll
    static void start() {
        server = ApiNodeServer.start(new ApiNodeConfig(dataDir, null, "127.0.0.1", 0, List.of("it-apinode-admin"), true,
                Duration.ofSeconds(1), "python3"));
        proxy = ValidatingProxy.start(server.baseUri(), ContractValidator.shared());
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
}
