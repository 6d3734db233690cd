package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/** Handle on a data connection ({@code getConnection}/{@code setConnection}/{@code deleteConnection}). Creating it sends no request. */
public final class DSSConnection extends DefinitionHandle {

    private final String name;

    /**
     * @param api  the client's generated operations
     * @param name connection name
     */
    public DSSConnection(DssApi api, String name) {
        super(api, "connection definition");
        this.name = DssApi.requireId("connection name", name);
    }

    /** @return the connection name */
    public String getName() {
        return name;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.connections().getConnectionRequestBuilder(name);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.connections().setConnectionRequestBuilder(name, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.connections().deleteConnectionRequestBuilder(name);
    }

    /**
     * @param contextualProjectKey project whose context resolves the connection (variables), or null
     * @return the connection information usable without admin rights: {@code getConnectionInfo}
     */
    public JsonNode getInfo(String contextualProjectKey) {
        return api.json(() -> api.connections().getConnectionInfoRequestBuilder(name, contextualProjectKey));
    }

    @Override
    String identifier() {
        return name;
    }
}
