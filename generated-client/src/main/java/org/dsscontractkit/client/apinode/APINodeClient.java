package org.dsscontractkit.client.apinode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsscontractkit.client.ClientOptions;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.generated.apinode.invoker.ApiClient;
import org.dsscontractkit.client.http.HttpClients;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;

/**
 * Client of one service of a Dataiku API node ({@code {uri}/public/api/v1/{serviceId}/{endpointId}/...}), the
 * counterpart of Python's {@code dataikuapi.APINodeClient}: same methods, same argument names, same bodies.
 *
 * <pre>{@code
 * APINodeClient node = new APINodeClient("http://localhost:12000", "churn", apiKey);
 * JsonNode prediction = node.predictRecord("predict-churn", Map.of("age", 42, "plan", "gold"));
 * String label = prediction.path("result").path("prediction").asText();
 * }</pre>
 *
 * <p>Every call is a {@code POST}. Authentication is HTTP Basic with the API key, or {@code Bearer} with a token,
 * or none for services with public access.</p>
 */
public final class APINodeClient {

    private final ApiClient apiClient;
    private final HttpTransport transport;

    /** Client of a service open to anonymous calls. */
    public APINodeClient(String uri, String serviceId) {
        this(uri, serviceId, null, null, ClientOptions.defaults());
    }

    /**
     * @param uri       base URL of the API node, like {@code http://localhost:12000}
     * @param serviceId service id
     * @param apiKey    API key of the service, or null for public services
     */
    public APINodeClient(String uri, String serviceId, String apiKey) {
        this(uri, serviceId, apiKey, null, ClientOptions.defaults());
    }

    /**
     * @param uri         base URL of the API node
     * @param serviceId   service id
     * @param apiKey      API key (HTTP Basic), wins over the bearer token; or null
     * @param bearerToken token sent as {@code Authorization: Bearer}, or null
     * @param options     extra headers, timeouts, TLS verification, custom HTTP client ({@code apiBase} is not used)
     */
    public APINodeClient(String uri, String serviceId, String apiKey, String bearerToken, ClientOptions options) {
        Objects.requireNonNull(options, "options");
        String base = stripTrailingSlashes(Objects.requireNonNull(uri, "uri"));
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("uri must be an http:// or https:// URL, got '" + uri + "'");
        }
        String authorization = apiKey != null ? HttpClients.basicAuth(apiKey)
                : bearerToken != null ? "Bearer " + bearerToken : null;
        Map<String, String> extraHeaders = options.extraHeaders();
        this.apiClient = new ApiClient();
        apiClient.setHttpClientBuilder(HttpClients.builder(options));
        apiClient.updateBaseUri(base);
        apiClient.setReadTimeout(options.readTimeout());
        apiClient.setRequestInterceptor(request -> {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            }
            extraHeaders.forEach(request::setHeader);
        });
        this.transport = new HttpTransport(
                options.httpClient() != null ? options.httpClient() : apiClient.getHttpClient(),
                apiClient.getObjectMapper(),
                apiClient.getBaseUri() + "/public/api/v1/" + PathSegments.encode(Objects.requireNonNull(serviceId, "serviceId")),
                apiClient.getRequestInterceptor(), apiClient.getReadTimeout());
    }

    /** @return a client authenticating with {@code Authorization: Bearer <token>} */
    public static APINodeClient withBearerToken(String uri, String serviceId, String bearerToken) {
        return new APINodeClient(uri, serviceId, null, Objects.requireNonNull(bearerToken, "bearerToken"), ClientOptions.defaults());
    }

    private static String stripTrailingSlashes(String uri) {
        String s = uri.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** @return the generated API node client configured like this one, to call generated operations directly */
    public ApiClient getApiClient() {
        return apiClient;
    }

    /** Predicts one record with the endpoint's defaults; see {@link #predictRecord(String, Map, PredictionOptions)}. */
    public JsonNode predictRecord(String endpointId, Map<String, ?> features) {
        return predictRecord(endpointId, features, PredictionOptions.defaults());
    }

    /**
     * Predicts one record: {@code POST /{endpointId}/predict} with {@code {features, explanations, dispatch?, context?}}.
     *
     * @param endpointId prediction endpoint
     * @param features   feature name &rarr; value
     * @param options    generation, context and explanation options
     * @return the whole answer; the prediction is in {@code result}
     */
    public JsonNode predictRecord(String endpointId, Map<String, ?> features, PredictionOptions options) {
        ObjectNode body = transport.newObject();
        body.set("features", transport.toTree(Objects.requireNonNull(features, "features")));
        body.set("explanations", explanations(options));
        addDispatch(body, options.forcedGeneration, options.dispatchKey);
        if (options.context != null) {
            body.set("context", transport.toTree(options.context));
        }
        return post(endpointId, "predict", body);
    }

    /** Predicts several records with the endpoint's defaults; see {@link #predictRecords(String, List, PredictionOptions)}. */
    public JsonNode predictRecords(String endpointId, List<? extends Map<String, ?>> records) {
        return predictRecords(endpointId, records, PredictionOptions.defaults());
    }

    /**
     * Predicts several records: {@code POST /{endpointId}/predict-multi} with {@code {items, explanations, dispatch?}}.
     *
     * @param records each a map with {@code features} (required) and optionally {@code context}
     * @param options generation and explanation options ({@code context} is per record here)
     * @return the whole answer; predictions are in {@code results}
     * @throws IllegalArgumentException when a record has no {@code features} (nothing is sent)
     */
    public JsonNode predictRecords(String endpointId, List<? extends Map<String, ?>> records, PredictionOptions options) {
        ObjectNode body = transport.newObject();
        body.set("items", items(records, "features"));
        body.set("explanations", explanations(options));
        addDispatch(body, options.forcedGeneration, options.dispatchKey);
        return post(endpointId, "predict-multi", body);
    }

    /**
     * Forecasts time series: {@code POST /{endpointId}/forecast} with {@code {items:[flat records], dispatch?}}.
     *
     * @param records          flat records (time column, series identifiers, target, external features)
     * @param forcedGeneration generation to use, or null
     * @param dispatchKey      dispatch key, or null
     * @return the whole answer; forecasts are in {@code results}
     */
    public JsonNode forecast(String endpointId, List<? extends Map<String, ?>> records, String forcedGeneration, String dispatchKey) {
        ObjectNode body = transport.newObject();
        body.set("items", transport.toTree(Objects.requireNonNull(records, "records")));
        addDispatch(body, forcedGeneration, dispatchKey);
        return post(endpointId, "forecast", body);
    }

    /** Forecasts time series with the active generation. */
    public JsonNode forecast(String endpointId, List<? extends Map<String, ?>> records) {
        return forecast(endpointId, records, null, null);
    }

    /**
     * Predicts the treatment effect of one record: {@code POST /{endpointId}/predict-effect} with {@code {features, dispatch?}}.
     *
     * @return the whole answer; the effect is in {@code result}
     */
    public JsonNode predictEffect(String endpointId, Map<String, ?> features, String forcedGeneration, String dispatchKey) {
        ObjectNode body = transport.newObject();
        body.set("features", transport.toTree(Objects.requireNonNull(features, "features")));
        addDispatch(body, forcedGeneration, dispatchKey);
        return post(endpointId, "predict-effect", body);
    }

    /** Predicts the treatment effect of one record with the active generation. */
    public JsonNode predictEffect(String endpointId, Map<String, ?> features) {
        return predictEffect(endpointId, features, null, null);
    }

    /**
     * Predicts the treatment effects of records: {@code POST /{endpointId}/predict-effect-multi} with {@code {items, dispatch?}}.
     *
     * @param records each with {@code features} (required) and optionally {@code context}
     * @return the whole answer; effects are in {@code results}
     * @throws IllegalArgumentException when a record has no {@code features} (nothing is sent)
     */
    public JsonNode predictEffects(String endpointId, List<? extends Map<String, ?>> records, String forcedGeneration, String dispatchKey) {
        ObjectNode body = transport.newObject();
        body.set("items", items(records, "features"));
        addDispatch(body, forcedGeneration, dispatchKey);
        return post(endpointId, "predict-effect-multi", body);
    }

    /** Predicts the treatment effects of records with the active generation. */
    public JsonNode predictEffects(String endpointId, List<? extends Map<String, ?>> records) {
        return predictEffects(endpointId, records, null, null);
    }

    /**
     * Runs a SQL query endpoint: {@code POST /{endpointId}/query} with the parameters as the top-level object
     * (no body at all when there is none, like the Python client).
     *
     * @param parameters query parameter name &rarr; value, or null/empty
     * @return the whole answer ({@code columns} and {@code rows})
     */
    public JsonNode sqlQuery(String endpointId, Map<String, ?> parameters) {
        return post(endpointId, "query", parameters == null || parameters.isEmpty() ? null : transport.toTree(parameters));
    }

    /** Looks up one record without context; see {@link #lookupRecord(String, Map, Map)}. */
    public JsonNode lookupRecord(String endpointId, Map<String, ?> record) {
        return lookupRecord(endpointId, record, null);
    }

    /**
     * Looks up one record: {@code POST /{endpointId}/lookup} with {@code {data, context?}}.
     *
     * @param record  lookup key columns &rarr; values
     * @param context context, or null
     * @return only the first item of {@code results} (as the Python client does), with its {@code data}
     * @throws DataikuException when the answer has no result
     */
    public JsonNode lookupRecord(String endpointId, Map<String, ?> record, Map<String, ?> context) {
        ObjectNode body = transport.newObject();
        body.set("data", transport.toTree(Objects.requireNonNull(record, "record")));
        if (context != null) {
            body.set("context", transport.toTree(context));
        }
        JsonNode answer = post(endpointId, "lookup", body);
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw new DataikuException(200, "InvalidResponse", null, "Lookup answer without results: " + answer);
        }
        return results.get(0);
    }

    /**
     * Looks up several records: {@code POST /{endpointId}/lookup-multi} with {@code {items:[{data, context?}]}}.
     *
     * @param records each a map with {@code data} (required) and optionally {@code context}
     * @return the whole answer ({@code results}, each with {@code data})
     * @throws IllegalArgumentException when a record has no {@code data} (nothing is sent)
     */
    public JsonNode lookupRecords(String endpointId, List<? extends Map<String, ?>> records) {
        ObjectNode body = transport.newObject();
        body.set("items", items(records, "data"));
        return post(endpointId, "lookup-multi", body);
    }

    /**
     * Runs a function endpoint: {@code POST /{endpointId}/run} with the arguments as a flat object (no body when
     * there is none, like the Python client's {@code run_function(endpoint_id, **kwargs)}).
     *
     * @param arguments argument name &rarr; value, or null/empty
     * @return the function's return value
     */
    public JsonNode runFunction(String endpointId, Map<String, ?> arguments) {
        return post(endpointId, "run", arguments == null || arguments.isEmpty() ? null : transport.toTree(arguments));
    }

    private JsonNode post(String endpointId, String verb, JsonNode body) {
        return transport.json("POST", "/" + PathSegments.encode(endpointId) + "/" + verb, null, body);
    }

    private ObjectNode explanations(PredictionOptions options) {
        ObjectNode explanations = transport.newObject();
        explanations.put("enabled", options.withExplanations);
        explanations.put("method", options.explanationMethod);
        explanations.put("nExplanations", options.nExplanations);
        explanations.put("nMonteCarloSteps", options.nExplanationsMcSteps);
        return explanations;
    }

    private static void addDispatch(ObjectNode body, String forcedGeneration, String dispatchKey) {
        if (forcedGeneration != null) {
            body.putObject("dispatch").put("forcedGeneration", forcedGeneration);
        } else if (dispatchKey != null) {
            body.putObject("dispatch").put("dispatchKey", dispatchKey);
        }
    }

    private ArrayNode items(List<? extends Map<String, ?>> records, String requiredKey) {
        Objects.requireNonNull(records, "records");
        ArrayNode items = transport.mapper().createArrayNode();
        for (int i = 0; i < records.size(); i++) {
            Map<String, ?> record = records.get(i);
            if (record == null || !record.containsKey(requiredKey)) {
                throw new IllegalArgumentException("Record " + i + " has no '" + requiredKey + "' key: " + record);
            }
            items.add(transport.toTree(record));
        }
        return items;
    }
}
