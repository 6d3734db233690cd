package org.dsscontractkit.client.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.generated.dss.model.DatasetSchema;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.job.JobDefinitionBuilder;
import org.dsscontractkit.client.rows.ColumnCaster;
import org.dsscontractkit.client.rows.RowStream;

/**
 * Handle on a dataset ({@code /projects/{projectKey}/datasets/{datasetName}}), as returned by
 * {@code project.getDataset(name)}. Creating it sends no request.
 */
public final class DSSDataset {

    /** The data format the Python client reads, and this one too. */
    public static final String STREAM_FORMAT = "tsv-excel-noheader";

    private final HttpTransport transport;
    private final String projectKey;
    private final String name;

    /**
     * @param transport  shared transport
     * @param projectKey key of the dataset's project
     * @param name       dataset name
     */
    public DSSDataset(HttpTransport transport, String projectKey, String name) {
        this.transport = transport;
        this.projectKey = projectKey;
        this.name = name;
    }

    /** @return the dataset name */
    public String getName() {
        return name;
    }

    /** @return the key of the dataset's project */
    public String getProjectKey() {
        return projectKey;
    }

    /**
     * Tells whether the dataset exists, by reading its metadata ({@code GET .../metadata}).
     *
     * @return false when DSS answers 404 (unknown project or dataset)
     * @throws DataikuException for any other failure (unlike the Python client, which answers false to everything,
     *                          a wrong API key or an unreachable server is not reported as "does not exist")
     */
    public boolean exists() {
        try {
            transport.getJson(base() + "/metadata", null);
            return true;
        } catch (DataikuException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** @return the settings, to change and {@link DSSDatasetSettings#save() save}: {@code GET} on the dataset path */
    public DSSDatasetSettings getSettings() {
        return new DSSDatasetSettings(transport, base(), transport.getJson(base(), null));
    }

    /** @return the schema {@code {columns:[{name, type, ...}]}}: {@code GET .../schema} */
    public ObjectNode getSchema() {
        return asObject(transport.getJson(base() + "/schema", null), "schema");
    }

    /**
     * @return the schema as the generated model ({@code columns} of {@code SchemaColumn} with typed {@code ColumnType});
     *         use {@link #getSchema()} to keep attributes the model does not declare
     */
    public DatasetSchema getSchemaModel() {
        try {
            return transport.mapper().treeToValue(getSchema(), DatasetSchema.class);
        } catch (JsonProcessingException e) {
            throw new DataikuException(200, "InvalidResponse", null,
                    "Schema of dataset " + projectKey + "." + name + " does not match the spec: " + e.getOriginalMessage());
        }
    }

    /**
     * Replaces the schema: {@code PUT .../schema}.
     *
     * @param schema {@code {columns:[...]}}, as returned by {@link #getSchema()}
     * @return the answer of DSS
     */
    public JsonNode setSchema(JsonNode schema) {
        return transport.json("PUT", base() + "/schema", null, schema);
    }

    /** @return the metadata (label, description, tags, custom fields): {@code GET .../metadata} */
    public ObjectNode getMetadata() {
        return asObject(transport.getJson(base() + "/metadata", null), "metadata");
    }

    /**
     * Replaces the metadata: {@code PUT .../metadata}.
     *
     * @return the answer of DSS
     */
    public JsonNode setMetadata(JsonNode metadata) {
        return transport.json("PUT", base() + "/metadata", null, metadata);
    }

    /** @return the partition ids of a partitioned dataset (empty otherwise): {@code GET .../partitions} */
    public List<String> listPartitions() {
        List<String> partitions = new ArrayList<>();
        transport.getJson(base() + "/partitions", null).forEach(p -> partitions.add(p.asText()));
        return partitions;
    }

    /** Clears all the data: {@code DELETE .../data} (no trailing slash). @return the answer of DSS */
    public JsonNode clear() {
        return clear(null);
    }

    /**
     * Clears the data of some partitions: {@code DELETE .../data?partitions=a&partitions=b}.
     *
     * @param partitions partition ids, or null for all the data
     * @return the answer of DSS
     */
    public JsonNode clear(List<String> partitions) {
        return transport.json("DELETE", base() + "/data", QueryParams.of("partitions", partitions), null);
    }

    /** Deletes the dataset, keeping its data: {@code DELETE} on the dataset path with {@code dropData=false}. */
    public void delete() {
        delete(false);
    }

    /**
     * Deletes the dataset.
     *
     * @param dropData true to also delete the underlying data
     */
    public void delete(boolean dropData) {
        transport.call("DELETE", base(), QueryParams.of("dropData", dropData), null);
    }

    /** Streams all rows; see {@link #iterRows(List)}. */
    public RowStream iterRows() {
        return iterRows(null);
    }

    /**
     * Streams the rows of the dataset, typed by its schema, without holding more than one row in memory.
     *
     * <p>Calls, in the Python client's order: {@code GET .../data/?format=tsv-excel-noheader&partitions=...&readSessionId=<uuid>}
     * (streamed), {@code GET .../schema}, then, after the last row, {@code GET .../finish-streaming/?readSessionId=<uuid>}
     * whose failure is thrown from the iterator.</p>
     *
     * @param partitions partition ids to read, or null for all
     * @return the rows; close it when stopping early
     */
    public RowStream iterRows(List<String> partitions) {
        String readSessionId = UUID.randomUUID().toString();
        QueryParams query = QueryParams.of("format", STREAM_FORMAT)
                .with("partitions", partitions)
                .with("readSessionId", readSessionId);
        InputStream body = transport.stream("GET", base() + "/data/", query, null);
        ColumnCaster caster;
        try {
            caster = new ColumnCaster(getSchema().path("columns"));
        } catch (RuntimeException e) {
            closeQuietly(body);
            throw e;
        }
        return new RowStream(body, caster, () -> transport.call("GET", base() + "/finish-streaming/",
                QueryParams.of("readSessionId", readSessionId), null));
    }

    /**
     * Uploads a file into an "uploaded files" dataset: {@code POST .../uploaded/files}, multipart part {@code file}.
     *
     * @param content  file content, streamed and closed
     * @param fileName name the file gets in the dataset
     */
    public void uploadedAddFile(InputStream content, String fileName) {
        transport.upload(base() + "/uploaded/files", fileName, content);
    }

    /** Uploads a local file under its own name; see {@link #uploadedAddFile(InputStream, String)}. */
    public void uploadedAddFile(Path file) {
        transport.upload(base() + "/uploaded/files", file.getFileName().toString(), file);
    }

    /** @return the files of an "uploaded files" dataset: {@code GET .../uploaded/files} */
    public JsonNode uploadedListFiles() {
        return transport.getJson(base() + "/uploaded/files", null);
    }

    /** Deletes one file of an "uploaded files" dataset: {@code DELETE .../uploaded/files/{fileName}}. */
    public void uploadedDeleteFile(String fileName) {
        transport.call("DELETE", base() + "/uploaded/files/" + PathSegments.encode(fileName), null, null);
    }

    /**
     * @param partition partition id, or empty/null for a non-partitioned dataset (sent as {@code NP})
     * @return the last computed metric values: {@code GET .../metrics/last/{partition}}
     */
    public JsonNode getLastMetricValues(String partition) {
        String p = partition == null || partition.isEmpty() ? "NP" : partition;
        return transport.getJson(base() + "/metrics/last/" + PathSegments.encode(p), null);
    }

    /**
     * Computes metrics: {@code POST .../actions/computeMetricsFromIds} with {@code {metricIds}} when ids are given,
     * else {@code POST .../actions/computeMetrics} with the probes (or no body).
     *
     * @param partition partition id, empty for none (always sent)
     * @param metricIds metric ids, or null
     * @param probes    probes object, or null
     * @return the computation report
     */
    public JsonNode computeMetrics(String partition, List<String> metricIds, JsonNode probes) {
        QueryParams query = QueryParams.of("partition", partition == null ? "" : partition);
        if (metricIds != null) {
            ObjectNode body = transport.newObject();
            body.set("metricIds", transport.toTree(metricIds));
            return transport.json("POST", base() + "/actions/computeMetricsFromIds", query, body);
        }
        return transport.json("POST", base() + "/actions/computeMetrics", query, probes);
    }

    /**
     * Runs checks: {@code POST .../actions/runChecks?partition=...} with the check ids (or no body for all).
     *
     * @return the check report
     */
    public JsonNode runChecks(String partition, List<String> checks) {
        QueryParams query = QueryParams.of("partition", partition == null ? "" : partition);
        return transport.json("POST", base() + "/actions/runChecks", query, checks == null ? null : transport.toTree(checks));
    }

    /** Builds the dataset with a {@code NON_RECURSIVE_FORCED_BUILD} job and waits for it. @return the job, {@code DONE} */
    public DSSJob build() {
        return build(JobDefinitionBuilder.NON_RECURSIVE_FORCED_BUILD, null, true, false, null);
    }

    /**
     * Builds the dataset, like the Python client's {@code build(job_type, partitions, wait, no_fail)}.
     *
     * @param jobType    job type, e.g. {@link JobDefinitionBuilder#RECURSIVE_BUILD}
     * @param partitions partition spec, or null
     * @param wait       true to wait for the job to end
     * @param noFail     with {@code wait}, true to return even if the job fails
     * @param timeout    with {@code wait}, maximum wait (null: forever)
     * @return the job handle
     */
    public DSSJob build(String jobType, String partitions, boolean wait, boolean noFail, Duration timeout) {
        DSSJob job = new JobDefinitionBuilder(transport, projectKey, jobType)
                .withOutput(name, null, null, partitions)
                .start();
        if (wait) {
            job.waitForCompletion(timeout, noFail);
        }
        return job;
    }

    private ObjectNode asObject(JsonNode node, String what) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new DataikuException(200, "InvalidResponse", null,
                "Expected the " + what + " of dataset " + projectKey + "." + name + " as a JSON object, got: " + node);
    }

    private String base() {
        return "/projects/" + PathSegments.encode(projectKey) + "/datasets/" + PathSegments.encode(name);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error being thrown matters more
        }
    }
}
