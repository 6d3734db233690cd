package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.UsersApi;
import org.dsscontractkit.server.generated.dss.model.UserCreation;

public final class UsersResource extends ApiResource implements UsersApi {
    private final UserService users;

    public UsersResource(UserService users) { this.users = users; }

    @Override public Response listUsers(String includeSettings, String connected) {
        admin();
        boolean onlyConnected = flag("connected", connected, false);
        // No interactive sessions exist on this server: nobody is "connected".
        return ok(onlyConnected ? org.dsscontractkit.reference.server.Json.array() : users.list(flag("includeSettings", includeSettings, false)));
    }

    @Override public Response createUser(UserCreation userCreation) {
        admin();
        return ok(users.create(userCreation));
    }

    @Override public Response getUser(String login) {
        admin();
        return ok(users.get(login));
    }

    @Override public Response setUser(String login, ObjectNode user) {
        admin();
        return ok(users.update(login, tree(user)));
    }

    @Override public Response deleteUser(String login, String allowSelfDeletion) {
        Caller c = admin();
        users.delete(login, c.login(), flag("allowSelfDeletion", allowSelfDeletion, false));
        return noContent();
    }

    @Override public Response getUserInfo(String login) {
        caller();
        return ok(users.info(login));
    }
}
