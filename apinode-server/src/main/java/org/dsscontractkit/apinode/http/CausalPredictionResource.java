package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.apinode.api.CausalPredictionApi;
import org.dsscontractkit.server.generated.apinode.model.EffectMultiRequest;
import org.dsscontractkit.server.generated.apinode.model.EffectRequest;

/** predict-effect, predict-effect-multi (tag Causal prediction). */
public class CausalPredictionResource extends GeneratedApiSupport implements CausalPredictionApi {

    public CausalPredictionResource(UserApi api) {
        super(api);
    }

    @Override
    public Response predictEffect(String serviceId, String endpointId, EffectRequest effectRequest) {
        return call(serviceId, endpointId, Verb.PREDICT_EFFECT, effectRequest, effectRequest == null ? null : effectRequest.getDispatch());
    }

    @Override
    public Response predictEffects(String serviceId, String endpointId, EffectMultiRequest effectMultiRequest) {
        return call(serviceId, endpointId, Verb.PREDICT_EFFECT_MULTI, effectMultiRequest, effectMultiRequest == null ? null : effectMultiRequest.getDispatch());
    }
}
