package org.dsscontractkit.client.apinode;

import java.util.Map;
import org.dsscontractkit.client.generated.apinode.model.ExplanationMethod;

/**
 * Optional arguments of {@link APINodeClient#predictRecord} and {@link APINodeClient#predictRecords}, named like the
 * Python client's keyword arguments. Every explanation member left unset is sent as {@code null}, meaning "the
 * endpoint's configured default".
 */
public final class PredictionOptions {

    String forcedGeneration;
    String dispatchKey;
    Map<String, ?> context;
    Boolean withExplanations;
    String explanationMethod;
    Integer nExplanations;
    Integer nExplanationsMcSteps;

    /** @return options with nothing set */
    public static PredictionOptions defaults() {
        return new PredictionOptions();
    }

    /** Forces a generation of a multi-generation service (wins over {@link #dispatchKey}). @return this */
    public PredictionOptions forcedGeneration(String generation) {
        this.forcedGeneration = generation;
        return this;
    }

    /** Routes the call with a dispatch key on a multi-generation service. @return this */
    public PredictionOptions dispatchKey(String key) {
        this.dispatchKey = key;
        return this;
    }

    /** Context passed to the endpoint (single-record prediction only). @return this */
    public PredictionOptions context(Map<String, ?> context) {
        this.context = context;
        return this;
    }

    /** Asks for (or refuses) explanations. @return this */
    public PredictionOptions withExplanations(boolean enabled) {
        this.withExplanations = enabled;
        return this;
    }

    /**
     * Method of the explanations.
     *
     * @param method {@code SHAPLEY} or {@code ICE} (the values of the contract's {@code ExplanationMethod}), or null
     *               for the endpoint's default
     * @return this
     * @throws IllegalArgumentException for any other value
     */
    public PredictionOptions explanationMethod(String method) {
        if (method != null && (ExplanationMethod.fromValue(method) == null
                || ExplanationMethod.fromValue(method) == ExplanationMethod.UNKNOWN_DEFAULT_OPEN_API)) {
            throw new IllegalArgumentException("explanationMethod must be SHAPLEY or ICE, got '" + method + "'");
        }
        this.explanationMethod = method;
        return this;
    }

    /** Number of explanations per prediction. @return this */
    public PredictionOptions nExplanations(int n) {
        this.nExplanations = n;
        return this;
    }

    /** Monte Carlo steps of Shapley explanations (25 to 1000). @return this */
    public PredictionOptions nExplanationsMcSteps(int steps) {
        if (steps < 25 || steps > 1000) {
            throw new IllegalArgumentException("nExplanationsMcSteps must be between 25 and 1000, got " + steps);
        }
        this.nExplanationsMcSteps = steps;
        return this;
    }
}
