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

/**
 * What the implementations of the generated user-API interfaces share: hand the typed request (as JSON) to
 * {@link UserApi} with the caller's credentials (read by the credential filter) and query parameters.
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
     * @param body the typed body Jackson built (already checked against the schema's types); the API node reads the
     *             raw JSON it came from, see {@link RawBodyCapture}
     */
    protected Response call(String serviceId, String endpointId, Verb verb, Object body) {
        byte[] raw = RawBodyCapture.current();
        JsonNode json = raw != null ? UserApi.parseBody(raw) : UserApi.toTree(body);
        Credentials credentials = security.getUserPrincipal() instanceof ApiNodeAuthenticator.ServiceCaller caller
                ? caller.credentials() : Credentials.NONE;
        return api.call(serviceId, endpointId, verb, json, query(), credentials, ArrivalTimeFilter.arrivalOfCurrentRequest());
    }

    /** Query parameters; the GET variants take theirs freely named (x-dynamic-query-parameters). */
    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        return query;
    }
}
