package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.dsscontractkit.server.generated.apinode.api.FunctionsApi;

/** run, POST (JSON arguments) and GET (query parameters, as strings) (tag Functions). */
public class FunctionsResource extends GeneratedApiSupport implements FunctionsApi {

    public FunctionsResource(UserApi api) {
        super(api);
    }

    @Override
    public Response runFunction(String serviceId, String endpointId, Map<String, Object> requestBody) {
        return call(serviceId, endpointId, Verb.RUN, requestBody, null);
    }

    @Override
    public Response runFunctionWithQueryParams(String serviceId, String endpointId) {
        return call(serviceId, endpointId, Verb.RUN, null, null);
    }
}
