package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.http.HttpTransport;

/**
 * What users, groups, connections and API keys share: one path read with {@code GET}, written whole with
 * {@code PUT} and removed with {@code DELETE}. Definitions are JSON trees, so unknown attributes survive a round trip.
 */
abstract class DefinitionHandle {

    final HttpTransport transport;
    final String path;

    DefinitionHandle(HttpTransport transport, String path) {
        this.transport = transport;
        this.path = path;
    }

    /** @return the definition: {@code GET} on the handle path */
    public JsonNode getDefinition() {
        return transport.getJson(path, null);
    }

    /** @return the definition as settings to change and {@link JsonSettings#save() save} */
    public JsonSettings getSettings() {
        return new Settings(transport, path, getDefinition());
    }

    /**
     * Replaces the definition: {@code PUT} on the handle path with the whole object.
     *
     * @param definition the full object, typically from {@link #getDefinition()} then changed
     * @return the answer of DSS (the saved definition for users, groups and connections)
     */
    public JsonNode setDefinition(JsonNode definition) {
        return transport.json("PUT", path, null, definition);
    }

    /** Deletes the object: {@code DELETE} on the handle path. */
    public void delete() {
        transport.call("DELETE", path, null, null);
    }

    private static final class Settings extends JsonSettings {
        Settings(HttpTransport transport, String path, JsonNode raw) {
            super(transport, path, raw);
        }
    }
}
