package org.dsscontractkit.client.admin;

import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;

/** Handle on a user-defined meaning ({@code /meanings/{meaningId}}): get/set definition, delete. Creating it sends no request. */
public final class DSSMeaning extends DefinitionHandle {

    private final String id;

    /**
     * @param transport shared transport
     * @param id        meaning id
     */
    public DSSMeaning(HttpTransport transport, String id) {
        super(transport, "/meanings/" + PathSegments.encode(id));
        this.id = id;
    }

    /** @return the meaning id */
    public String getId() {
        return id;
    }
}
