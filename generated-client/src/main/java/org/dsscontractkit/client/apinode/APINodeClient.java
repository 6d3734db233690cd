package org.dsscontractkit.client.apinode;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.dsscontractkit.client.ClientOptions;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.generated.apinode.invoker.ApiClient;
import org.dsscontractkit.client.generated.apinode.invoker.ApiException;
import org.dsscontractkit.client.generated.apinode.model.Dispatch;
import org.dsscontractkit.client.generated.apinode.model.EffectMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.EffectRequest;
import org.dsscontractkit.client.generated.apinode.model.ExplanationMethod;
import org.dsscontractkit.client.generated.apinode.model.ExplanationsRequest;
import org.dsscontractkit.client.generated.apinode.model.ForecastRequest;
import org.dsscontractkit.client.generated.apinode.model.LookupMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.LookupRequest;
import org.dsscontractkit.client.generated.apinode.model.PredictionItem;
import org.dsscontractkit.client.generated.apinode.model.PredictionMultiRequest;
import org.dsscontractkit.client.generated.apinode.model.PredictionRequest;
import org.dsscontractkit.client.http.HttpClients;

/**
 * Client of one service of a Dataiku API node ({@code {uri}/public/api/v1/{serviceId}/{endpointId}/...}), the
 * counterpart of Python's {@code dataikuapi.APINodeClient}: same methods, same argument names, same bodies, built
 * as the generated request models of the API node contract.
 *
 * <pre>{@code
 * APINodeClient node = new APINodeClient("http://localhost:12000", "churn", apiKey);
 * JsonNode prediction = node.predictRecord("predict-churn", Map.of("age", 42, "plan", "gold"));
 * String label = prediction.path("result").path("prediction").asText();
 * }</pre>
 *
 * <p>Records, lookup keys, query parameters and function arguments are {@code Map}s (name &rarr; value, values
 * any Jackson-serialisable object), as in Python; answers are JSON trees. Every call is a {@code POST}.
 * Authentication is HTTP Basic with the API key, or {@code Bearer} with a token, or none for services with public
 * access. Failures are {@link DataikuException}s.</p>
 */
public final class APINodeClient {

    /** A call on the generated API node code, given the client's {@link ApiClient}. */
    @FunctionalInterface
    public interface GeneratedCall<T> {
        /**
         * @param apiClient the generated client to build {@code *Api} objects on
         * @return the call's answer
         * @throws ApiException as the generated operations declare
         */
        T call(ApiClient apiClient) throws ApiException;
    }

    private final String serviceId;
    private final ApiClient publicApiClient;
    private final ApiClient handlesApiClient;
    private final ApiNodeApi api;

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
        if (serviceId == null || serviceId.isEmpty()) {
            throw new IllegalArgumentException("serviceId must not be null or empty");
        }
        this.serviceId = serviceId;
        String authorization = apiKey != null ? HttpClients.basicAuth(apiKey)
                : bearerToken != null ? "Bearer " + bearerToken : null;
        Map<String, String> extraHeaders = options.extraHeaders();
        Consumer<HttpRequest.Builder> authentication = request -> {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            }
            extraHeaders.forEach(request::setHeader);
        };
        HttpClient http = HttpClients.client(options);
        HttpClient translating = HttpClients.failureTranslating(http);
        this.publicApiClient = apiClient(http, base, authentication, options);
        this.handlesApiClient = apiClient(translating, base, authentication, options);
        this.api = new ApiNodeApi(handlesApiClient, translating, options.waitTimeout());
    }

    private static ApiClient apiClient(HttpClient http, String baseUri, Consumer<HttpRequest.Builder> interceptor,
                                       ClientOptions options) {
        ApiClient apiClient = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        apiClient.updateBaseUri(baseUri);
        apiClient.setReadTimeout(options.readTimeout());
        apiClient.setRequestInterceptor(interceptor);
        return apiClient;
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

    /**
     * @return the generated API node client configured like this one, to call generated operations directly; they
     *         throw the generated checked {@code ApiException}, see {@link #call(GeneratedCall)} for the translation
     */
    public ApiClient getApiClient() {
        return publicApiClient;
    }

    /**
     * Runs calls on the generated code with this client's configuration, failures as {@link DataikuException}s.
     *
     * @param call what to run, given the generated client
     * @return its answer
     */
    public <T> T call(GeneratedCall<T> call) {
        return api.call(() -> call.call(handlesApiClient));
    }

    /** Predicts one record with the endpoint's defaults; see {@link #predictRecord(String, Map, PredictionOptions)}. */
    public JsonNode predictRecord(String endpointId, Map<String, ?> features) {
        return predictRecord(endpointId, features, PredictionOptions.defaults());
    }

    /**
     * Predicts one record: {@code predictRecord} with {@code {features, explanations, dispatch?, context?}}.
     *
     * @param endpointId prediction endpoint
     * @param features   feature name &rarr; value
     * @param options    generation, context and explanation options
     * @return the whole answer; the prediction is in {@code result}
     */
    public JsonNode predictRecord(String endpointId, Map<String, ?> features, PredictionOptions options) {
        PredictionRequest body = new PredictionRequest()
                .features(copy(Objects.requireNonNull(features, "features")))
                .explanations(explanations(options))
                .dispatch(dispatch(options.forcedGeneration, options.dispatchKey))
                .context(options.context == null ? null : copy(options.context));
        return api.json(() -> api.prediction.predictRecordRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /** Predicts several records with the endpoint's defaults; see {@link #predictRecords(String, List, PredictionOptions)}. */
    public JsonNode predictRecords(String endpointId, List<? extends Map<String, ?>> records) {
        return predictRecords(endpointId, records, PredictionOptions.defaults());
    }

    /**
     * Predicts several records: {@code predictRecords} with {@code {items, explanations, dispatch?}}.
     *
     * @param records each a map with {@code features} (required) and optionally {@code context}; other keys are
     *                not part of the contract and are not sent
     * @param options generation and explanation options ({@code context} is per record here)
     * @return the whole answer; predictions are in {@code results}
     * @throws IllegalArgumentException when a record has no {@code features} (nothing is sent)
     */
    public JsonNode predictRecords(String endpointId, List<? extends Map<String, ?>> records, PredictionOptions options) {
        PredictionMultiRequest body = new PredictionMultiRequest()
                .items(items(records, "features", PredictionItem.class))
                .explanations(explanations(options))
                .dispatch(dispatch(options.forcedGeneration, options.dispatchKey));
        return api.json(() -> api.prediction.predictRecordsRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /**
     * Forecasts time series: {@code forecast} with {@code {items:[flat records], dispatch?}}.
     *
     * @param records          flat records (time column, series identifiers, target, external features)
     * @param forcedGeneration generation to use, or null
     * @param dispatchKey      dispatch key, or null
     * @return the whole answer; forecasts are in {@code results}
     */
    public JsonNode forecast(String endpointId, List<? extends Map<String, ?>> records, String forcedGeneration, String dispatchKey) {
        List<Map<String, Object>> items = new ArrayList<>();
        Objects.requireNonNull(records, "records").forEach(r -> items.add(copy(r)));
        ForecastRequest body = new ForecastRequest().items(items).dispatch(dispatch(forcedGeneration, dispatchKey));
        return api.json(() -> api.forecast.forecastRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /** Forecasts time series with the active generation. */
    public JsonNode forecast(String endpointId, List<? extends Map<String, ?>> records) {
        return forecast(endpointId, records, null, null);
    }

    /**
     * Predicts the treatment effect of one record: {@code predictEffect} with {@code {features, dispatch?}}.
     *
     * @return the whole answer; the effect is in {@code result}
     */
    public JsonNode predictEffect(String endpointId, Map<String, ?> features, String forcedGeneration, String dispatchKey) {
        EffectRequest body = new EffectRequest()
                .features(copy(Objects.requireNonNull(features, "features")))
                .dispatch(dispatch(forcedGeneration, dispatchKey));
        return api.json(() -> api.causalPrediction.predictEffectRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /** Predicts the treatment effect of one record with the active generation. */
    public JsonNode predictEffect(String endpointId, Map<String, ?> features) {
        return predictEffect(endpointId, features, null, null);
    }

    /**
     * Predicts the treatment effects of records: {@code predictEffects} with {@code {items, dispatch?}}.
     *
     * @param records each with {@code features} (required) and optionally {@code context}; other keys are not sent
     * @return the whole answer; effects are in {@code results}
     * @throws IllegalArgumentException when a record has no {@code features} (nothing is sent)
     */
    public JsonNode predictEffects(String endpointId, List<? extends Map<String, ?>> records, String forcedGeneration, String dispatchKey) {
        EffectMultiRequest body = new EffectMultiRequest()
                .items(items(records, "features", PredictionItem.class))
                .dispatch(dispatch(forcedGeneration, dispatchKey));
        return api.json(() -> api.causalPrediction.predictEffectsRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /** Predicts the treatment effects of records with the active generation. */
    public JsonNode predictEffects(String endpointId, List<? extends Map<String, ?>> records) {
        return predictEffects(endpointId, records, null, null);
    }

    /**
     * Runs a SQL query endpoint: {@code sqlQuery} with the parameters as the top-level object (no body at all
     * when there is none, like the Python client).
     *
     * @param parameters query parameter name &rarr; value, or null/empty
     * @return the whole answer ({@code results}: rows as objects)
     */
    public JsonNode sqlQuery(String endpointId, Map<String, ?> parameters) {
        Map<String, Object> body = parameters == null || parameters.isEmpty() ? null : copy(parameters);
        return api.json(() -> api.sqlQueries.sqlQueryRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /** Looks up one record without context; see {@link #lookupRecord(String, Map, Map)}. */
    public JsonNode lookupRecord(String endpointId, Map<String, ?> record) {
        return lookupRecord(endpointId, record, null);
    }

    /**
     * Looks up one record: {@code lookupRecord} with {@code {data, context?}}.
     *
     * @param record  lookup key columns &rarr; values
     * @param context context, or null
     * @return only the first item of {@code results} (as the Python client does), with its {@code data}
     * @throws DataikuException when the answer has no result (status 200, {@link DataikuException#INVALID_RESPONSE})
     */
    public JsonNode lookupRecord(String endpointId, Map<String, ?> record, Map<String, ?> context) {
        LookupRequest body = new LookupRequest()
                .data(copy(Objects.requireNonNull(record, "record")))
                .context(context == null ? null : copy(context));
        JsonNode answer = api.json(() -> api.lookups.lookupRecordRequestBuilder(serviceId, endpoint(endpointId), body));
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null, "Lookup answer without results: " + answer);
        }
        return results.get(0);
    }

    /**
     * Looks up several records: {@code lookupRecords} with {@code {items:[{data, context?}]}}.
     *
     * @param records each a map with {@code data} (required) and optionally {@code context}; other keys are not sent
     * @return the whole answer ({@code results}, each with {@code data})
     * @throws IllegalArgumentException when a record has no {@code data} (nothing is sent)
     */
    public JsonNode lookupRecords(String endpointId, List<? extends Map<String, ?>> records) {
        LookupMultiRequest body = new LookupMultiRequest().items(items(records, "data", LookupRequest.class));
        return api.json(() -> api.lookups.lookupRecordsRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    /**
     * Runs a function endpoint: {@code runFunction} with the arguments as a flat object (no body when there is
     * none, like the Python client's {@code run_function(endpoint_id, **kwargs)}).
     *
     * @param arguments argument name &rarr; value, or null/empty
     * @return the function's answer ({@code response} holds its return value)
     */
    public JsonNode runFunction(String endpointId, Map<String, ?> arguments) {
        Map<String, Object> body = arguments == null || arguments.isEmpty() ? null : copy(arguments);
        return api.json(() -> api.functions.runFunctionRequestBuilder(serviceId, endpoint(endpointId), body));
    }

    private static String endpoint(String endpointId) {
        if (endpointId == null || endpointId.isEmpty()) {
            throw new IllegalArgumentException("endpointId must not be null or empty");
        }
        return endpointId;
    }

    private static ExplanationsRequest explanations(PredictionOptions options) {
        ExplanationMethod method = options.explanationMethod == null ? null : ExplanationMethod.fromValue(options.explanationMethod);
        return new ExplanationsRequest()
                .enabled(options.withExplanations)
                .method(method)
                .nExplanations(options.nExplanations)
                .nMonteCarloSteps(options.nExplanationsMcSteps);
    }

    private static Dispatch dispatch(String forcedGeneration, String dispatchKey) {
        if (forcedGeneration != null) {
            return new Dispatch().forcedGeneration(forcedGeneration);
        }
        return dispatchKey == null ? null : new Dispatch().dispatchKey(dispatchKey);
    }

    private static Map<String, Object> copy(Map<String, ?> map) {
        return new LinkedHashMap<>(map);
    }

    private <T> List<T> items(List<? extends Map<String, ?>> records, String requiredKey, Class<T> type) {
        Objects.requireNonNull(records, "records");
        List<T> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, ?> record = records.get(i);
            if (record == null || !record.containsKey(requiredKey)) {
                throw new IllegalArgumentException("Record " + i + " has no '" + requiredKey + "' key: " + record);
            }
            try {
                items.add(api.mapper().convertValue(record, type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Record " + i + " is not a " + type.getSimpleName() + " of the contract: "
                        + e.getMessage(), e);
            }
        }
        return items;
    }
}
