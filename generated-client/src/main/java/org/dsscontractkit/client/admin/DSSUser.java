package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/**
 * Handle on a DSS user: definition ({@code getUser}/{@code setUser}: login, display name, email, profile,
 * {@code groups}, {@code enabled}, properties, secrets...), deletion. Creating it sends no request.
 */
public final class DSSUser extends DefinitionHandle {

    private final String login;

    /**
     * @param api   the client's generated operations
     * @param login user login
     */
    public DSSUser(DssApi api, String login) {
        super(api, "user definition");
        this.login = DssApi.requireId("login", login);
    }

    /** @return the login */
    public String getLogin() {
        return login;
    }

    @Override
    HttpRequest.Builder readRequest() throws ApiException {
        return api.users().getUserRequestBuilder(login);
    }

    @Override
    HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException {
        return api.users().setUserRequestBuilder(login, definition);
    }

    @Override
    HttpRequest.Builder deleteRequest() throws ApiException {
        return api.users().deleteUserRequestBuilder(login, "false");
    }

    /** Deletes the user: {@code deleteUser} with {@code allowSelfDeletion=false}. */
    @Override
    public void delete() {
        delete(false);
    }

    /**
     * Deletes the user: {@code deleteUser}.
     *
     * @param allowSelfDeletion true to allow deleting the user owning the API key in use
     */
    public void delete(boolean allowSelfDeletion) {
        api.send(() -> api.users().deleteUserRequestBuilder(login, DssApi.flag(allowSelfDeletion)));
    }

    /** @return the public information on the user, readable without admin rights: {@code getUserInfo} */
    public JsonNode getInfo() {
        return api.json(() -> api.users().getUserInfoRequestBuilder(login));
    }

    @Override
    String identifier() {
        return login;
    }
}
