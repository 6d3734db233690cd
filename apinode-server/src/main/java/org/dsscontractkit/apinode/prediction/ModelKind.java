package org.dsscontractkit.apinode.prediction;

/** What a prediction endpoint's model predicts; decides which user-API verbs the endpoint answers. */
public enum ModelKind {
    BINARY_CLASSIFICATION, MULTICLASS_CLASSIFICATION, REGRESSION, CAUSAL_EFFECT, TIMESERIES_FORECAST;

    public boolean isClassification() {
        return this == BINARY_CLASSIFICATION || this == MULTICLASS_CLASSIFICATION;
    }
}
