package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionIT {

    static final String FRAUD = "/public/api/v1/fraud_svc/fraud_detection";
    static final String KEY = HttpHelper.basic("fraud-demo-key-0001");
    static final String NULL_EXPLANATIONS = "\"explanations\": {\"enabled\": null, \"method\": null, \"nExplanations\": null, \"nMonteCarloSteps\": null}";
    static final String SEED_FEATURES = "{\"customer_id\": 2136, \"transaction_amount\": 233.33, \"payment_type\": \"CB\","
            + " \"user-agent\": \"Mozilla/5.0 (Chrome)\", \"utm_medium\": \"campaign\"}";

    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void predictAsTheRealClientSendsIt() {
        Answer a = node.http.post(FRAUD + "/predict", "{\"features\": " + SEED_FEATURES + ", " + NULL_EXPLANATIONS + "}", KEY);
        assertThat(a.status()).isEqualTo(200);
        JsonNode result = a.json().get("result");
        assertThat(result.get("prediction").asText()).isEqualTo("FRAUDULENT");
        double fraud = result.at("/probas/FRAUDULENT").asDouble();
        assertThat(fraud + result.at("/probas/NOT_FRAUDULENT").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(fraud).isGreaterThan(0.5);
        assertThat(result.get("probaPercentile").asInt()).isBetween(50, 100);
        assertThat(result.has("explanations")).isFalse(); // endpoint default: disabled
        assertThat(a.text("/apiContext/serviceId")).isEqualTo("fraud_svc");
        assertThat(a.text("/apiContext/endpointId")).isEqualTo("fraud_detection");
        assertThat(a.text("/apiContext/serviceGeneration")).isEqualTo("v1");
        assertThat(a.json().get("timing").fieldNames()).toIterable().contains("preProcessing", "wait", "enrich", "prediction");
        assertThat(a.raw().headers().firstValue("DSS-API-Version")).isPresent();
    }

    @Test
    void probabilitiesMoveWithTheFeatures() {
        double small = fraudProba("{\"customer_id\": 4242, \"transaction_amount\": 5, \"payment_type\": \"PAYPAL\"}");
        double large = fraudProba("{\"customer_id\": 4242, \"transaction_amount\": 900, \"payment_type\": \"GIFT_CARD\"}");
        assertThat(large).isGreaterThan(small + 0.3);
    }

    private double fraudProba(String features) {
        Answer a = node.http.post(FRAUD + "/predict", "{\"features\": " + features + "}", KEY);
        assertThat(a.status()).isEqualTo(200);
        return a.json().at("/result/probas/FRAUDULENT").asDouble();
    }

    @Test
    void explanationsOnDemandTopNByAbsoluteValue() {
        Answer a = node.http.post(FRAUD + "/predict", "{\"features\": " + SEED_FEATURES
                + ", \"explanations\": {\"enabled\": true, \"method\": \"ICE\", \"nExplanations\": 2, \"nMonteCarloSteps\": null}}", KEY);
        JsonNode explanations = a.json().at("/result/explanations");
        assertThat(explanations.size()).isEqualTo(2);
        // transaction_amount: 1.2 * (233.33 - 120) / 90; utm_medium campaign: 0.9
        assertThat(explanations.get("transaction_amount").asDouble()).isCloseTo(1.2 * (233.33 - 120) / 90, within(1e-9));
        assertThat(explanations.get("utm_medium").asDouble()).isCloseTo(0.9, within(1e-9));
        Answer shapley = node.http.post(FRAUD + "/predict", "{\"features\": " + SEED_FEATURES
                + ", \"explanations\": {\"enabled\": true, \"method\": \"SHAPLEY\", \"nExplanations\": 3, \"nMonteCarloSteps\": 25}}", KEY);
        assertThat(shapley.json().at("/result/explanations").size()).isEqualTo(3);
        assertThat(shapley.json().at("/result/explanations/transaction_amount").asDouble()).isCloseTo(1.2 * (233.33 - 120) / 90, within(1e-6));
    }

    @Test
    void badExplanationSettingsAre400() {
        Answer a = node.http.post(FRAUD + "/predict", "{\"features\": {}, \"explanations\": {\"enabled\": true, \"method\": \"LIME\"}}", KEY);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("/field")).isEqualTo("explanations.method");
        Answer steps = node.http.post(FRAUD + "/predict", "{\"features\": {}, \"explanations\": {\"nMonteCarloSteps\": 5000}}", KEY);
        assertThat(steps.status()).isEqualTo(400);
    }

    @Test
    void predictMultiScoresEachItemAndEnrichmentMultiMatchIsIgnored() {
        Answer a = node.http.post(FRAUD + "/predict-multi", "{\"items\": [{\"features\": " + SEED_FEATURES + ", \"context\": {\"frontend_id\": 2}},"
                + " {\"features\": {\"customer_id\": 9999, \"transaction_amount\": 10}},"
                + " {\"features\": {\"customer_id\": 1235, \"transaction_amount\": 2.17, \"utm_medium\": \"mailing\"}}], " + NULL_EXPLANATIONS + "}", KEY);
        assertThat(a.status()).isEqualTo(200);
        JsonNode results = a.json().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("prediction").asText()).isEqualTo("FRAUDULENT");
        assertThat(results.get(1).get("ignored").asBoolean()).isTrue();
        assertThat(results.get(1).get("ignoreReason").asText()).isEqualTo("MULTIPLE_LOOKUP_MATCHES");
        assertThat(results.get(2).get("prediction").asText()).isEqualTo("NOT_FRAUDULENT");
    }

    @Test
    void predictSimpleTakesFeaturesAsQueryParameters() {
        Answer a = node.http.get(FRAUD + "/predict-simple?transaction_amount=233.33&payment_type=CB&utm_medium=campaign&customer_id=2136", KEY);
        assertThat(a.status()).isEqualTo(200);
        Answer post = node.http.post(FRAUD + "/predict", "{\"features\": {\"transaction_amount\": 233.33, \"payment_type\": \"CB\","
                + " \"utm_medium\": \"campaign\", \"customer_id\": 2136}}", KEY);
        assertThat(a.json().at("/result/probas/FRAUDULENT").asDouble()).isCloseTo(post.json().at("/result/probas/FRAUDULENT").asDouble(), within(1e-12));
    }

    @Test
    void wrongFeatureTypeIs400NamingTheFeature() {
        Answer a = node.http.post(FRAUD + "/predict", "{\"features\": {\"transaction_amount\": \"a lot\"}}", KEY);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("/field")).isEqualTo("features.transaction_amount");
        assertThat(a.text("/message")).contains("transaction_amount");
        Answer multi = node.http.post(FRAUD + "/predict-multi", "{\"items\": [{\"features\": {}}, {\"features\": {\"transaction_amount\": true}}]}", KEY);
        assertThat(multi.status()).isEqualTo(400);
        assertThat(multi.text("/field")).isEqualTo("items[1].features.transaction_amount");
    }

    @Test
    void malformedOrMissingBodiesAre400NotServerErrors() {
        assertThat(node.http.post(FRAUD + "/predict", "{not json", KEY).status()).isEqualTo(400);
        assertThat(node.http.post(FRAUD + "/predict", null, KEY).status()).isEqualTo(400);
        assertThat(node.http.post(FRAUD + "/predict", "[1,2]", KEY).status()).isEqualTo(400);
        assertThat(node.http.post(FRAUD + "/predict-multi", "{\"items\": 3}", KEY).status()).isEqualTo(400);
        assertThat(node.http.post(FRAUD + "/predict", "{\"features\": {}, \"dispatch\": \"x\"}", KEY).status()).isEqualTo(400);
    }

    @Test
    void authBasicBearerMissingAndWrongKeys() {
        String body = "{\"features\": {}}";
        assertThat(node.http.post(FRAUD + "/predict", body, KEY).status()).isEqualTo(200);
        assertThat(node.http.post(FRAUD + "/predict", body, "Bearer fraud-demo-key-0001").status()).isEqualTo(200);
        Answer none = node.http.post(FRAUD + "/predict", body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text("/errorType")).isEqualTo("com.dataiku.dip.exceptions.UnauthorizedException");
        assertThat(node.http.post(FRAUD + "/predict", body, HttpHelper.basic("wrong-key-000")).status()).isEqualTo(401);
        // public services need no key
        assertThat(node.http.post("/public/api/v1/pricing_svc/house_price/predict", body).status()).isEqualTo(200);
    }

    @Test
    void unknownServiceOrEndpointIs404() {
        Answer service = node.http.post("/public/api/v1/nope_svc/x/predict", "{}");
        assertThat(service.status()).isEqualTo(404);
        assertThat(service.text("/code")).isEqualTo("ERR_SERVICE_NOT_FOUND");
        assertThat(service.text("/errorType")).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");
        Answer endpoint = node.http.post("/public/api/v1/fraud_svc/nope/predict", "{}", KEY);
        assertThat(endpoint.status()).isEqualTo(404);
        assertThat(endpoint.text("/code")).isEqualTo("ERR_ENDPOINT_NOT_FOUND");
        assertThat(node.http.post("/public/api/v1/fraud_svc/fraud_detection/explode", "{}", KEY).status()).isEqualTo(404);
    }

    @Test
    void regressionAndMulticlassEndpoints() {
        Answer price = node.http.post("/public/api/v1/pricing_svc/house_price/predict",
                "{\"features\": {\"surface_m2\": 100, \"rooms\": 4, \"city\": \"Lyon\", \"has_garden\": true}, " + NULL_EXPLANATIONS + "}");
        assertThat(price.json().at("/result/prediction").asDouble()).isEqualTo(50000 + 3000 * 100 + 5000 * 4 + 90000 + 15000.0);
        assertThat(price.json().at("/result/explanations").size()).isEqualTo(0 + 0); // explanations off by default
        Answer iris = node.http.post("/public/api/v1/iris_svc/iris_species/predict",
                "{\"features\": {\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2},"
                        + " \"explanations\": {\"enabled\": true, \"method\": null, \"nExplanations\": null, \"nMonteCarloSteps\": 100}}");
        assertThat(iris.json().at("/result/prediction").asText()).isEqualTo("setosa");
        JsonNode probas = iris.json().at("/result/probas");
        assertThat(probas.get("setosa").asDouble() + probas.get("versicolor").asDouble() + probas.get("virginica").asDouble())
                .isCloseTo(1.0, within(1e-9));
        assertThat(iris.json().at("/result/explanationMethod").asText()).isEqualTo("SHAPLEY");
        assertThat(iris.json().at("/result/explanations").size()).isEqualTo(4);
    }

    @Test
    void forecastAndEffectEndpointsAndWrongKinds() {
        Answer forecast = node.http.post("/public/api/v1/forecast_svc/sales_forecast/forecast", "{\"items\": ["
                + "{\"store\": \"A\", \"date\": \"2024-01-01\", \"sales\": 10}, {\"store\": \"A\", \"date\": \"2024-01-02\", \"sales\": 12},"
                + "{\"store\": \"A\", \"date\": \"2024-01-03\", \"sales\": 14}, {\"store\": \"B\", \"date\": \"2024-01-03\", \"sales\": 5}]}");
        assertThat(forecast.status()).isEqualTo(200);
        JsonNode results = forecast.json().get("results");
        assertThat(results).hasSize(4); // 3 steps for A, B ignored
        assertThat(results.get(0).get("forecast").asDouble()).isCloseTo(16.0, within(1e-9));
        assertThat(results.get(0).get("time").asText()).isEqualTo("2024-01-04T00:00:00Z");
        assertThat(results.get(3).get("ignoreReason").asText()).isEqualTo("NOT_ENOUGH_HISTORY");
        Answer effect = node.http.post("/public/api/v1/uplift_svc/discount_effect/predict-effect", "{\"features\": {\"basket_value\": 100, \"channel\": \"web\"}}");
        assertThat(effect.json().at("/result/prediction").asDouble()).isCloseTo(4.0 + 0.05 * 100 + -0.8 * 2 + 2.5, within(1e-9));
        Answer effects = node.http.post("/public/api/v1/uplift_svc/discount_effect/predict-effect-multi",
                "{\"items\": [{\"features\": {}}, {\"features\": {\"loyalty_years\": 5}}]}");
        assertThat(effects.json().get("results")).hasSize(2);

        Answer wrong = node.http.post(FRAUD + "/forecast", "{\"items\": []}", KEY);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("/code")).isEqualTo("ERR_WRONG_ENDPOINT_KIND");
        assertThat(wrong.text("/errorType")).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(node.http.post(FRAUD + "/predict-effect", "{\"features\": {}}", KEY).status()).isEqualTo(400);
        assertThat(node.http.post("/public/api/v1/uplift_svc/discount_effect/predict", "{\"features\": {}}").status()).isEqualTo(400);
        assertThat(node.http.post("/public/api/v1/sql_svc/simple_filter/predict", "{\"features\": {}}").status()).isEqualTo(400);
    }
}
