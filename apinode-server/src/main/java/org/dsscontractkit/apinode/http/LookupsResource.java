package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.apinode.api.LookupsApi;
import org.dsscontractkit.server.generated.apinode.model.LookupMultiRequest;
import org.dsscontractkit.server.generated.apinode.model.LookupRequest;

/** lookup, lookup-multi, lookup-simple (tag Lookups). */
public class LookupsResource extends GeneratedApiSupport implements LookupsApi {

    public LookupsResource(UserApi api) {
        super(api);
    }

    @Override
    public Response lookupRecord(String serviceId, String endpointId, LookupRequest lookupRequest) {
        return call(serviceId, endpointId, Verb.LOOKUP, lookupRequest, null);
    }

    @Override
    public Response lookupRecords(String serviceId, String endpointId, LookupMultiRequest lookupMultiRequest) {
        return call(serviceId, endpointId, Verb.LOOKUP_MULTI, lookupMultiRequest, null);
    }

    @Override
    public Response lookupSimple(String serviceId, String endpointId) {
        return call(serviceId, endpointId, Verb.LOOKUP_SIMPLE, null, null);
    }
}
