package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.generated.apinode.api.CausalPredictionApi;
import org.dsscontractkit.client.generated.apinode.api.ForecastApi;
import org.dsscontractkit.client.generated.apinode.api.FunctionsApi;
import org.dsscontractkit.client.generated.apinode.api.LookupsApi;
import org.dsscontractkit.client.generated.apinode.api.PredictionApi;
import org.dsscontractkit.client.generated.apinode.api.SqlQueriesApi;
import org.dsscontractkit.client.generated.apinode.invoker.ApiClient;
import org.dsscontractkit.client.generated.apinode.invoker.ApiException;
import org.dsscontractkit.client.generated.apinode.model.Dispatch;
import org.dsscontractkit.client.generated.apinode.model.EffectMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.EffectRequest;
import org.dsscontractkit.client.generated.apinode.model.ExplanationMethod;
import org.dsscontractkit.client.generated.apinode.model.ExplanationsRequest;
import org.dsscontractkit.client.generated.apinode.model.ForecastRequest;
import org.dsscontractkit.client.generated.apinode.model.LookupMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.LookupRequest;
import org.dsscontractkit.client.generated.apinode.model.PredictionItem;
import org.dsscontractkit.client.generated.apinode.model.PredictionMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.PredictionRequest;
import org.dsscontractkit.client.generated.apinode.model.PredictionResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user-API operation through the Java client generated from the same OpenAPI document. */
class GeneratedClientIT {

    @TempDir
    static Path dir;
    static TestNode node;
    static ApiClient client;
    static ApiClient fraudClient;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Map.of());
        client = newClient(null);
        fraudClient = newClient("fraud-demo-key-0001");
    }

    static ApiClient newClient(String key) {
        // the JDK client's defaults (HTTP/2: cleartext POSTs carry Upgrade: h2c, which the HTTP/1.1 container ignores)
        ApiClient c = new ApiClient();
        c.updateBaseUri(node.server.baseUri().toString());
        if (key != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", HttpHelper.basic(key)));
        }
        return c;
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void predictionOperations() throws Exception {
        PredictionApi api = new PredictionApi(fraudClient);
        PredictionResponse one = api.predictRecord("fraud_svc", "fraud_detection", new PredictionRequest()
                .features(Map.of("customer_id", 2136, "transaction_amount", 233.33, "payment_type", "CB", "utm_medium", "campaign"))
                .explanations(new ExplanationsRequest().enabled(true).method(ExplanationMethod.ICE).nExplanations(2)));
        assertThat(one.getResult().getPrediction()).isEqualTo("FRAUDULENT");
        assertThat(one.getResult().getProbas().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(one.getResult().getExplanations()).hasSize(2);
        assertThat(one.getApiContext().getServiceGeneration()).isEqualTo("v1");
        assertThat(one.getTiming().getPreProcessing()).isNotNull();

        var multi = api.predictRecords("fraud_svc", "fraud_detection", new PredictionMultiRequest()
                .addItemsItem(new PredictionItem().features(Map.of("transaction_amount", 10)))
                .addItemsItem(new PredictionItem().features(Map.of("customer_id", 9999)))
                .dispatch(new Dispatch().forcedGeneration("v1")));
        assertThat(multi.getResults()).hasSize(2);
        assertThat(multi.getResults().get(1).getIgnoreReason()).isEqualTo("MULTIPLE_LOOKUP_MATCHES");
        assertThat(new PredictionApi(client).predictSimple("pricing_svc", "house_price").getResult().getPrediction()).isNotNull();
    }

    @Test
    void errorsArriveAsApiExceptionsWithTheDssErrorBody() {
        assertThatThrownBy(() -> new PredictionApi(client).predictRecord("fraud_svc", "fraud_detection", new PredictionRequest().features(Map.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("UnauthorizedException");
                });
        assertThatThrownBy(() -> new PredictionApi(fraudClient).predictRecord("fraud_svc", "fraud_detection",
                new PredictionRequest().features(Map.of("transaction_amount", "huge"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("features.transaction_amount");
                });
        assertThatThrownBy(() -> new LookupsApi(client).lookupRecord("nope_svc", "x", new LookupRequest().data(Map.of("a", 1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void forecastAndEffectOperations() throws Exception {
        var forecast = new ForecastApi(client).forecast("forecast_svc", "sales_forecast", new ForecastRequest().items(List.of(
                Map.of("store", "A", "date", "2024-01-01", "sales", 10), Map.of("store", "A", "date", "2024-01-02", "sales", 20))));
        assertThat(forecast.getResults()).hasSize(3);
        assertThat(forecast.getResults().get(0).getForecast()).isCloseTo(30.0, within(1e-9));
        assertThat(forecast.getResults().get(2).getQuantilesValues()).hasSize(3);
        CausalPredictionApi causal = new CausalPredictionApi(client);
        assertThat(causal.predictEffect("uplift_svc", "discount_effect", new EffectRequest().features(Map.of("basket_value", 60)))
                .getResult().getPrediction()).isCloseTo(4.0 + 0.05 * 60 - 0.8 * 2, within(1e-9));
        assertThat(causal.predictEffects("uplift_svc", "discount_effect", new EffectMultiRequest()
                .addItemsItem(new PredictionItem().features(Map.of("channel", "web")))).getResults()).hasSize(1);
    }

    @Test
    void functionSqlAndLookupOperations() throws Exception {
        FunctionsApi functions = new FunctionsApi(client);
        assertThat(functions.runFunction("python_svc", "simple_sum", Map.of("param1", 30, "param2", 12)).getResponse()).isEqualTo(42);
        assertThatThrownBy(() -> functions.runFunctionWithQueryParams("python_svc", "simple_sum"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));

        SqlQueriesApi sql = new SqlQueriesApi(client);
        var rows = sql.sqlQuery("sql_svc", "simple_filter", Map.of("param1", 60, "param2", "female")).getResults().get(0).getRows();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("276", "484", "830");
        assertThatThrownBy(() -> sql.sqlQueryWithQueryParams("sql_svc", "simple_filter"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseBody()).contains("ERR_SQL_PARAMETER_COUNT_MISMATCH"));

        LookupsApi lookups = new LookupsApi(client);
        assertThat(lookups.lookupRecord("lookup_svc", "passenger_info", new LookupRequest().data(Map.of("PassengerId", 42)))
                .getResults().get(0).getData().get("Name")).isEqualTo("Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)");
        var multi = lookups.lookupRecords("lookup_svc", "passenger_info", new LookupMultiRequest()
                .addItemsItem(new LookupRequest().data(Map.of("PassengerId", 24)))
                .addItemsItem(new LookupRequest().data(Map.of("PassengerId", 777))));
        assertThat(multi.getResults().get(1).getIgnoreReason()).isEqualTo("NO_MATCH");
        assertThatThrownBy(() -> lookups.lookupSimple("lookup_svc", "passenger_info"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }
}
