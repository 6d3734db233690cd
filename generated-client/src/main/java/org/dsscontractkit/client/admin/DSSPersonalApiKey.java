package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/** Handle on a personal API key ({@code getPersonalApiKey}/{@code setPersonalApiKey}/{@code deletePersonalApiKey}). */
public final class DSSPersonalApiKey extends DefinitionHandle {

    private final String id;
    private final String key;
    private final String user;

    /**
     * @param api  the client's generated operations
     * @param id   key id
     * @param key  the secret, or null when unknown
     * @param user login of the owner, or null when unknown
     */
    public DSSPersonalApiKey(DssApi api, String id, String key, String user) {
        super(api, "personal API key definition");
        this.id = DssApi.requireId("keyId", id);
        this.key = key;
        this.user = user;
    }

    /** @return the key id */
    public String getId() {
        return id;
    }

    /** @return the secret, or null when DSS did not return it */
    public String getKey() {
        return key;
    }

    /** @return the owner's login, or null when unknown */
    public String getUser() {
        return user;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.apiKeys().getPersonalApiKeyRequestBuilder(id);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.apiKeys().setPersonalApiKeyRequestBuilder(id, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.apiKeys().deletePersonalApiKeyRequestBuilder(id);
    }

    @Override
    String identifier() {
        return id;
    }
}
