package org.dsscontractkit.client.apinode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import org.dsscontractkit.client.generated.apinode.api.CausalPredictionApi;
import org.dsscontractkit.client.generated.apinode.api.ForecastApi;
import org.dsscontractkit.client.generated.apinode.api.FunctionsApi;
import org.dsscontractkit.client.generated.apinode.api.LookupsApi;
import org.dsscontractkit.client.generated.apinode.api.PredictionApi;
import org.dsscontractkit.client.generated.apinode.api.SqlQueriesApi;
import org.dsscontractkit.client.generated.apinode.invoker.ApiClient;
import org.dsscontractkit.client.generated.apinode.model.ExplanationsRequest;
import org.dsscontractkit.client.http.ApiCalls;

/** The generated operations of the API node user API on one {@link APINodeClient}'s {@link ApiClient}. */
final class ApiNodeApi extends ApiCalls {

    /**
     * The Python client always sends the four explanation members, {@code null} meaning "the endpoint's default";
     * the generated mapper leaves null members out, this keeps them.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private interface SendsNullMembers {
    }

    final CausalPredictionApi causalPrediction;
    final ForecastApi forecast;
    final FunctionsApi functions;
    final LookupsApi lookups;
    final PredictionApi prediction;
    final SqlQueriesApi sqlQueries;

    ApiNodeApi(ApiClient apiClient, HttpClient http, Duration waitTimeout) {
        super(http, withNullExplanationMembers(apiClient), waitTimeout);
        this.causalPrediction = new CausalPredictionApi(apiClient);
        this.forecast = new ForecastApi(apiClient);
        this.functions = new FunctionsApi(apiClient);
        this.lookups = new LookupsApi(apiClient);
        this.prediction = new PredictionApi(apiClient);
        this.sqlQueries = new SqlQueriesApi(apiClient);
    }

    private static ObjectMapper withNullExplanationMembers(ApiClient apiClient) {
        // getObjectMapper() hands out copies, and every *Api copies it again: set it before building them
        ObjectMapper mapper = apiClient.getObjectMapper().addMixIn(ExplanationsRequest.class, SendsNullMembers.class);
        apiClient.setObjectMapper(mapper);
        return mapper;
    }
}
