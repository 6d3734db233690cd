package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.dsscontractkit.server.generated.apinode.api.SqlQueriesApi;

/** query, POST (JSON parameters) and GET (query parameters) (tag SQL queries). */
public class SqlQueriesResource extends GeneratedApiSupport implements SqlQueriesApi {

    public SqlQueriesResource(UserApi api) {
        super(api);
    }

    @Override
    public Response sqlQuery(String serviceId, String endpointId, Map<String, Object> requestBody) {
        return call(serviceId, endpointId, Verb.QUERY, requestBody, null);
    }

    @Override
    public Response sqlQueryWithQueryParams(String serviceId, String endpointId) {
        return call(serviceId, endpointId, Verb.QUERY, null, null);
    }
}
