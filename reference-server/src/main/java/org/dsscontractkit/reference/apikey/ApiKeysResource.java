package org.dsscontractkit.reference.apikey;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.api.ApiKeysApi;
import org.dsscontractkit.server.generated.dss.model.GlobalApiKey;
import org.dsscontractkit.server.generated.dss.model.GlobalApiKeyCreation;
import org.dsscontractkit.server.generated.dss.model.PersonalApiKey;
import org.dsscontractkit.server.generated.dss.model.PersonalApiKeyCreation;
import org.dsscontractkit.server.generated.dss.model.PersonalApiKeyForUserCreation;

public final class ApiKeysResource extends ApiResource implements ApiKeysApi {
    private final ApiKeyService keys;

    public ApiKeysResource(ApiKeyService keys) { this.keys = keys; }

    @Override public Response listGlobalApiKeys() {
        admin();
        return ok(keys.listGlobal());
    }

    @Override public Response createGlobalApiKey(GlobalApiKeyCreation creation) {
        return ok(keys.createGlobal(creation, admin()));
    }

    @Override public Response getGlobalApiKey(String keyId) {
        admin();
        return ok(keys.getGlobal(keyId));
    }

    @Override public Response getGlobalApiKeyBySecret(String secret) {
        admin();
        return ok(keys.getGlobalBySecret(secret));
    }

    @Override public Response setGlobalApiKey(String keyId, GlobalApiKey globalApiKey) {
        admin();
        keys.updateGlobal(keyId, globalApiKey);
        return noContent();
    }

    @Override public Response deleteGlobalApiKey(String keyId) {
        admin();
        keys.deleteGlobal(keyId);
        return noContent();
    }

    @Override public Response listPersonalApiKeys() {
        String login = caller().login();
        return ok(login == null ? Json.array() : keys.listPersonal(login));
    }

    @Override public Response createPersonalApiKey(PersonalApiKeyCreation creation) {
        return ok(keys.createPersonal(creation.getLabel(), creation.getDescription(), null, caller()));
    }

    @Override public Response getPersonalApiKey(String keyId) { return ok(keys.getPersonal(keyId, caller())); }

    @Override public Response setPersonalApiKey(String keyId, PersonalApiKey personalApiKey) {
        keys.updatePersonal(keyId, personalApiKey.getLabel(), personalApiKey.getDescription(), caller());
        return noContent();
    }

    @Override public Response deletePersonalApiKey(String keyId) {
        keys.deletePersonal(keyId, caller());
        return noContent();
    }

    @Override public Response listAllPersonalApiKeys() {
        admin();
        return ok(keys.listPersonal(null));
    }

    @Override public Response createPersonalApiKeyForUser(PersonalApiKeyForUserCreation creation) {
        var c = admin();
        return ok(keys.createPersonal(creation.getLabel(), creation.getDescription(), creation.getUser(), c));
    }
}
