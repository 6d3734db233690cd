package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * A generalized linear model: logistic (binary), softmax (multiclass) or identity (regression, causal effect) link
 * over numeric and one-hot categorical features.
 */
public final class LinearModel {

    private final ModelKind kind;
    private final List<String> classes;
    private final double[] intercepts;
    private final List<ModelFeature> features;
    private final double threshold;
    private final double[] sortedReferenceScores;

    public LinearModel(ModelKind kind, List<String> classes, double[] intercepts, List<ModelFeature> features,
                       double threshold, double[] referenceScores) {
        this.kind = kind;
        this.classes = List.copyOf(classes);
        this.intercepts = intercepts.clone();
        this.features = List.copyOf(features);
        this.threshold = threshold;
        this.sortedReferenceScores = referenceScores == null ? null : referenceScores.clone();
        if (sortedReferenceScores != null) {
            Arrays.sort(sortedReferenceScores);
        }
    }

    public ModelKind kind() {
        return kind;
    }

    public List<String> classes() {
        return classes;
    }

    public List<ModelFeature> features() {
        return features;
    }

    public double threshold() {
        return threshold;
    }

    /** Number of linear outputs: one per class for multiclass, else one. */
    public int outputs() {
        return intercepts.length;
    }

    /** Prepared (typed, imputed) values in feature order, from a JSON object of raw features. */
    public Object[] prepare(JsonNode rawFeatures) {
        Object[] values = new Object[features.size()];
        for (int i = 0; i < values.length; i++) {
            ModelFeature feature = features.get(i);
            values[i] = feature.prepare(rawFeatures == null ? null : rawFeatures.get(feature.name()));
        }
        return values;
    }

    public Object[] baseline() {
        Object[] values = new Object[features.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = features.get(i).baseline();
        }
        return values;
    }

    /** The linear predictor: log-odds (binary), per-class logits (multiclass), or the prediction itself. */
    public double[] linear(Object[] values) {
        double[] out = intercepts.clone();
        for (int i = 0; i < values.length; i++) {
            features.get(i).addTo(values[i], out);
        }
        return out;
    }

    /** Class probabilities in {@link #classes()} order; they sum to 1. */
    public double[] probabilities(double[] linear) {
        if (kind == ModelKind.BINARY_CLASSIFICATION) {
            double positive = sigmoid(linear[0]);
            return new double[] {1 - positive, positive};
        }
        double max = Arrays.stream(linear).max().orElse(0);
        double[] p = new double[linear.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(linear[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Index of the predicted class. Binary: positive when its probability reaches the threshold. */
    public int predictedClass(double[] probas) {
        if (kind == ModelKind.BINARY_CLASSIFICATION) {
            return probas[1] >= threshold ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < probas.length; k++) {
            if (probas[k] > probas[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The quantity explanations decompose: log-odds of the positive class (binary), log-odds of the given class
     * (multiclass), the prediction (regression, causal effect).
     */
    public double explainedScore(Object[] values, int explainedClass) {
        double[] linear = linear(values);
        return switch (kind) {
            case BINARY_CLASSIFICATION -> linear[0];
            case MULTICLASS_CLASSIFICATION -> {
                double p = probabilities(linear)[explainedClass];
                double clipped = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
                yield Math.log(clipped / (1 - clipped));
            }
            default -> linear[0];
        };
    }

    public boolean hasReferenceScores() {
        return sortedReferenceScores != null && sortedReferenceScores.length > 0;
    }

    /** Percentage (0-100, rounded) of the reference population scoring at most {@code score}. */
    public int percentile(double score) {
        int n = sortedReferenceScores.length;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedReferenceScores[mid] <= score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (int) Math.round(100.0 * lo / n);
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
