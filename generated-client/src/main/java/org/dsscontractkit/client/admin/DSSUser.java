package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;

/** Handle on a DSS user ({@code /admin/users/{login}}). Creating it sends no request. */
public final class DSSUser extends DefinitionHandle {

    private final String login;

    /**
     * @param transport shared transport
     * @param login     user login
     */
    public DSSUser(HttpTransport transport, String login) {
        super(transport, "/admin/users/" + PathSegments.encode(login));
        this.login = login;
    }

    /** @return the login */
    public String getLogin() {
        return login;
    }

    /** Deletes the user: {@code DELETE /admin/users/{login}?allowSelfDeletion=false}. */
    @Override
    public void delete() {
        delete(false);
    }

    /**
     * Deletes the user.
     *
     * @param allowSelfDeletion true to allow deleting the user owning the API key in use
     */
    public void delete(boolean allowSelfDeletion) {
        transport.call("DELETE", path, QueryParams.of("allowSelfDeletion", allowSelfDeletion), null);
    }

    /** @return the public information on the user, readable without admin rights: {@code GET /users/{login}} */
    public JsonNode getInfo() {
        return transport.getJson("/users/" + PathSegments.encode(login), null);
    }
}
