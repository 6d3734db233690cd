package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;

/**
 * The {@code explanations} block of a predict call merged with the endpoint's defaults: {@code dataikuapi} always
 * sends every member, null meaning "the endpoint's default".
 */
public record ExplanationRequest(boolean enabled, Explainer.Method method, int nExplanations, int nMonteCarloSteps) {

    public static final ExplanationRequest BUILT_IN_DEFAULTS = new ExplanationRequest(false, Explainer.Method.ICE, 3, 100);

    public static ExplanationRequest defaults(JsonNode endpointDefaults) {
        return BUILT_IN_DEFAULTS.merge(endpointDefaults, "explanations");
    }

    /** This request with the non-null members of {@code block} applied; a 400 naming the member when invalid. */
    public ExplanationRequest merge(JsonNode block, String where) {
        if (block == null || block.isNull() || block.isMissingNode()) {
            return this;
        }
        if (!block.isObject()) {
            throw NodeErrors.badInput("InvalidExplanations", "'" + where + "' must be an object");
        }
        boolean newEnabled = enabled;
        Explainer.Method newMethod = method;
        int newN = nExplanations;
        int newSteps = nMonteCarloSteps;
        JsonNode e = block.get("enabled");
        if (e != null && !e.isNull()) {
            if (e.isBoolean()) {
                newEnabled = e.booleanValue();
            } else if (e.isTextual() && (e.textValue().equalsIgnoreCase("true") || e.textValue().equalsIgnoreCase("false"))) {
                newEnabled = Boolean.parseBoolean(e.textValue().toLowerCase());
            } else {
                throw NodeErrors.badInput("InvalidExplanations", "'" + where + ".enabled' must be a boolean");
            }
        }
        JsonNode m = block.get("method");
        if (m != null && !m.isNull()) {
            try {
                newMethod = Explainer.Method.valueOf(m.asText().toUpperCase());
            } catch (IllegalArgumentException ex) {
                throw NodeErrors.badInput("InvalidExplanations", "'" + where + ".method' must be ICE or SHAPLEY, got '" + m.asText() + "'").at(where + ".method", "enum");
            }
        }
        JsonNode n = block.get("nExplanations");
        if (n != null && !n.isNull()) {
            newN = positiveInt(n, where + ".nExplanations", 1, 10_000);
        }
        JsonNode s = block.get("nMonteCarloSteps");
        if (s != null && !s.isNull()) {
            newSteps = positiveInt(s, where + ".nMonteCarloSteps", 25, 1000);
        }
        return new ExplanationRequest(newEnabled, newMethod, newN, newSteps);
    }

    private static int positiveInt(JsonNode node, String name, int min, int max) {
        if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.isTextual() && node.asText().matches("\\d+"))) {
            throw NodeErrors.badInput("InvalidExplanations", "'" + name + "' must be an integer between " + min + " and " + max);
        }
        int value = node.isTextual() ? Integer.parseInt(node.asText()) : node.intValue();
        if (value < min || value > max) {
            throw NodeErrors.badInput("InvalidExplanations", "'" + name + "' must be between " + min + " and " + max + ", got " + value).at(name, "range");
        }
        return value;
    }
}
