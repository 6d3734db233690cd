package org.dsscontractkit.client.admin;

import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;

/**
 * Handle on a global API key ({@code /admin/global-api-keys/{keyId}}). The secret is only known when DSS returned
 * it (at creation, or when "secure API keys" is off).
 */
public final class DSSGlobalApiKey extends DefinitionHandle {

    private final String id;
    private final String key;

    /**
     * @param transport shared transport
     * @param id        key id
     * @param key       the secret, or null when unknown
     */
    public DSSGlobalApiKey(HttpTransport transport, String id, String key) {
        super(transport, "/admin/global-api-keys/" + PathSegments.encode(id));
        this.id = id;
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
}
