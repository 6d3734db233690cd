package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsscontractkit.apinode.auth.ApiNodeAuthenticator;
import org.dsscontractkit.server.auth.Credentials;
import org.dsscontractkit.server.generated.apinode.model.Dispatch;

/**
 * What the implementations of the generated user-API interfaces share: hand the generated request model to
 * {@link UserApi} with the caller's credentials (read by the credential filter) and query parameters. Jackson and
 * Bean Validation have checked the model against the schema; the endpoints read its open members (features, data,
 * function arguments: whatever the service file declares) as JSON.
 */
abstract class GeneratedApiSupport {

    private final UserApi api;

    @Context
    private SecurityContext security;
    @Context
    private UriInfo uriInfo;

    GeneratedApiSupport(UserApi api) {
        this.api = api;
    }

    /**
     * @param body     the generated request model (null when the operation has no body or none was sent)
     * @param dispatch its generation selection, for the operations that take one
     */
    protected Response call(String serviceId, String endpointId, Verb verb, Object body, Dispatch dispatch) {
        JsonNode json = UserApi.toTree(body);
        Credentials credentials = security.getUserPrincipal() instanceof ApiNodeAuthenticator.ServiceCaller caller
                ? caller.credentials() : Credentials.NONE;
        return api.call(serviceId, endpointId, verb, json, dispatch, query(), credentials, ArrivalTimeFilter.arrivalOfCurrentRequest());
    }

    /** Query parameters; the GET variants take theirs freely named (x-dynamic-query-parameters). */
    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        return query;
    }
}
