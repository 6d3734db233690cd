package org.dsscontractkit.reference.future;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.FuturesApi;

public final class FuturesResource extends ApiResource implements FuturesApi {
    private final FutureService futures;

    public FuturesResource(FutureService futures) { this.futures = futures; }

    @Override public Response listFutures(String withScenarios, String withNotScenarios, String allUsers) {
        return ok(futures.list(caller(), flag("allUsers", allUsers, false), flag("withScenarios", withScenarios, false),
                flag("withNotScenarios", withNotScenarios, true)));
    }

    @Override public Response getFutureState(String futureId, String peek) {
        flag("peek", peek, false);
        return ok(futures.state(caller(), futureId));
    }

    @Override public Response abortFuture(String futureId) {
        futures.abort(caller(), futureId);
        return noContent();
    }
}
