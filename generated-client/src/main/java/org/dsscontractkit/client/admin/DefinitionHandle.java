package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;

/**
 * What users, groups, connections, meanings and API keys share: a definition read whole, written whole and
 * removed, through three generated operations. Definitions are JSON trees (the contract maps these schemas to
 * {@link ObjectNode}), so unknown attributes survive a round trip.
 */
abstract class DefinitionHandle {

    final DssApi api;
    private final String what;

    DefinitionHandle(DssApi api, String what) {
        this.api = Objects.requireNonNull(api, "api");
        this.what = what;
    }

    /** @return the generated request reading the definition */
    abstract HttpRequest.Builder readRequest() throws ApiException;

    /** @return the generated request replacing the definition */
    abstract HttpRequest.Builder writeRequest(ObjectNode definition) throws ApiException;

    /** @return the generated request deleting the object */
    abstract HttpRequest.Builder deleteRequest() throws ApiException;

    /** @return the definition, to change and give back to {@link #setDefinition(JsonNode)} */
    public ObjectNode getDefinition() {
        return api.object(this::readRequest, what);
    }

    /** @return the definition as settings to change and {@link JsonSettings#save() save} */
    public JsonSettings getSettings() {
        return new JsonSettings(getDefinition(), raw -> api.send(() -> writeRequest(raw)));
    }

    /**
     * Replaces the definition with the whole object.
     *
     * @param definition the full object, typically from {@link #getDefinition()} then changed
     * @return the answer of DSS (the saved definition for users, groups, connections and meanings)
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public JsonNode setDefinition(JsonNode definition) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject(what, definition), "definition");
        return api.json(() -> writeRequest(body));
    }

    /** Deletes the object. */
    public void delete() {
        api.send(this::deleteRequest);
    }

    /** @return the identifier of the object (login, name or id) */
    abstract String identifier();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + identifier() + "]";
    }
}
