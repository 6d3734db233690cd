package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/**
 * Handle on a group of users: definition ({@code getGroup}/{@code setGroup}: description, {@code admin},
 * {@code mayCreateProjects} and the other global permissions, LDAP group names...), deletion. Members are set on the
 * users ({@code groups} of a user's definition). Creating it sends no request.
 */
public final class DSSGroup extends DefinitionHandle {

    private final String name;

    /**
     * @param api  the client's generated operations
     * @param name group name
     */
    public DSSGroup(DssApi api, String name) {
        super(api, "group definition");
        this.name = DssApi.requireId("group name", name);
    }

    /** @return the group name */
    public String getName() {
        return name;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.groups().getGroupRequestBuilder(name);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.groups().setGroupRequestBuilder(name, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.groups().deleteGroupRequestBuilder(name);
    }

    @Override
    String identifier() {
        return name;
    }
}
