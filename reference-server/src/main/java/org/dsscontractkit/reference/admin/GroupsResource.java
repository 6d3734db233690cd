package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.GroupsApi;
import org.dsscontractkit.server.generated.dss.model.GroupCreation;

public final class GroupsResource extends ApiResource implements GroupsApi {
    private final GroupService groups;

    public GroupsResource(GroupService groups) { this.groups = groups; }

    @Override public Response listGroups() {
        admin();
        return ok(groups.list());
    }

    @Override public Response createGroup(GroupCreation groupCreation) {
        admin();
        return ok(groups.create(groupCreation));
    }

    @Override public Response getGroup(String groupName) {
        admin();
        return ok(groups.get(groupName));
    }

    @Override public Response setGroup(String groupName, ObjectNode group) {
        admin();
        return ok(groups.update(groupName, tree(group)));
    }

    @Override public Response deleteGroup(String groupName) {
        admin();
        groups.delete(groupName);
        return noContent();
    }
}
