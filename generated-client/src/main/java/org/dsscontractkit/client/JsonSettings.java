package org.dsscontractkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.client.http.HttpTransport;

/**
 * An object read from DSS, changed in place, then written back whole ({@link #save()}).
 *
 * <p>The object is kept as a JSON tree, never bound to a model class, so attributes this client does not know
 * (newer DSS versions, plugin-specific settings) travel back to DSS unchanged.</p>
 */
public class JsonSettings {

    private final HttpTransport transport;
    private final String path;
    private final ObjectNode raw;

    /**
     * @param transport shared transport
     * @param path      path read from and written to with {@code PUT}
     * @param raw       the object as read
     */
    protected JsonSettings(HttpTransport transport, String path, JsonNode raw) {
        if (raw == null || !raw.isObject()) {
            throw new DataikuException(200, "InvalidResponse", null,
                    "Expected a JSON object from GET " + path + " but got: " + raw);
        }
        this.transport = transport;
        this.path = path;
        this.raw = (ObjectNode) raw;
    }

    /** @return the live JSON object; change it, then call {@link #save()} */
    public ObjectNode getRaw() {
        return raw;
    }

    /** Writes the whole object back ({@code PUT}), unknown attributes included. */
    public void save() {
        transport.call("PUT", path, null, raw);
    }

    /** @return the transport, for subclasses */
    protected HttpTransport transport() {
        return transport;
    }
}
