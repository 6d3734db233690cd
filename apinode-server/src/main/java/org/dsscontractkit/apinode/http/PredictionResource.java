package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.apinode.api.PredictionApi;
import org.dsscontractkit.server.generated.apinode.model.PredictionMultiRequest;
import org.dsscontractkit.server.generated.apinode.model.PredictionRequest;

/** predict, predict-multi, predict-simple (tag Prediction). */
public class PredictionResource extends GeneratedApiSupport implements PredictionApi {

    public PredictionResource(UserApi api) {
        super(api);
    }

    @Override
    public Response predictRecord(String serviceId, String endpointId, PredictionRequest predictionRequest) {
        return call(serviceId, endpointId, Verb.PREDICT, predictionRequest, predictionRequest == null ? null : predictionRequest.getDispatch());
    }

    @Override
    public Response predictRecords(String serviceId, String endpointId, PredictionMultiRequest predictionMultiRequest) {
        return call(serviceId, endpointId, Verb.PREDICT_MULTI, predictionMultiRequest, predictionMultiRequest == null ? null : predictionMultiRequest.getDispatch());
    }

    @Override
    public Response predictSimple(String serviceId, String endpointId) {
        return call(serviceId, endpointId, Verb.PREDICT_SIMPLE, null, null);
    }
}
