package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;
import org.dsscontractkit.apinode.service.ServiceFileException;

/**
 * A prediction endpoint: scores records with its model, optionally after enrichment, with explanations on demand.
 * The model kind decides which verbs it answers (predict for classification/regression, predict-effect for causal
 * models, forecast for time series).
 */
public final class PredictionEndpoint implements Endpoint {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String id;
    private final ModelKind kind;
    private final LinearModel model;
    private final Forecaster forecaster;
    private final ExplanationRequest explanationDefaults;
    private final List<Enrichment> enrichments;

    private PredictionEndpoint(String id, ModelKind kind, LinearModel model, Forecaster forecaster,
                               ExplanationRequest explanationDefaults, List<Enrichment> enrichments) {
        this.id = id;
        this.kind = kind;
        this.model = model;
        this.forecaster = forecaster;
        this.explanationDefaults = explanationDefaults;
        this.enrichments = enrichments;
    }

    public static PredictionEndpoint compile(JsonNode config, String path) {
        JsonNode modelNode = config.get("model");
        ModelKind kind = ModelKind.valueOf(modelNode.get("kind").asText());
        LinearModel model = null;
        Forecaster forecaster = null;
        if (kind == ModelKind.TIMESERIES_FORECAST) {
            forecaster = Forecaster.parse(modelNode);
        } else {
            model = ModelParser.parse(modelNode, path + "/model");
        }
        List<Enrichment> enrichments = new ArrayList<>();
        config.path("enrichments").forEach(e -> enrichments.add(Enrichment.parse(e)));
        ExplanationRequest defaults;
        try {
            defaults = ExplanationRequest.defaults(config.get("explanations"));
        } catch (ApiException e) {
            throw new ServiceFileException(path + "/explanations", "valid", e.getMessage());
        }
        return new PredictionEndpoint(config.get("id").asText(), kind, model, forecaster, defaults, enrichments);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "PREDICTION";
    }

    public ModelKind kind() {
        return kind;
    }

    public LinearModel model() {
        return model;
    }

    /** POST predict: {@code {features, explanations?, context?, dispatch?}} -> {@code {result}}. */
    public ObjectNode predict(JsonNode body, CallContext call) {
        requireKind("predict", ModelKind.BINARY_CLASSIFICATION, ModelKind.MULTICLASS_CLASSIFICATION, ModelKind.REGRESSION);
        ObjectNode request = object(body, "request body");
        ExplanationRequest explanations = explanationDefaults.merge(request.get("explanations"), "explanations");
        JsonNode features = featuresOf(request, "features");
        call.timing().end("preProcessing");
        ObjectNode answer = F.objectNode();
        answer.set("result", scoreOne(features, explanations, call));
        return answer;
    }

    /** GET predict-simple: every query parameter is a feature (strings, converted by the feature types). */
    public ObjectNode predictSimple(Map<String, String> queryFeatures, CallContext call) {
        ObjectNode body = F.objectNode();
        ObjectNode features = body.putObject("features");
        queryFeatures.forEach(features::put);
        return predict(body, call);
    }

    /** POST predict-multi: {@code {items:[{features, context?}], explanations?}} -> {@code {results:[...]}}. */
    public ObjectNode predictMulti(JsonNode body, CallContext call) {
        requireKind("predict-multi", ModelKind.BINARY_CLASSIFICATION, ModelKind.MULTICLASS_CLASSIFICATION, ModelKind.REGRESSION);
        ObjectNode request = object(body, "request body");
        ExplanationRequest explanations = explanationDefaults.merge(request.get("explanations"), "explanations");
        ArrayNode items = items(request);
        call.timing().end("preProcessing");
        ArrayNode results = F.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "items[" + i + "]";
            if (!item.isObject()) {
                throw NodeErrors.badInput("InvalidRequest", "'" + where + "' must be an object with 'features'");
            }
            try {
                results.add(scoreOne(featuresOf((ObjectNode) item, where + ".features"), explanations, call));
            } catch (ApiException e) {
                if (e.status() == 400) {
                    throw NodeErrors.of(400, e.errorType(), where + ": " + e.getMessage())
                            .at(e.field() == null ? where : where + "." + e.field(), e.rule());
                }
                throw e;
            }
        }
        ObjectNode answer = F.objectNode();
        answer.set("results", results);
        return answer;
    }

    /** POST predict-effect: {@code {features, dispatch?}} -> {@code {result:{predictedEffect}}}. */
    public ObjectNode predictEffect(JsonNode body, CallContext call) {
        requireKind("predict-effect", ModelKind.CAUSAL_EFFECT);
        ObjectNode request = object(body, "request body");
        JsonNode features = featuresOf(request, "features");
        call.timing().end("preProcessing");
        ObjectNode answer = F.objectNode();
        answer.set("result", effectOne(features, call));
        return answer;
    }

    public ObjectNode predictEffectMulti(JsonNode body, CallContext call) {
        requireKind("predict-effect-multi", ModelKind.CAUSAL_EFFECT);
        ObjectNode request = object(body, "request body");
        ArrayNode items = items(request);
        call.timing().end("preProcessing");
        ArrayNode results = F.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                throw NodeErrors.badInput("InvalidRequest", "'items[" + i + "]' must be an object with 'features'");
            }
            results.add(effectOne(featuresOf((ObjectNode) items.get(i), "items[" + i + "].features"), call));
        }
        ObjectNode answer = F.objectNode();
        answer.set("results", results);
        return answer;
    }

    /** POST forecast: {@code {items:[flat records]}} -> {@code {results:[per time series]}}. */
    public ObjectNode forecast(JsonNode body, CallContext call) {
        requireKind("forecast", ModelKind.TIMESERIES_FORECAST);
        ObjectNode request = object(body, "request body");
        ArrayNode items = items(request);
        call.timing().end("preProcessing");
        ObjectNode answer = F.objectNode();
        answer.set("results", forecaster.forecast(items));
        call.timing().end("prediction");
        return answer;
    }

    private ObjectNode effectOne(JsonNode features, CallContext call) {
        ObjectNode enriched = features.deepCopy();
        String ignoreReason = enrich(enriched, call);
        if (ignoreReason != null) {
            return ignored(ignoreReason);
        }
        Object[] values = model.prepare(enriched);
        call.timing().end("preparation");
        ObjectNode result = F.objectNode();
        result.put("prediction", model.linear(values)[0]);
        result.put("ignored", false);
        call.timing().end("prediction");
        return result;
    }

    private ObjectNode scoreOne(JsonNode features, ExplanationRequest explanations, CallContext call) {
        ObjectNode enriched = features.deepCopy();
        String ignoreReason = enrich(enriched, call);
        if (ignoreReason != null) {
            return ignored(ignoreReason);
        }
        Object[] values = model.prepare(enriched);
        call.timing().end("preparation");
        double[] linear = model.linear(values);
        ObjectNode result = F.objectNode();
        int explainedClass = 0;
        if (kind.isClassification()) {
            double[] probas = model.probabilities(linear);
            explainedClass = model.predictedClass(probas);
            result.put("prediction", model.classes().get(explainedClass));
            if (model.hasReferenceScores()) {
                result.put("probaPercentile", model.percentile(probas[probas.length - 1]));
            }
            ObjectNode probaNode = result.putObject("probas");
            for (int k = 0; k < probas.length; k++) {
                probaNode.put(model.classes().get(k), probas[k]);
            }
        } else {
            result.put("prediction", linear[0]);
        }
        result.put("ignored", false);
        call.timing().end("prediction");
        if (explanations.enabled()) {
            double[] contributions = explanations.method() == Explainer.Method.ICE
                    ? Explainer.ice(model, values, explainedClass)
                    : Explainer.shapley(model, values, explainedClass, explanations.nMonteCarloSteps(),
                            ThreadLocalRandom.current().nextLong());
            ObjectNode explanationNode = result.putObject("explanations");
            Explainer.top(model, contributions, explanations.nExplanations()).forEach(explanationNode::put);
            result.put("explanationMethod", explanations.method().name());
            call.timing().end("explanation");
        }
        return result;
    }

    private String enrich(ObjectNode features, CallContext call) {
        for (Enrichment enrichment : enrichments) {
            String reason = enrichment.apply(features, call.environment());
            if (reason != null) {
                call.timing().end("enrich");
                return reason;
            }
        }
        call.timing().end("enrich");
        return null;
    }

    private static ObjectNode ignored(String reason) {
        ObjectNode result = F.objectNode();
        result.put("ignored", true);
        result.put("ignoreReason", reason);
        return result;
    }

    private void requireKind(String verb, ModelKind... accepted) {
        for (ModelKind k : accepted) {
            if (k == kind) {
                return;
            }
        }
        String hint = switch (kind) {
            case CAUSAL_EFFECT -> "use predict-effect / predict-effect-multi";
            case TIMESERIES_FORECAST -> "use forecast";
            default -> "use predict / predict-multi / predict-simple";
        };
        throw NodeErrors.of(400, "WrongEndpointKind", "Endpoint '" + id + "' is a " + kind
                + " endpoint and does not answer " + verb + " (" + hint + ")");
    }

    private static ObjectNode object(JsonNode body, String what) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return F.objectNode();
        }
        if (!body.isObject()) {
            throw NodeErrors.badInput("InvalidRequest", "The " + what + " must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static JsonNode featuresOf(ObjectNode request, String where) {
        JsonNode features = request.get(where.endsWith(".features") ? "features" : where);
        if (features == null || features.isNull()) {
            throw NodeErrors.badInput("MissingFeatures", "'" + where + "' is required: an object of feature name -> value").at(where, "required");
        }
        if (!features.isObject()) {
            throw NodeErrors.badInput("MissingFeatures", "'" + where + "' must be an object of feature name -> value").at(where, "type");
        }
        return features;
    }

    private static ArrayNode items(ObjectNode request) {
        JsonNode items = request.get("items");
        if (items == null || !items.isArray()) {
            throw NodeErrors.badInput("MissingItems", "'items' is required: an array of records").at("items", "required");
        }
        return (ArrayNode) items;
    }
}
