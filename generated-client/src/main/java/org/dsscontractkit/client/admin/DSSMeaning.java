package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/** Handle on a user-defined meaning ({@code getMeaning}/{@code setMeaning}/{@code deleteMeaning}). Creating it sends no request. */
public final class DSSMeaning extends DefinitionHandle {

    private final String id;

    /**
     * @param api the client's generated operations
     * @param id  meaning id
     */
    public DSSMeaning(DssApi api, String id) {
        super(api, "meaning definition");
        this.id = DssApi.requireId("meaningId", id);
    }

    /** @return the meaning id */
    public String getId() {
        return id;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.meanings().getMeaningRequestBuilder(id);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.meanings().setMeaningRequestBuilder(id, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.meanings().deleteMeaningRequestBuilder(id);
    }

    @Override
    String identifier() {
        return id;
    }
}
