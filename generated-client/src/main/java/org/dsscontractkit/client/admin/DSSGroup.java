package org.dsscontractkit.client.admin;

import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;

/** Handle on a group of users ({@code /admin/groups/{groupName}}). Creating it sends no request. */
public final class DSSGroup extends DefinitionHandle {

    private final String name;

    /**
     * @param transport shared transport
     * @param name      group name
     */
    public DSSGroup(HttpTransport transport, String name) {
        super(transport, "/admin/groups/" + PathSegments.encode(name));
        this.name = name;
    }

    /** @return the group name */
    public String getName() {
        return name;
    }
}
