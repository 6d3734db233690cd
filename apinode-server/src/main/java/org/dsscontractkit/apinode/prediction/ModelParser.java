package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.service.ServiceFileException;

/** Builds a {@link LinearModel} from the {@code model} block of a service file (already schema-valid). */
public final class ModelParser {

    private ModelParser() {
    }

    public static LinearModel parse(JsonNode model, String path) {
        ModelKind kind = ModelKind.valueOf(model.path("kind").asText());
        List<String> classes = new ArrayList<>();
        model.path("classes").forEach(c -> classes.add(c.asText()));
        if (kind == ModelKind.BINARY_CLASSIFICATION && classes.size() != 2) {
            throw new ServiceFileException(path + "/classes", "binaryClasses",
                    "a BINARY_CLASSIFICATION model needs exactly 2 classes [negative, positive], got " + classes.size());
        }
        List<String> outputs = kind == ModelKind.MULTICLASS_CLASSIFICATION ? classes : List.of("value");
        double[] intercepts = weights(model.get("intercept"), outputs, path + "/intercept", true);
        List<ModelFeature> features = new ArrayList<>();
        JsonNode featureNodes = model.path("features");
        for (int i = 0; i < featureNodes.size(); i++) {
            features.add(feature(featureNodes.get(i), outputs, path + "/features/" + i));
        }
        double[] reference = null;
        if (model.has("referenceScores")) {
            reference = new double[model.get("referenceScores").size()];
            for (int i = 0; i < reference.length; i++) {
                reference[i] = model.get("referenceScores").get(i).asDouble();
            }
        }
        return new LinearModel(kind, classes, intercepts, features, model.path("threshold").asDouble(0.5), reference);
    }

    private static ModelFeature feature(JsonNode node, List<String> outputs, String path) {
        String name = node.get("name").asText();
        if ("NUMERIC".equals(node.get("type").asText())) {
            double[] coefficients = weights(node.get("coefficient"), outputs, path + "/coefficient", false);
            double mean = node.path("mean").asDouble(0);
            double std = node.path("std").asDouble(0);
            double impute = node.has("impute") ? node.get("impute").asDouble() : mean;
            return new NumericFeature(name, coefficients, mean, std, impute);
        }
        Map<String, double[]> levels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.get("levels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> level = it.next();
            levels.put(level.getKey(), weights(level.getValue(), outputs, path + "/levels/" + level.getKey(), false));
        }
        String baseline = node.has("baseline") ? node.get("baseline").asText() : levels.keySet().iterator().next();
        String impute = node.has("impute") ? node.get("impute").asText() : null;
        if (node.has("baseline") && !levels.containsKey(baseline)) {
            throw new ServiceFileException(path + "/baseline", "knownLevel", "baseline level '" + baseline + "' is not one of levels " + levels.keySet());
        }
        return new CategoricalFeature(name, levels, baseline, impute);
    }

    private static double[] weights(JsonNode node, List<String> outputs, String path, boolean optional) {
        double[] result = new double[outputs.size()];
        if (node == null || node.isNull()) {
            if (optional) {
                return result;
            }
            throw new ServiceFileException(path, "required", "a coefficient is required");
        }
        if (node.isNumber()) {
            if (outputs.size() != 1) {
                throw new ServiceFileException(path, "perClass", "a multiclass model needs one coefficient per class " + outputs);
            }
            result[0] = node.asDouble();
            return result;
        }
        if (outputs.size() == 1) {
            throw new ServiceFileException(path, "number", "this model takes a single number here, not one per class");
        }
        for (int k = 0; k < outputs.size(); k++) {
            JsonNode value = node.get(outputs.get(k));
            if (value == null) {
                throw new ServiceFileException(path, "perClass", "missing the coefficient of class '" + outputs.get(k) + "'");
            }
            result[k] = value.asDouble();
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!outputs.contains(name)) {
                throw new ServiceFileException(path + "/" + name, "knownClass", "'" + name + "' is not one of the classes " + outputs);
            }
        }
        return result;
    }
}
