package org.dsscontractkit.client.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.http.HttpTransport;

/**
 * Settings of a dataset ({@code GET}/{@code PUT /projects/{projectKey}/datasets/{datasetName}}). Change
 * {@link #getRaw()} or use the helpers, then {@link #save()}; unknown attributes are kept.
 */
public final class DSSDatasetSettings extends JsonSettings {

    DSSDatasetSettings(HttpTransport transport, String path, JsonNode raw) {
        super(transport, path, raw);
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
