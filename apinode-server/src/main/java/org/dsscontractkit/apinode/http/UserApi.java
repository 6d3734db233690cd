package org.dsscontractkit.apinode.http;

import org.dsscontractkit.server.error.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dsscontractkit.apinode.ApiNodeEnvironment;
import org.dsscontractkit.server.auth.Credentials;
import org.dsscontractkit.server.error.ExceptionMappers;
import org.dsscontractkit.server.json.JsonMapping;
import org.dsscontractkit.server.generated.apinode.model.Dispatch;
import org.dsscontractkit.apinode.auth.ServiceAccess;
import org.dsscontractkit.apinode.function.FunctionEndpoint;
import org.dsscontractkit.apinode.function.RFunctionEndpoint;
import org.dsscontractkit.apinode.lookup.LookupEndpoint;
import org.dsscontractkit.apinode.metrics.EndpointMetrics;
import org.dsscontractkit.apinode.prediction.PredictionEndpoint;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;
import org.dsscontractkit.apinode.service.ServiceGeneration;
import org.dsscontractkit.apinode.service.ServiceRegistry;
import org.dsscontractkit.apinode.service.Timing;
import org.dsscontractkit.apinode.sql.SqlEndpoint;

/**
 * Serves one user-API call whatever its transport: picks the generation (dispatch), checks the key, runs the
 * endpoint for the verb, wraps the answer in the {@code timing} + {@code apiContext} envelope and records metrics.
 */
public final class UserApi {

    private static final ObjectMapper JSON = JsonMapping.MAPPER;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ServiceRegistry registry;
    private final ApiNodeEnvironment environment;
    private final EndpointMetrics metrics;

    public UserApi(ServiceRegistry registry, ApiNodeEnvironment environment, EndpointMetrics metrics) {
        this.registry = registry;
        this.environment = environment;
        this.metrics = metrics;
    }

    /** Parses a raw request body: absent/empty means "no arguments"; anything else must be JSON. */
    public static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ExceptionMappers.JsonMapper.of(e); // the same answer as a body Jersey failed to read
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("The request body cannot be read: " + e.getMessage()).at("body", "json");
        }
    }

    /** A generated request model as the JSON the endpoints read; absent optional members become nulls. */
    public static JsonNode toTree(Object body) {
        return body == null ? null : JSON.valueToTree(body);
    }

    /**
     * @param body         the request as JSON (the generated model's members), null when none was sent
     * @param dispatch     the generation selection sent with the request, if any
     * @param arrivalNanos {@link System#nanoTime()} when the request reached the server (for {@code wait}); 0 if unknown
     */
    public Response call(String serviceId, String endpointId, Verb verb, JsonNode body, Dispatch dispatch, Map<String, String> query,
                         Credentials credentials, long arrivalNanos) {
        long started = System.nanoTime();
        long arrival = arrivalNanos > 0 ? arrivalNanos : started;
        int status = 500;
        boolean known = false;
        try {
            Timing timing = new Timing();
            String forced = null;
            String dispatchKey = null;
            if (verb.dispatchable() && dispatch != null) {
                forced = dispatch.getForcedGeneration();
                dispatchKey = dispatch.getDispatchKey();
            }
            ServiceGeneration generation = registry.resolve(serviceId, forced, dispatchKey);
            Endpoint endpoint = generation.endpoints().get(endpointId);
            if (endpoint == null) {
                throw NodeErrors.of(404, "EndpointNotFound", "Endpoint not found: " + serviceId + "/" + endpointId,
                        "Service " + serviceId + " (generation " + generation.generation() + ") has no endpoint " + endpointId
                                + "; endpoints: " + generation.endpoints().keySet());
            }
            known = true;
            ServiceAccess.check(generation, credentials);
            timing.set("wait", (started - arrival) / 1000);
            timing.restart();
            CallContext call = new CallContext(serviceId, endpointId, generation.generation(), timing, environment);
            ObjectNode answer = run(endpoint, verb, body, query, call);
            ObjectNode envelope = F.objectNode();
            envelope.setAll(answer);
            timing.end("postProcessing");
            envelope.set("timing", timing.toJson());
            ObjectNode apiContext = envelope.putObject("apiContext");
            apiContext.put("serviceId", serviceId);
            apiContext.put("endpointId", endpointId);
            apiContext.put("serviceGeneration", generation.generation());
            status = 200;
            return Response.ok(envelope, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (ApiException e) {
            status = e.status();
            throw e;
        } finally {
            if (known || status != 404) {
                metrics.record(serviceId, known ? endpointId : "(unknown)", (System.nanoTime() - arrival) / 1000, status);
            }
        }
    }

    private static ObjectNode run(Endpoint endpoint, Verb verb, JsonNode body, Map<String, String> query, CallContext call) {
        if (endpoint instanceof PredictionEndpoint p) {
            return switch (verb) {
                case PREDICT -> p.predict(body, call);
                case PREDICT_MULTI -> p.predictMulti(body, call);
                case PREDICT_SIMPLE -> p.predictSimple(query, call);
                case FORECAST -> p.forecast(body, call);
                case PREDICT_EFFECT -> p.predictEffect(body, call);
                case PREDICT_EFFECT_MULTI -> p.predictEffectMulti(body, call);
                default -> throw wrongKind(endpoint, verb);
            };
        }
        if (endpoint instanceof FunctionEndpoint f && verb == Verb.RUN) {
            return f.run(body == null ? queryAsObject(query) : body, call);
        }
        if (endpoint instanceof RFunctionEndpoint r && verb == Verb.RUN) {
            return r.run(body == null ? queryAsObject(query) : body, call);
        }
        if (endpoint instanceof SqlEndpoint s && verb == Verb.QUERY) {
            return s.query(body == null ? queryAsObject(query) : body, call);
        }
        if (endpoint instanceof LookupEndpoint l) {
            return switch (verb) {
                case LOOKUP -> l.lookup(body, call);
                case LOOKUP_MULTI -> l.lookupMulti(body, call);
                case LOOKUP_SIMPLE -> l.lookupSimple(query, call);
                default -> throw wrongKind(endpoint, verb);
            };
        }
        throw wrongKind(endpoint, verb);
    }

    private static JsonNode queryAsObject(Map<String, String> query) {
        ObjectNode node = F.objectNode();
        if (query != null) {
            query.forEach(node::put);
        }
        return node;
    }

    private static ApiException wrongKind(Endpoint endpoint, Verb verb) {
        String accepted = switch (endpoint.type()) {
            case "PYTHON_FUNCTION", "R_FUNCTION" -> "run";
            case "SQL_QUERY" -> "query";
            case "DATASET_LOOKUP" -> "lookup, lookup-multi, lookup-simple";
            default -> "predict, predict-multi, predict-simple, forecast, predict-effect, predict-effect-multi";
        };
        return NodeErrors.of(400, "WrongEndpointKind", "Endpoint '" + endpoint.id() + "' is a " + endpoint.type()
                + " endpoint and does not answer '" + verb.path() + "' (it answers: " + accepted + ")").at("endpointId", "kind");
    }
}
