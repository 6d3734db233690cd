package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the implementations of the generated user-API interfaces share: hand the typed request (as JSON) to
 * {@link UserApi} with the caller's Authorization header and query parameters.
 */
abstract class GeneratedApiSupport {

    private final UserApi api;

    @Context
    private HttpHeaders headers;
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
        return api.call(serviceId, endpointId, verb, json, query(), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                ArrivalTimeFilter.arrivalOfCurrentRequest());
    }

    /** Query parameters; the GET variants take theirs freely named (x-dynamic-query-parameters). */
    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        return query;
    }
}
