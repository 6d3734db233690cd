package org.dsscontractkit.client.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.dsscontractkit.client.JsonSettings;

/**
 * Settings of a dataset ({@code getDatasetSettings}/{@code setDatasetSettings}). Change {@link #getRaw()} or use
 * the helpers, then {@link #save()}; unknown attributes are kept.
 */
public final class DSSDatasetSettings extends JsonSettings {

    DSSDatasetSettings(ObjectNode raw, Consumer<ObjectNode> save) {
        super(raw, save);
    }

    /** @return the dataset type ({@code Filesystem}, {@code UploadedFiles}, {@code PostgreSQL}...) */
    public String getType() {
        return getRaw().path("type").asText(null);
    }

    /** @return the type-specific parameters ({@code params}), created empty when absent */
    public ObjectNode getParams() {
        JsonNode params = getRaw().get("params");
        return params instanceof ObjectNode object ? object : getRaw().putObject("params");
    }

    /** @return the schema columns ({@code schema.columns}), created empty when absent */
    public ArrayNode getSchemaColumns() {
        JsonNode schema = getRaw().get("schema");
        ObjectNode schemaObject = schema instanceof ObjectNode object ? object : getRaw().putObject("schema");
        JsonNode columns = schemaObject.get("columns");
        return columns instanceof ArrayNode array ? array : schemaObject.putArray("columns");
    }

    /** Appends a column to the schema. @return this */
    public DSSDatasetSettings addRawSchemaColumn(String name, String type) {
        getSchemaColumns().addObject().put("name", name).put("type", type);
        return this;
    }
}
