package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.apinode.api.ForecastApi;
import org.dsscontractkit.server.generated.apinode.model.ForecastRequest;

/** forecast (tag Forecast). */
public class ForecastResource extends GeneratedApiSupport implements ForecastApi {

    public ForecastResource(UserApi api) {
        super(api);
    }

    @Override
    public Response forecast(String serviceId, String endpointId, ForecastRequest forecastRequest) {
        return call(serviceId, endpointId, Verb.FORECAST, forecastRequest, forecastRequest == null ? null : forecastRequest.getDispatch());
    }
}
