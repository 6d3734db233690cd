package org.dsscontractkit.apinode.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Arrays;
import java.util.Map;
import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LinearModel model(String yaml) throws Exception {
        return ModelParser.parse(YAML.readTree(yaml), "/model");
    }

    private static final String BINARY = """
            kind: BINARY_CLASSIFICATION
            classes: [no_buy, buy]
            intercept: -1.0
            referenceScores: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
            features:
              - {name: amount, type: NUMERIC, coefficient: 0.5, mean: 10, std: 2}
              - {name: kind, type: CATEGORY, baseline: a, levels: {a: 0.0, b: 1.5, c: -2.0}}
            """;

    @Test
    void binaryProbabilitiesMatchTheLogisticFunction() throws Exception {
        LinearModel m = model(BINARY);
        Object[] values = m.prepare(JSON.readTree("{\"amount\": 14, \"kind\": \"b\"}"));
        double logit = -1.0 + 0.5 * (14 - 10) / 2.0 + 1.5; // 1.5
        double expected = 1 / (1 + Math.exp(-logit));
        double[] p = m.probabilities(m.linear(values));
        assertThat(p[1]).isCloseTo(expected, within(1e-12));
        assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
        assertThat(m.classes().get(m.predictedClass(p))).isEqualTo("buy");
        assertThat(m.percentile(p[1])).isEqualTo(80); // 0.8176: 8 of 10 reference scores are <= it
    }

    @Test
    void missingValuesAreImputedAndUnknownLevelsWeighNothing() throws Exception {
        LinearModel m = model(BINARY);
        Object[] values = m.prepare(JSON.readTree("{\"kind\": \"zzz\"}"));
        assertThat(m.linear(values)[0]).isCloseTo(-1.0, within(1e-12));
        Object[] fromString = m.prepare(JSON.readTree("{\"amount\": \"12\", \"kind\": null}"));
        assertThat(m.linear(fromString)[0]).isCloseTo(-1.0 + 0.5, within(1e-12));
    }

    @Test
    void wrongFeatureTypeIsA400NamingTheFeature() throws Exception {
        LinearModel m = model(BINARY);
        assertThatThrownBy(() -> m.prepare(JSON.readTree("{\"amount\": \"lots\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("features.amount");
                    assertThat(e.getMessage()).contains("amount").contains("numeric");
                });
        assertThatThrownBy(() -> m.prepare(JSON.readTree("{\"kind\": {\"x\": 1}}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("features.kind"));
    }

    @Test
    void iceIsTheExactContributionOfEachFeatureOfALinearModel() throws Exception {
        LinearModel m = model(BINARY);
        Object[] values = m.prepare(JSON.readTree("{\"amount\": 7, \"kind\": \"c\"}"));
        double[] ice = Explainer.ice(m, values, 1);
        assertThat(ice[0]).isCloseTo(0.5 * (7 - 10) / 2.0, within(1e-12));
        assertThat(ice[1]).isCloseTo(-2.0, within(1e-12));
        Map<String, Double> top = Explainer.top(m, ice, 1);
        assertThat(top).containsOnlyKeys("kind");
    }

    @Test
    void shapleyOfAnAdditiveModelEqualsIce() throws Exception {
        LinearModel m = model(BINARY);
        Object[] values = m.prepare(JSON.readTree("{\"amount\": 3, \"kind\": \"b\"}"));
        double[] shapley = Explainer.shapley(m, values, 1, 50, 42);
        double[] ice = Explainer.ice(m, values, 1);
        for (int i = 0; i < ice.length; i++) {
            assertThat(shapley[i]).isCloseTo(ice[i], within(1e-9));
        }
    }

    private static final String MULTICLASS = """
            kind: MULTICLASS_CLASSIFICATION
            classes: [setosa, versicolor, virginica]
            intercept: {setosa: 9.85, versicolor: 2.24, virginica: -12.09}
            features:
              - {name: sepal_length, type: NUMERIC, mean: 5.84, coefficient: {setosa: -0.42, versicolor: 0.53, virginica: -0.11}}
              - {name: sepal_width, type: NUMERIC, mean: 3.06, coefficient: {setosa: 0.97, versicolor: -0.32, virginica: -0.64}}
              - {name: petal_length, type: NUMERIC, mean: 3.76, coefficient: {setosa: -2.52, versicolor: -0.21, virginica: 2.73}}
              - {name: petal_width, type: NUMERIC, mean: 1.20, coefficient: {setosa: -1.08, versicolor: -0.94, virginica: 2.02}}
            """;

    @Test
    void softmaxProbabilitiesMatchHandComputedValuesAndSumToOne() throws Exception {
        LinearModel m = model(MULTICLASS);
        Object[] values = m.prepare(JSON.readTree("{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}"));
        double s = 9.85 - 0.42 * 5.1 + 0.97 * 3.5 - 2.52 * 1.4 - 1.08 * 0.2;
        double ve = 2.24 + 0.53 * 5.1 - 0.32 * 3.5 - 0.21 * 1.4 - 0.94 * 0.2;
        double vi = -12.09 - 0.11 * 5.1 - 0.64 * 3.5 + 2.73 * 1.4 + 2.02 * 0.2;
        double z = Math.exp(s) + Math.exp(ve) + Math.exp(vi);
        double[] p = m.probabilities(m.linear(values));
        assertThat(p[0]).isCloseTo(Math.exp(s) / z, within(1e-12));
        assertThat(p[1]).isCloseTo(Math.exp(ve) / z, within(1e-12));
        assertThat(p[2]).isCloseTo(Math.exp(vi) / z, within(1e-12));
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(m.classes().get(m.predictedClass(p))).isEqualTo("setosa");
    }

    @Test
    void shapleyValuesSumToPredictionMinusBaseline() throws Exception {
        LinearModel m = model(MULTICLASS);
        Object[] values = m.prepare(JSON.readTree("{\"sepal_length\": 6.7, \"sepal_width\": 3.0, \"petal_length\": 5.2, \"petal_width\": 2.3}"));
        int predicted = m.predictedClass(m.probabilities(m.linear(values)));
        assertThat(m.classes().get(predicted)).isEqualTo("virginica");
        double[] phi = Explainer.shapley(m, values, predicted, 200, 7);
        double total = Arrays.stream(phi).sum();
        double expected = m.explainedScore(values, predicted) - m.explainedScore(m.baseline(), predicted);
        assertThat(total).isCloseTo(expected, within(1e-6));
        // petal measurements drive virginica, far more than sepals
        assertThat(Math.abs(phi[2])).isGreaterThan(Math.abs(phi[1]));
        assertThat(Math.abs(phi[3])).isGreaterThan(Math.abs(phi[1]));
    }

    @Test
    void shapleyEstimateConvergesWithMoreSteps() throws Exception {
        LinearModel m = model(MULTICLASS);
        Object[] values = m.prepare(JSON.readTree("{\"sepal_length\": 6.0, \"sepal_width\": 2.7, \"petal_length\": 4.5, \"petal_width\": 1.5}"));
        double[] a = Explainer.shapley(m, values, 1, 1000, 1);
        double[] b = Explainer.shapley(m, values, 1, 1000, 2);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(0.05));
        }
    }

    @Test
    void regressionIsTheLinearPrediction() throws Exception {
        LinearModel m = model("""
                kind: REGRESSION
                intercept: 100
                features:
                  - {name: x, type: NUMERIC, coefficient: 2, mean: 0}
                  - {name: city, type: CATEGORY, levels: {a: 0, b: 50}}
                """);
        JsonNode features = JSON.readTree("{\"x\": 4, \"city\": \"b\"}");
        assertThat(m.linear(m.prepare(features))[0]).isEqualTo(158.0);
    }

    @Test
    void explanationRequestNullMembersKeepTheEndpointDefaults() throws Exception {
        ExplanationRequest defaults = ExplanationRequest.defaults(JSON.readTree("{\"method\": \"SHAPLEY\", \"nExplanations\": 2}"));
        ExplanationRequest merged = defaults.merge(JSON.readTree(
                "{\"enabled\": true, \"method\": null, \"nExplanations\": null, \"nMonteCarloSteps\": null}"), "explanations");
        assertThat(merged).isEqualTo(new ExplanationRequest(true, Explainer.Method.SHAPLEY, 2, 100));
        assertThatThrownBy(() -> defaults.merge(JSON.readTree("{\"nMonteCarloSteps\": 5}"), "explanations"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("explanations.nMonteCarloSteps"));
    }
}
