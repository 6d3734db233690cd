package org.dsscontractkit.client.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.project.DSSProject;

/**
 * Creates a managed dataset, like the Python client's {@code DSSManagedDatasetCreationHelper}: DSS chooses where the
 * data lives on the chosen connection. From {@code project.newManagedDataset(name)}.
 */
public final class ManagedDatasetCreationHelper {

    private final DssApi api;
    private final DSSProject project;
    private final String datasetName;
    private final ObjectNode creationSettings;

    /**
     * @param api         the client's generated operations
     * @param project     the project to create the dataset in
     * @param datasetName name of the new dataset
     */
    public ManagedDatasetCreationHelper(DssApi api, DSSProject project, String datasetName) {
        this.api = Objects.requireNonNull(api, "api");
        this.project = Objects.requireNonNull(project, "project");
        this.datasetName = DssApi.requireId("dataset name", datasetName);
        this.creationSettings = api.newObject();
        creationSettings.putObject("specificSettings");
    }

    /** @return the creation settings, sent as they are by {@link #create(boolean)} */
    public ObjectNode getCreationSettings() {
        return creationSettings;
    }

    /** Stores the dataset on {@code connection}. @return this */
    public ManagedDatasetCreationHelper withStoreInto(String connection) {
        return withStoreInto(connection, null, null);
    }

    /**
     * @param connection     connection to store into
     * @param typeOptionId   dataset type when the connection offers several, or null
     * @param formatOptionId file format, or null for the default
     * @return this
     */
    public ManagedDatasetCreationHelper withStoreInto(String connection, String typeOptionId, String formatOptionId) {
        creationSettings.put("connectionId", connection);
        if (typeOptionId != null) creationSettings.put("typeOptionId", typeOptionId);
        if (formatOptionId != null) {
            JsonNode specific = creationSettings.get("specificSettings");
            (specific instanceof ObjectNode o ? o : creationSettings.putObject("specificSettings")).put("formatOptionId", formatOptionId);
        }
        return this;
    }

    /** Gives the new dataset the partitioning of a dataset of the project. @return this */
    public ManagedDatasetCreationHelper withCopyPartitioningFrom(String datasetName) {
        creationSettings.put("partitioningOptionId", "copy:dataset:" + datasetName);
        return this;
    }

    /** @return whether a dataset of that name exists already (by reading its metadata) */
    public boolean alreadyExists() {
        return project.getDataset(datasetName).exists();
    }

    /**
     * Creates the dataset: {@code createManagedDataset} with {@code {name, creationSettings}}.
     *
     * @param overwrite when it exists already, delete it first with its data
     * @return a handle on the new dataset
     */
    public DSSDataset create(boolean overwrite) {
        if (overwrite && alreadyExists()) project.getDataset(datasetName).delete(true);
        ObjectNode body = api.newObject();
        body.put("name", datasetName);
        body.set("creationSettings", creationSettings);
        api.send(() -> api.datasets().createManagedDatasetRequestBuilder(project.getProjectKey(), body));
        return project.getDataset(datasetName);
    }
}
