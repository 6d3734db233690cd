package org.dsscontractkit.apinode.prediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-feature explanations of one prediction, on the model's explained score (see
 * {@link LinearModel#explainedScore}).
 *
 * <p>ICE: the score change when the feature alone goes from its baseline to its value; exact contributions for
 * additive (binary, regression) models. SHAPLEY: Monte-Carlo permutation sampling; each sampled permutation's
 * marginal contributions add up to score(record) - score(baseline), so the estimate does too.
 */
public final class Explainer {

    public enum Method { ICE, SHAPLEY }

    private Explainer() {
    }

    public static double[] ice(LinearModel model, Object[] values, int explainedClass) {
        double full = model.explainedScore(values, explainedClass);
        Object[] baseline = model.baseline();
        double[] contributions = new double[values.length];
        Object[] probe = values.clone();
        for (int i = 0; i < values.length; i++) {
            probe[i] = baseline[i];
            contributions[i] = full - model.explainedScore(probe, explainedClass);
            probe[i] = values[i];
        }
        return contributions;
    }

    public static double[] shapley(LinearModel model, Object[] values, int explainedClass, int steps, long seed) {
        Object[] baseline = model.baseline();
        int n = values.length;
        double[] phi = new double[n];
        int[] order = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            Object[] current = baseline.clone();
            double previous = model.explainedScore(current, explainedClass);
            for (int idx : order) {
                current[idx] = values[idx];
                double now = model.explainedScore(current, explainedClass);
                phi[idx] += now - previous;
                previous = now;
            }
        }
        for (int i = 0; i < n; i++) {
            phi[i] /= steps;
        }
        return phi;
    }

    /** The {@code top} largest contributions by absolute value, largest first. */
    public static Map<String, Double> top(LinearModel model, double[] contributions, int top) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < contributions.length; i++) {
            indexes.add(i);
        }
        indexes.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(contributions[i])));
        Map<String, Double> result = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(top, indexes.size()); i++) {
            int idx = indexes.get(i);
            result.put(model.features().get(idx).name(), contributions[idx]);
        }
        return result;
    }
}
