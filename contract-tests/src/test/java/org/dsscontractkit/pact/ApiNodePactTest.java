package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsscontractkit.client.apinode.APINodeClient;
import org.dsscontractkit.client.apinode.PredictionOptions;
import org.dsscontractkit.contract.provider.ProviderStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@link APINodeClient} expects from an API node: predict, lookup, SQL query and function endpoints. Verified
 * against the reference server's in-process API node by {@code ApiNodePactIT}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ProviderStates.APINODE_PROVIDER, pactVersion = PactSpecVersion.V4)
class ApiNodePactTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    // the Java client labels its JSON bodies (the Python one does not; providers must accept both)
    private static final String JSON_TYPE = "application/json(;\\s*charset=.*)?";
    private static final String FRAUD_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((PactNames.FRAUD_KEY + ":").getBytes(StandardCharsets.UTF_8));

    private static PactDslJsonBody apiContext(PactDslJsonBody body, String service, String endpoint) {
        return body.object("apiContext").stringValue("serviceId", service).stringValue("endpointId", endpoint)
                .stringType("serviceGeneration", "v1").closeObject().asBody();
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact predict(PactDslWithProvider builder) {
        return builder.given(ProviderStates.DEMO_SERVICES)
                .uponReceiving("a prediction request for one record")
                .method("POST").path("/public/api/v1/fraud_svc/fraud_detection/predict")
                .headers("Authorization", FRAUD_AUTH)
                .body(new PactDslJsonBody().object("features").numberValue("customer_id", 2136)
                        .numberValue("transaction_amount", 233.33).stringValue("payment_type", "CB").closeObject()
                        .object("explanations").booleanValue("enabled", true).stringValue("method", "ICE")
                        .numberValue("nExplanations", 2).nullValue("nMonteCarloSteps").closeObject())
                .matchHeader("Content-Type", JSON_TYPE, "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(apiContext(new PactDslJsonBody().object("result")
                        .stringMatcher("prediction", "FRAUDULENT|NOT_FRAUDULENT", "FRAUDULENT")
                        .booleanType("ignored", false)
                        .object("explanations").decimalType("transaction_amount", 1.51).closeObject()
                        .object("probas").decimalType("FRAUDULENT", 0.65).decimalType("NOT_FRAUDULENT", 0.35).closeObject()
                        .closeObject().asBody(), "fraud_svc", "fraud_detection"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "predict")
    void predictRecord(MockServer mockServer) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("customer_id", 2136);
        features.put("transaction_amount", 233.33);
        features.put("payment_type", "CB");
        var answer = new APINodeClient(mockServer.getUrl(), "fraud_svc", PactNames.FRAUD_KEY)
                .predictRecord("fraud_detection", features,
                        PredictionOptions.defaults().withExplanations(true).explanationMethod("ICE").nExplanations(2));
        assertThat(answer.path("result").path("prediction").asText()).isEqualTo("FRAUDULENT");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact lookup(PactDslWithProvider builder) {
        return builder.given(ProviderStates.DEMO_SERVICES)
                .uponReceiving("a lookup of one record")
                .method("POST").path("/public/api/v1/lookup_svc/passenger_info/lookup")
                .body(new PactDslJsonBody().object("data").numberValue("PassengerId", 42).closeObject())
                .matchHeader("Content-Type", JSON_TYPE, "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(apiContext(new PactDslJsonBody().minArrayLike("results", 1)
                        .object("data").stringType("Name", "Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)").closeObject()
                        .closeObject().closeArray().asBody(), "lookup_svc", "passenger_info"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "lookup")
    void lookupRecord(MockServer mockServer) {
        var answer = new APINodeClient(mockServer.getUrl(), "lookup_svc", null)
                .lookupRecord("passenger_info", Map.of("PassengerId", 42));
        assertThat(answer.path("data").path("Name").asText()).startsWith("Turpin");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact sqlQuery(PactDslWithProvider builder) {
        return builder.given(ProviderStates.DEMO_SERVICES)
                .uponReceiving("a parameterised SQL query")
                .method("POST").path("/public/api/v1/sql_svc/simple_filter/query")
                .body(new PactDslJsonBody().numberValue("param1", 60).stringValue("param2", "female"))
                .matchHeader("Content-Type", JSON_TYPE, "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(apiContext(new PactDslJsonBody().minArrayLike("results", 1)
                        .minArrayLike("columns", 1).stringType("name", "PassengerId").stringType("type", "bigint").closeObject().closeArray()
                        .eachArrayLike("rows").stringType("276").closeArray().closeArray()
                        .closeObject().closeArray().asBody(), "sql_svc", "simple_filter"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sqlQuery")
    void sqlQuery(MockServer mockServer) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("param1", 60);
        params.put("param2", "female");
        var answer = new APINodeClient(mockServer.getUrl(), "sql_svc", null).sqlQuery("simple_filter", params);
        assertThat(answer.path("results").get(0).path("columns").get(0).path("name").asText()).isEqualTo("PassengerId");
    }

    @Pact(consumer = PactNames.CONSUMER)
    V4Pact runFunction(PactDslWithProvider builder) {
        return builder.given(ProviderStates.DEMO_SERVICES)
                .uponReceiving("a function call")
                .method("POST").path("/public/api/v1/python_svc/simple_sum/run")
                .body(new PactDslJsonBody().numberValue("param1", 30).numberValue("param2", 12))
                .matchHeader("Content-Type", JSON_TYPE, "application/json")
                .willRespondWith().status(200).headers(JSON)
                .body(apiContext(new PactDslJsonBody().integerType("response", 42), "python_svc", "simple_sum"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "runFunction")
    void runFunction(MockServer mockServer) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("param1", 30);
        args.put("param2", 12);
        var answer = new APINodeClient(mockServer.getUrl(), "python_svc", null).runFunction("simple_sum", args);
        assertThat(answer.path("response").asInt()).isEqualTo(42);
    }
}
