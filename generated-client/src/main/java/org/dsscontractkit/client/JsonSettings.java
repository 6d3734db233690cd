package org.dsscontractkit.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An object read from DSS, changed in place, then written back whole ({@link #save()}).
 *
 * <p>The object is kept as a JSON tree, never bound to a model class (the contract maps these open schemas to
 * {@link ObjectNode}), so attributes this client does not know (newer DSS versions, plugin-specific settings)
 * travel back to DSS unchanged.</p>
 */
public class JsonSettings {

    private final ObjectNode raw;
    private final Consumer<ObjectNode> save;

    /**
     * @param raw  the object as read
     * @param save writes the object back (a generated {@code set...} operation)
     */
    public JsonSettings(ObjectNode raw, Consumer<ObjectNode> save) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.save = Objects.requireNonNull(save, "save");
    }

    /** @return the live JSON object; change it, then call {@link #save()} */
    public ObjectNode getRaw() {
        return raw;
    }

    /** Writes the whole object back, unknown attributes included. */
    public void save() {
        save.accept(raw);
    }
}
