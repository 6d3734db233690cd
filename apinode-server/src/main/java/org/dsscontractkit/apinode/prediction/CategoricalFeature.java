package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;

/**
 * A categorical input, one-hot encoded: each known level carries its own coefficients; an unknown level weighs
 * nothing (the dropped reference column). A missing value takes the imputed level when one is configured.
 */
public record CategoricalFeature(String name, Map<String, double[]> levels, String baselineLevel, String impute)
        implements ModelFeature {

    @Override
    public Object prepare(JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return impute;
        }
        if (raw.isContainerNode()) {
            throw NodeErrors.badInput("InvalidFeatureType",
                    "Feature '" + name + "' must be a category (string, number or boolean), got " + raw.getNodeType().name().toLowerCase()).at("features." + name, "type");
        }
        String text = raw.asText();
        return text.isEmpty() ? impute : text;
    }

    @Override
    public Object baseline() {
        return baselineLevel;
    }

    @Override
    public void addTo(Object preparedValue, double[] outputs) {
        if (preparedValue == null) {
            return;
        }
        double[] weights = levels.get((String) preparedValue);
        if (weights == null) {
            return;
        }
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] += weights[k];
        }
    }
}
