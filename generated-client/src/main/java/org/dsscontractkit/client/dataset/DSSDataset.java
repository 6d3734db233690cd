package org.dsscontractkit.client.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.generated.dss.model.SchemaColumn;
import org.dsscontractkit.client.generated.dss.model.TabularDataFormat;
import org.dsscontractkit.client.generated.dss.model.UploadedFile;
import org.dsscontractkit.client.http.FileContent;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.job.JobDefinitionBuilder;
import org.dsscontractkit.client.rows.ColumnCaster;
import org.dsscontractkit.client.rows.RowStream;

/** Handle on a dataset, as returned by {@code project.getDataset(name)}. Creating it sends no request. */
public final class DSSDataset {

    /** Dataset types whose data are files, detected by {@code detectDatasetFormat} (the Python client's list). */
    private static final java.util.Set<String> FILE_TYPES = java.util.Set.of("Filesystem", "UploadedFiles", "FilesInFolder",
            "HDFS", "S3", "Azure", "GCS", "FTP", "SCP", "SFTP");

    /** The data format the Python client reads, and this one too. */
    public static final String STREAM_FORMAT = TabularDataFormat.TSV_EXCEL_NOHEADER.getValue();

    private final DssApi api;
    private final String projectKey;
    private final String name;

    /**
     * @param api        the client's generated operations
     * @param projectKey key of the dataset's project
     * @param name       dataset name
     */
    public DSSDataset(DssApi api, String projectKey, String name) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.name = DssApi.requireId("dataset name", name);
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
     * Tells whether the dataset exists, by reading its metadata ({@code getDatasetMetadata}).
     *
     * @return false when DSS answers 404 (unknown project or dataset)
     * @throws DataikuException for any other failure (unlike the Python client, which answers false to everything,
     *                          a wrong API key or an unreachable server is not reported as "does not exist")
     */
    public boolean exists() {
        try {
            api.json(() -> api.datasets().getDatasetMetadataRequestBuilder(projectKey, name));
            return true;
        } catch (DataikuException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** @return the settings, to change and {@link DSSDatasetSettings#save() save}: {@code getDatasetSettings} */
    public DSSDatasetSettings getSettings() {
        ObjectNode raw = api.object(() -> api.datasets().getDatasetSettingsRequestBuilder(projectKey, name), "dataset settings");
        return new DSSDatasetSettings(raw, settings -> api.send(() -> api.datasets().setDatasetSettingsRequestBuilder(projectKey, name, settings)));
    }

    /** @return the schema {@code {columns:[{name, type, ...}]}}, every attribute kept: {@code getDatasetSchema} */
    public ObjectNode getSchema() {
        return api.object(() -> api.datasets().getDatasetSchemaRequestBuilder(projectKey, name), "schema of dataset " + fullName());
    }

    /**
     * @return the schema columns as the generated model ({@code SchemaColumn}: name, typed {@code ColumnType},
     *         comment, meaning...); use {@link #getSchema()} to keep attributes the model does not declare
     */
    public List<SchemaColumn> getSchemaColumns() {
        JsonNode columns = getSchema().path("columns");
        try {
            return Arrays.asList(api.mapper().treeToValue(columns, SchemaColumn[].class));
        } catch (IOException | IllegalArgumentException e) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null,
                    "Schema of dataset " + fullName() + " does not match the contract: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the schema: {@code setDatasetSchema}.
     *
     * @param schema {@code {columns:[...]}}, as returned by {@link #getSchema()}
     * @return the answer of DSS
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public JsonNode setSchema(JsonNode schema) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Dataset schema", schema), "schema");
        return api.json(() -> api.datasets().setDatasetSchemaRequestBuilder(projectKey, name, body));
    }

    /** @return the metadata (label, description, tags, checklists, custom fields): {@code getDatasetMetadata} */
    public ObjectNode getMetadata() {
        return api.object(() -> api.datasets().getDatasetMetadataRequestBuilder(projectKey, name), "metadata of dataset " + fullName());
    }

    /**
     * Replaces the metadata, the whole object: {@code setDatasetMetadata}.
     *
     * @return the answer of DSS
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public JsonNode setMetadata(JsonNode metadata) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Dataset metadata", metadata), "metadata");
        return api.json(() -> api.datasets().setDatasetMetadataRequestBuilder(projectKey, name, body));
    }

    /** @return the partition ids of a partitioned dataset (empty otherwise): {@code listDatasetPartitions} */
    public List<String> listPartitions() {
        List<String> partitions = api.call(() -> api.datasets().listDatasetPartitions(projectKey, name));
        return partitions == null ? List.of() : partitions;
    }

    /** Clears all the data: {@code clearDatasetData}. @return the answer of DSS */
    public JsonNode clear() {
        return clear(null);
    }

    /**
     * Clears the data of some partitions: {@code clearDatasetData} ({@code ?partitions=a&partitions=b}).
     *
     * @param partitions partition ids, or null for all the data
     * @return the answer of DSS
     */
    public JsonNode clear(List<String> partitions) {
        return api.json(() -> api.datasetData().clearDatasetDataRequestBuilder(projectKey, name, partitions));
    }

    /** Deletes the dataset, keeping its data: {@code deleteDataset} with {@code dropData=false}. */
    public void delete() {
        delete(false);
    }

    /**
     * Deletes the dataset: {@code deleteDataset}.
     *
     * @param dropData true to also delete the underlying data
     */
    public void delete(boolean dropData) {
        api.send(() -> api.datasets().deleteDatasetRequestBuilder(projectKey, name, DssApi.flag(dropData)));
    }

    /** Streams all rows; see {@link #iterRows(List)}. */
    public RowStream iterRows() {
        return iterRows(null);
    }

    /**
     * Streams the rows of the dataset, typed by its schema, without holding more than one row in memory.
     *
     * <p>Calls, in the Python client's order: {@code readDatasetData} with {@code format=tsv-excel-noheader}, the
     * partitions and a new {@code readSessionId} (streamed), {@code getDatasetSchema}, then, after the last row,
     * {@code finishDatasetStreaming} with the session id, whose failure is thrown from the iterator.</p>
     *
     * @param partitions partition ids to read, or null for all
     * @return the rows, to read once; close it when stopping early
     */
    public RowStream iterRows(List<String> partitions) {
        String readSessionId = UUID.randomUUID().toString();
        InputStream body = api.stream(() -> api.datasetData().readDatasetDataRequestBuilder(projectKey, name,
                TabularDataFormat.TSV_EXCEL_NOHEADER, readSessionId, partitions, null, null));
        ColumnCaster caster;
        try {
            caster = new ColumnCaster(getSchema().path("columns"));
        } catch (RuntimeException e) {
            closeQuietly(body);
            throw e;
        }
        return new RowStream(body, caster,
                () -> api.send(() -> api.datasetData().finishDatasetStreamingRequestBuilder(projectKey, name, readSessionId)));
    }

    /**
     * Uploads a file into an "uploaded files" dataset: {@code addDatasetUploadedFile}, one multipart part
     * {@code file}, sent chunked (the length of a stream is not known). The answer is not read.
     *
     * @param content  file content, streamed and closed
     * @param fileName name the file gets in the dataset
     */
    public void uploadedAddFile(InputStream content, String fileName) {
        FileContent file = FileContent.of(fileName, content);
        api.send(() -> api.datasetData().addDatasetUploadedFileRequestBuilder(projectKey, name, file));
    }

    /**
     * Uploads a local file under its own name, with a {@code Content-Length}; see {@link #uploadedAddFile(InputStream, String)}.
     *
     * @throws DataikuException with status 0 when the file cannot be read (the {@code IOException} is the cause)
     */
    public void uploadedAddFile(Path file) {
        FileContent content = FileContent.of(file);
        api.send(() -> api.datasetData().addDatasetUploadedFileRequestBuilder(projectKey, name, content));
    }

    /** @return the files of an "uploaded files" dataset ({@code path}, {@code size}, {@code lastModified}): {@code listDatasetUploadedFiles} */
    public List<UploadedFile> uploadedListFiles() {
        return api.call(() -> api.datasetData().listDatasetUploadedFiles(projectKey, name));
    }

    /** @return the files of an "uploaded files" dataset as DSS sent them: {@code listDatasetUploadedFiles} */
    public JsonNode uploadedListFilesRaw() {
        return api.json(() -> api.datasetData().listDatasetUploadedFilesRequestBuilder(projectKey, name));
    }

    /** Deletes one file of an "uploaded files" dataset: {@code deleteDatasetUploadedFile}. */
    public void uploadedDeleteFile(String fileName) {
        api.send(() -> api.datasetData().deleteDatasetUploadedFileRequestBuilder(projectKey, name,
                DssApi.requireId("fileName", fileName)));
    }

    /**
     * @param partition partition id, or empty/null for a non-partitioned dataset (sent as {@code NP})
     * @return the last computed metric values: {@code getDatasetLastMetricValues}
     */
    public JsonNode getLastMetricValues(String partition) {
        String p = partition == null || partition.isEmpty() ? "NP" : partition;
        return api.json(() -> api.datasets().getDatasetLastMetricValuesRequestBuilder(projectKey, name, p));
    }

    /**
     * @param metricId  id of the metric ({@code records:COUNT_RECORDS}...)
     * @param partition partition id, or empty/null for a non-partitioned dataset (sent as {@code NP})
     * @return the values the metric took at each computation, oldest first ({@code values: [{time, value}]}):
     *         {@code getDatasetMetricHistory}
     */
    public JsonNode getMetricHistory(String metricId, String partition) {
        String m = DssApi.requireId("metric", metricId);
        String p = partition == null || partition.isEmpty() ? "NP" : partition;
        return api.json(() -> api.datasets().getDatasetMetricHistoryRequestBuilder(projectKey, name, p, m));
    }

    /**
     * Computes metrics: {@code computeDatasetMetricsFromIds} with {@code {metricIds}} when ids are given, else
     * {@code computeDatasetMetrics} with the probes (or no body).
     *
     * @param partition partition id, empty for none (always sent)
     * @param metricIds metric ids, or null
     * @param probes    probes object, or null
     * @return the computation report
     */
    public JsonNode computeMetrics(String partition, List<String> metricIds, JsonNode probes) {
        String p = partition == null ? "" : partition;
        if (metricIds != null) {
            ObjectNode body = api.newObject();
            body.set("metricIds", api.toTree(metricIds));
            return api.json(() -> api.datasets().computeDatasetMetricsFromIdsRequestBuilder(projectKey, name, body, p));
        }
        ObjectNode body = DssApi.requireObject("Metric probes", probes);
        return api.json(() -> api.datasets().computeDatasetMetricsRequestBuilder(projectKey, name, p, body));
    }

    /**
     * Runs checks: {@code runDatasetChecks} with the check ids (or no body for all).
     *
     * @param partition partition id, empty for none (always sent)
     * @param checks    check ids, or null for all
     * @return the check report
     */
    public JsonNode runChecks(String partition, List<String> checks) {
        String p = partition == null ? "" : partition;
        return api.json(() -> api.datasets().runDatasetChecksRequestBuilder(projectKey, name, p, checks));
    }

    /**
     * Copies every row into another dataset: {@code copyDataset} with
     * {@code {targetProjectKey, targetDatasetName, syncSchema, writeMode}}, like the Python client's {@code copy_to}.
     *
     * @param syncSchema give the target this dataset's schema first
     * @param writeMode  {@code OVERWRITE} or {@code APPEND}
     * @return the copy, a future; {@link DSSFuture#waitForResult()} gives the rows copied
     */
    public DSSFuture copyTo(DSSDataset target, boolean syncSchema, String writeMode) {
        ObjectNode body = api.newObject();
        body.put("targetProjectKey", target.getProjectKey());
        body.put("targetDatasetName", target.getName());
        body.put("syncSchema", syncSchema);
        body.put("writeMode", writeMode == null ? "OVERWRITE" : writeMode);
        return DSSFuture.fromResponse(api, api.json(() -> api.datasets().copyDatasetRequestBuilder(projectKey, name, body)));
    }

    /** @return the settings and what is known of the data ({@code dataset}, {@code lastBuild}): {@code getDatasetInfo} */
    public ObjectNode getInfo() {
        return api.object(() -> api.datasets().getDatasetInfoRequestBuilder(projectKey, name), "information of dataset " + fullName());
    }

    /** @return the recipes and analyses using the dataset ({@code type}, {@code objectId}, {@code objectProjectKey}): {@code getDatasetUsages} */
    public JsonNode getUsages() {
        return api.json(() -> api.datasets().getDatasetUsagesRequestBuilder(projectKey, name));
    }

    /**
     * Detects the format and schema of the files of a file-based dataset: {@code detectDatasetFormat} with
     * {@code {detectPossibleFormats: true, inferStorageTypes}}. Changes nothing.
     *
     * @return the detection, a future whose result holds {@code format} and {@code possibleFormats}
     */
    public DSSFuture testAndDetect(boolean inferStorageTypes) {
        ObjectNode body = api.newObject();
        body.put("detectPossibleFormats", true);
        body.put("inferStorageTypes", inferStorageTypes);
        return DSSFuture.fromResponse(api, api.json(() -> api.datasets().detectDatasetFormatRequestBuilder(projectKey, name, body)));
    }

    /** @return the schema of an SQL dataset's table, as the database describes it ({@code schemaDetection.newSchema}): {@code detectSqlDatasetSchema} */
    public JsonNode testAndDetectSql() {
        return api.json(() -> api.datasets().detectSqlDatasetSchemaRequestBuilder(projectKey, name));
    }

    /**
     * Detects the settings and returns them, not saved yet, like the Python client's {@code autodetect_settings}:
     * {@code getDatasetSettings}, then, for a file-based dataset, {@link #testAndDetect(boolean)} (format and schema
     * of its files), for any other, {@link #testAndDetectSql()} (schema of its table).
     *
     * @param inferStorageTypes for files: type the columns from their values (otherwise every column is a string)
     * @return the settings with {@code formatType}, {@code formatParams} and {@code schema} detected (the schema only,
     *         for an SQL dataset); {@link DSSDatasetSettings#save() save} them
     * @throws DataikuException (status 200, error type {@code FormatDetectionFailed}) when no format was detected
     */
    public DSSDatasetSettings autodetectSettings(boolean inferStorageTypes) {
        DSSDatasetSettings settings = getSettings();
        if (!FILE_TYPES.contains(settings.getType())) {
            JsonNode detected = testAndDetectSql();
            JsonNode schema = detected.path("schemaDetection").get("newSchema");
            if (schema == null) {
                throw new DataikuException(200, "FormatDetectionFailed", null,
                        "Format detection failed, complete response is " + detected, null);
            }
            settings.getRaw().set("schema", schema);
            return settings;
        }
        JsonNode result = testAndDetect(inferStorageTypes).waitForResult();
        JsonNode format = result == null ? null : result.get("format");
        if (format == null || !format.path("ok").asBoolean(false)) {
            throw new DataikuException(200, "FormatDetectionFailed", null,
                    "Format detection failed, complete response is " + result, null);
        }
        settings.getRaw().set("formatType", format.get("type"));
        settings.getRaw().set("formatParams", format.get("params"));
        settings.getRaw().set("schema", format.path("schemaDetection").get("newSchema"));
        return settings;
    }

    /**
     * Builds the dataset with a {@code NON_RECURSIVE_FORCED_BUILD} job and waits for it, at most the client's
     * wait limit ({@code ClientOptions.waitTimeout}, one hour by default).
     *
     * @return the job, {@code DONE}
     * @throws DataikuException                                        when the job ends {@code FAILED} or {@code ABORTED} (status 200, error type {@code JobFailed})
     * @throws org.dsscontractkit.client.future.WaitTimeoutException when the wait limit passes first (the job goes on)
     */
    public DSSJob build() {
        return build(JobDefinitionBuilder.NON_RECURSIVE_FORCED_BUILD, null, true, false, api.waitTimeout());
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
        DSSJob job = new JobDefinitionBuilder(api, projectKey, jobType)
                .withOutput(name, null, null, partitions)
                .start();
        if (wait) {
            job.waitForCompletion(timeout, noFail);
        }
        return job;
    }

    @Override
    public String toString() {
        return "DSSDataset[" + fullName() + "]";
    }

    private String fullName() {
        return projectKey + "." + name;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error being thrown matters more
        }
    }
}
