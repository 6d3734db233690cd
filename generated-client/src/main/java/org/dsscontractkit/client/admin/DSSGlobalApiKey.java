package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/**
 * Handle on a global API key ({@code getGlobalApiKey}/{@code setGlobalApiKey}/{@code deleteGlobalApiKey}): label,
 * description, {@code globalPermissions}, {@code groups}. The secret is only known when DSS returned it (at
 * creation, or when "secure API keys" is off).
 */
public final class DSSGlobalApiKey extends DefinitionHandle {

    private final String id;
    private final String key;

    /**
     * @param api the client's generated operations
     * @param id  key id
     * @param key the secret, or null when unknown
     */
    public DSSGlobalApiKey(DssApi api, String id, String key) {
        super(api, "global API key definition");
        this.id = DssApi.requireId("keyId", id);
        this.key = key;
    }

    /** @return the key id */
    public String getId() {
        return id;
    }

    /** @return the secret to authenticate with, or null when DSS did not return it */
    public String getKey() {
        return key;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.apiKeys().getGlobalApiKeyRequestBuilder(id);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.apiKeys().setGlobalApiKeyRequestBuilder(id, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.apiKeys().deleteGlobalApiKeyRequestBuilder(id);
    }

    @Override
    String identifier() {
        return id;
    }
}
