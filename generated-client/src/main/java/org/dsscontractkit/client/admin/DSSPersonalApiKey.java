package org.dsscontractkit.client.admin;

import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;

/** Handle on a personal API key ({@code /personal-api-keys/{keyId}}). */
public final class DSSPersonalApiKey extends DefinitionHandle {

    private final String id;
    private final String key;
    private final String user;

    /**
     * @param transport shared transport
     * @param id        key id
     * @param key       the secret, or null when unknown
     * @param user      login of the owner, or null when unknown
     */
    public DSSPersonalApiKey(HttpTransport transport, String id, String key, String user) {
        super(transport, "/personal-api-keys/" + PathSegments.encode(id));
        this.id = id;
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
}
