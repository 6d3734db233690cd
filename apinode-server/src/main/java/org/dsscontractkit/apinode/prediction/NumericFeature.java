package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;

/**
 * A numeric input, optionally standardized ((x - mean) / std). Missing values are imputed (default: the mean), so
 * a record with the feature absent scores like the reference population.
 */
public record NumericFeature(String name, double[] coefficients, double mean, double std, double impute)
        implements ModelFeature {

    @Override
    public Object prepare(JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return impute;
        }
        if (raw.isNumber()) {
            return raw.doubleValue();
        }
        if (raw.isTextual()) {
            String text = raw.textValue().trim();
            if (text.isEmpty()) {
                return impute;
            }
            try {
                double value = Double.parseDouble(text);
                if (!Double.isNaN(value)) {
                    return value;
                }
                return impute;
            } catch (NumberFormatException e) {
                throw NodeErrors.badInput("InvalidFeatureType",
                        "Feature '" + name + "' must be numeric, got the string \"" + abbreviate(text) + "\"").at("features." + name, "type");
            }
        }
        throw NodeErrors.badInput("InvalidFeatureType",
                "Feature '" + name + "' must be numeric, got " + raw.getNodeType().name().toLowerCase()).at("features." + name, "type");
    }

    @Override
    public Object baseline() {
        return mean;
    }

    @Override
    public void addTo(Object preparedValue, double[] outputs) {
        double x = (Double) preparedValue;
        double z = std > 0 ? (x - mean) / std : x;
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] += coefficients[k] * z;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
