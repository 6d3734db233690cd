package org.dsscontractkit.client.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.dsscontractkit.client.JsonSettings;

/**
 * Settings of a managed folder ({@code getManagedFolder}/{@code setManagedFolder}). Change {@link #getRaw()} or use
 * the helpers, then {@link #save()}; unknown attributes are kept.
 */
public final class DSSManagedFolderSettings extends JsonSettings {

    DSSManagedFolderSettings(ObjectNode raw, Consumer<ObjectNode> save) {
        super(raw, save);
    }

    /** @return the kind of storage ({@code Filesystem}...) */
    public String getType() {
        return getRaw().path("type").asText(null);
    }

    /** @return where the files live ({@code connection}, {@code path}...), created empty when absent */
    public ObjectNode getRawParams() {
        JsonNode params = getRaw().get("params");
        return params instanceof ObjectNode object ? object : getRaw().putObject("params");
    }

    /**
     * Moves the folder to another connection and/or path; the files are not moved. @return this
     *
     * @param connection connection name, or null to keep it
     * @param path       path in the connection, or null to keep it
     */
    public DSSManagedFolderSettings setConnectionAndPath(String connection, String path) {
        if (connection != null) getRawParams().put("connection", connection);
        if (path != null) getRawParams().put("path", path);
        return this;
    }

    /** Makes the folder not partitioned. @return this */
    public DSSManagedFolderSettings removePartitioning() {
        getRaw().putObject("partitioning").putArray("dimensions");
        return this;
    }

    /** Adds a discrete partitioning dimension. @return this */
    public DSSManagedFolderSettings addDiscretePartitioningDimension(String name) {
        dimensions().addObject().put("name", name).put("type", "value");
        return this;
    }

    /** Sets which paths belong to which partition ({@code /%{country}/.*}). @return this */
    public DSSManagedFolderSettings setPartitioningFilePattern(String pattern) {
        partitioning().put("filePathPattern", pattern);
        return this;
    }

    private ObjectNode partitioning() {
        JsonNode p = getRaw().get("partitioning");
        return p instanceof ObjectNode object ? object : getRaw().putObject("partitioning");
    }

    private ArrayNode dimensions() {
        JsonNode d = partitioning().get("dimensions");
        return d instanceof ArrayNode array ? array : partitioning().putArray("dimensions");
    }
}
