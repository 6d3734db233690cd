package org.dsscontractkit.client.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.generated.dss.model.ManagedFolderItem;
import org.dsscontractkit.client.http.FileContent;

/**
 * Handle on a managed folder, as returned by {@code project.getManagedFolder(id)}: its settings and the files in it.
 * Creating it sends no request. File paths are paths inside the folder ({@code /2015/orders.csv}); the generated
 * code sends them as one encoded path segment.
 */
public final class DSSManagedFolder {

    private final DssApi api;
    private final String projectKey;
    private final String id;

    /**
     * @param api        the client's generated operations
     * @param projectKey key of the folder's project
     * @param id         the folder's identifier (not its name)
     */
    public DSSManagedFolder(DssApi api, String projectKey, String id) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.id = DssApi.requireId("managed folder id", id);
    }

    /** @return the folder's identifier (8 random characters, not its name) */
    public String getId() {
        return id;
    }

    /** @return the key of the folder's project */
    public String getProjectKey() {
        return projectKey;
    }

    /** Deletes the folder from the project; its files stay where they are: {@code deleteManagedFolder}. */
    public void delete() {
        api.send(() -> api.managedFolders().deleteManagedFolderRequestBuilder(projectKey, id));
    }

    /** Renames the folder; its id does not change: {@code renameManagedFolder}. */
    public void rename(String newName) {
        ObjectNode body = api.newObject();
        body.put("id", id);
        body.put("newName", newName);
        api.send(() -> api.managedFolders().renameManagedFolderRequestBuilder(projectKey, body));
    }

    /** @return the settings, to change and {@link DSSManagedFolderSettings#save() save}: {@code getManagedFolder} */
    public DSSManagedFolderSettings getSettings() {
        return new DSSManagedFolderSettings(getDefinition(),
                settings -> api.send(() -> api.managedFolders().setManagedFolderRequestBuilder(projectKey, id, settings)));
    }

    /** @return the settings as DSS sent them, every attribute kept: {@code getManagedFolder} (Python's deprecated {@code get_definition}) */
    public ObjectNode getDefinition() {
        return api.object(() -> api.managedFolders().getManagedFolderRequestBuilder(projectKey, id), "managed folder " + this);
    }

    /**
     * Replaces the settings: {@code setManagedFolder} (Python's deprecated {@code set_definition}).
     *
     * @return the answer of DSS ({@code msg})
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public JsonNode setDefinition(JsonNode definition) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Managed folder settings", definition), "definition");
        return api.json(() -> api.managedFolders().setManagedFolderRequestBuilder(projectKey, id, body));
    }

    /** @return every file of the folder, in all sub-folders ({@code path}, {@code size}, {@code lastModified}): {@code listManagedFolderContents} */
    public List<ManagedFolderItem> listContents() {
        List<ManagedFolderItem> items = api.call(() -> api.managedFolders().listManagedFolderContents(projectKey, id)).getItems();
        return items == null ? List.of() : items;
    }

    /** @return the listing as DSS sent it ({@code {items: [...]}}): {@code listManagedFolderContents} */
    public JsonNode listContentsRaw() {
        return api.json(() -> api.managedFolders().listManagedFolderContentsRequestBuilder(projectKey, id));
    }

    /**
     * Opens a file of the folder as a stream, never held in memory: {@code getManagedFolderFile}. The caller must
     * close it.
     *
     * @param path path of the file in the folder, e.g. {@code /2015/orders.csv}
     */
    public InputStream getFile(String path) {
        String p = DssApi.requireId("path", path);
        return api.stream(() -> api.managedFolders().getManagedFolderFileRequestBuilder(projectKey, id, p));
    }

    /**
     * Writes a file into the folder, replacing one of the same path; sub-folders are created:
     * {@code putManagedFolderFile}, one multipart part {@code file}, streamed (sent chunked: the length of a stream
     * is not known).
     *
     * @param path    path of the file in the folder
     * @param content file content, streamed and closed
     * @return the stored file
     */
    public ManagedFolderItem putFile(String path, InputStream content) {
        String p = DssApi.requireId("path", path);
        FileContent file = FileContent.of(fileName(p), content);
        return api.call(() -> api.managedFolders().putManagedFolderFile(projectKey, id, p, file));
    }

    /**
     * Writes a local file into the folder, with a {@code Content-Length}; see {@link #putFile(String, InputStream)}.
     *
     * @throws DataikuException with status 0 when the file cannot be read (the {@code IOException} is the cause)
     */
    public ManagedFolderItem putFile(String path, Path file) {
        String p = DssApi.requireId("path", path);
        FileContent content = FileContent.of(file);
        return api.call(() -> api.managedFolders().putManagedFolderFile(projectKey, id, p, content));
    }

    /**
     * Uploads every file under a local directory into the folder, keeping their relative paths under {@code path}
     * ({@code uploadFolder("/target", dir)} puts {@code dir/a/b.csv} at {@code /target/a/b.csv}), like the Python
     * client's {@code upload_folder}.
     *
     * @return the stored files
     */
    public List<ManagedFolderItem> uploadFolder(String path, Path folder) {
        String base = path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(),
                    "Cannot list " + folder + ": " + e.getMessage(), null, e);
        }
        List<ManagedFolderItem> stored = new ArrayList<>();
        for (Path f : files) {
            StringBuilder relative = new StringBuilder();
            for (Path segment : folder.relativize(f)) relative.append('/').append(segment);
            stored.add(putFile(base + relative, f));
        }
        return stored;
    }

    /** Deletes a file of the folder; a file that does not exist is not an error: {@code deleteManagedFolderFile}. */
    public void deleteFile(String path) {
        String p = DssApi.requireId("path", path);
        api.send(() -> api.managedFolders().deleteManagedFolderFileRequestBuilder(projectKey, id, p));
    }

    /** @return the objects using the folder ({@code type}, {@code objectId}, {@code objectProjectKey}): {@code getManagedFolderUsages} */
    public JsonNode getUsages() {
        return api.json(() -> api.managedFolders().getManagedFolderUsagesRequestBuilder(projectKey, id));
    }

    /** @return the folder's metrics with their last values ({@code basic:COUNT_FILES}, {@code basic:SIZE}): {@code getManagedFolderLastMetricValues} */
    public JsonNode getLastMetricValues() {
        return api.json(() -> api.managedFolders().getManagedFolderLastMetricValuesRequestBuilder(projectKey, id));
    }

    /** @return the values a metric took, oldest first ({@code values: [{time, value}]}): {@code getManagedFolderMetricHistory} */
    public JsonNode getMetricHistory(String metricId) {
        String m = DssApi.requireId("metric", metricId);
        return api.json(() -> api.managedFolders().getManagedFolderMetricHistoryRequestBuilder(projectKey, id, m));
    }

    /**
     * Measures the folder's files now ({@code basic:COUNT_FILES}, {@code basic:SIZE}):
     * {@code computeManagedFolderMetricsFromIds} with {@code {metricIds}} when ids are given, else
     * {@code computeManagedFolderMetrics} with the probes (or no body), like the Python client's {@code compute_metrics}.
     *
     * @param metricIds metric ids, or null
     * @param probes    probes object, or null
     * @return the answer, a future state: wrap it with {@link DSSFuture#fromResponse} to wait for its result
     */
    public JsonNode computeMetrics(List<String> metricIds, JsonNode probes) {
        if (metricIds != null) {
            ObjectNode body = api.newObject();
            body.set("metricIds", api.toTree(metricIds));
            return api.json(() -> api.managedFolders().computeManagedFolderMetricsFromIdsRequestBuilder(projectKey, id, body));
        }
        ObjectNode body = DssApi.requireObject("Metric probes", probes);
        return api.json(() -> api.managedFolders().computeManagedFolderMetricsRequestBuilder(projectKey, id, body));
    }

    /**
     * Copies every file of this folder into another: {@code copyManagedFolder} with
     * {@code {targetProjectKey, targetFolderId, writeMode}}.
     *
     * @param writeMode {@code OVERWRITE} (empties the target first) or {@code APPEND}
     * @return the copy, a future; {@link DSSFuture#waitForResult()} gives the files and bytes copied
     */
    public DSSFuture copyTo(DSSManagedFolder target, String writeMode) {
        ObjectNode body = api.newObject();
        body.put("targetProjectKey", target.getProjectKey());
        body.put("targetFolderId", target.getId());
        body.put("writeMode", writeMode == null ? "OVERWRITE" : writeMode);
        return DSSFuture.fromResponse(api, api.json(() -> api.managedFolders().copyManagedFolderRequestBuilder(projectKey, id, body)));
    }

    /**
     * Creates a {@code FilesInFolder} dataset reading this folder's files: {@code createDataset} with the Python
     * client's body ({@code params.folderSmartId}). Its format and schema are not set: use
     * {@link DSSDataset#autodetectSettings(boolean)} then save.
     *
     * @return a handle on the new dataset
     */
    public DSSDataset createDatasetFromFiles(String datasetName) {
        ObjectNode body = api.newObject();
        body.put("name", datasetName);
        body.put("projectKey", projectKey);
        body.put("type", "FilesInFolder");
        body.putObject("params").put("folderSmartId", id);
        api.send(() -> api.datasets().createDatasetRequestBuilder(projectKey, body));
        return new DSSDataset(api, projectKey, datasetName);
    }

    private static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "file" : name;
    }

    @Override
    public String toString() {
        return "DSSManagedFolder[" + projectKey + "." + id + "]";
    }
}
