package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;

/** One input of a linear model: turns a raw JSON feature value into its contribution to each model output. */
public sealed interface ModelFeature permits NumericFeature, CategoricalFeature {

    String name();

    /** The value the model uses for this raw input (imputed when missing); a 400 naming the feature on a wrong type. */
    Object prepare(JsonNode raw);

    /** The reference value explanations are measured against. */
    Object baseline();

    /** Adds this feature's weighted value to every output of the linear predictor. */
    void addTo(Object preparedValue, double[] outputs);
}
