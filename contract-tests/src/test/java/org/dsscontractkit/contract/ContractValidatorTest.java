package org.dsscontractkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exchanges validated without HTTP: which query parameters the contract lets through. */
class ContractValidatorTest {

    private static final List<OpenApiDocument> DOCUMENTS = OpenApiDocument.bundled();
    private final ContractValidator validator = new ContractValidator(DOCUMENTS);

    private static Response json(String body) {
        return SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build();
    }

    @Test
    void undeclaredQueryParametersAreTheContractOfTheDynamicQueryOperations() {
        Request predictSimple = SimpleRequest.Builder.get("/public/api/v1/fraud_svc/fraud_detection/predict-simple")
                .withQueryParam("customer_id", "2136").withQueryParam("payment_type", "CB").build();
        Request lookupSimple = SimpleRequest.Builder.get("/public/api/v1/lookup_svc/passenger_info/lookup-simple")
                .withQueryParam("PassengerId", "42").build();

        assertThat(validator.validate("predict-simple", predictSimple, json("{\"result\":{\"prediction\":\"FRAUDULENT\"}}")))
                .isEmpty();
        assertThat(validator.validate("lookup-simple", lookupSimple, json("{\"results\":[{\"data\":{\"Name\":\"x\"}}]}")))
                .isEmpty();
        assertThat(validator.coverage().exercised()).extracting(SpecOperation::operationId)
                .containsExactly("predictSimple", "lookupSimple");
    }

    @Test
    void undeclaredQueryParametersElsewhereAreStillViolations() {
        Request predictPost = SimpleRequest.Builder.post("/public/api/v1/fraud_svc/fraud_detection/predict")
                .withContentType("application/json").withBody("{\"features\":{\"customer_id\":2136}}")
                .withQueryParam("customer_id", "2136").build();

        assertThat(validator.validate("predict", predictPost, json("{\"result\":{\"prediction\":\"FRAUDULENT\"}}")))
                .extracting(Violation::rule).containsExactly("validation.request.parameter.query.unexpected");
    }

    @Test
    void theResponseOfADynamicQueryOperationIsStillValidated() {
        Request predictSimple = SimpleRequest.Builder.get("/public/api/v1/fraud_svc/fraud_detection/predict-simple")
                .withQueryParam("customer_id", "2136").build();

        assertThat(validator.validate("predict-simple", predictSimple, json("{\"prediction\":\"FRAUDULENT\"}")))
                .extracting(Violation::rule).containsExactly("validation.response.body.schema.required");
    }
}
