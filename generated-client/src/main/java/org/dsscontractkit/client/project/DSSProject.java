package org.dsscontractkit.client.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.job.JobDefinitionBuilder;

/** Handle on a project ({@code /projects/{projectKey}}), as returned by {@code client.getProject(key)}. Creating it sends no request. */
public final class DSSProject {

    private final HttpTransport transport;
    private final String projectKey;

    /**
     * @param transport  shared transport
     * @param projectKey project key
     */
    public DSSProject(HttpTransport transport, String projectKey) {
        this.transport = transport;
        this.projectKey = projectKey;
    }

    /**
     * Creates a project: {@code POST /projects/} (with {@code ?projectFolderId=} when a folder is given). The body
     * always holds {@code projectKey, name, owner, settings, description, permissions, tags}, like the Python client.
     *
     * @param transport       shared transport
     * @param projectKey      key of the new project (upper case letters, digits, underscores)
     * @param name            display name
     * @param owner           login of the owner
     * @param description     description, or null
     * @param settings        initial settings, or null
     * @param projectFolderId folder to create the project in, or null for the root
     * @param permissions     group permissions, or null for none
     * @param tags            tags, or null for none
     * @return a handle on the new project
     */
    public static DSSProject create(HttpTransport transport, String projectKey, String name, String owner,
                                    String description, JsonNode settings, String projectFolderId,
                                    JsonNode permissions, List<String> tags) {
        ObjectNode body = transport.newObject();
        body.put("projectKey", projectKey);
        body.put("name", name);
        body.put("owner", owner);
        body.set("settings", settings);
        body.put("description", description);
        body.set("permissions", permissions == null ? transport.mapper().createArrayNode() : permissions);
        body.set("tags", transport.toTree(tags == null ? List.of() : tags));
        transport.text("POST", "/projects/", QueryParams.of("projectFolderId", projectFolderId), body);
        return new DSSProject(transport, projectKey);
    }

    /** @return the project key */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the project summary ({@code projectKey}, {@code name}, owner...): {@code GET /projects/{projectKey}} */
    public JsonNode getSummary() {
        return transport.getJson(base(), null);
    }

    /** @return label, description, checklists, tags and custom metadata: {@code GET /projects/{projectKey}/metadata} */
    public JsonNode getMetadata() {
        return transport.getJson(base() + "/metadata", null);
    }

    /** Replaces the metadata (the whole object, unknown attributes included): {@code PUT .../metadata}. */
    public void setMetadata(JsonNode metadata) {
        transport.call("PUT", base() + "/metadata", null, metadata);
    }

    /** @return owner and group permissions: {@code GET /projects/{projectKey}/permissions} */
    public JsonNode getPermissions() {
        return transport.getJson(base() + "/permissions", null);
    }

    /** Replaces the permissions: {@code PUT .../permissions}. */
    public void setPermissions(JsonNode permissions) {
        transport.call("PUT", base() + "/permissions", null, permissions);
    }

    /** @return the variables {@code {standard:{...}, local:{...}}}: {@code GET .../variables/} */
    public ObjectNode getVariables() {
        JsonNode variables = transport.getJson(base() + "/variables/", null);
        if (variables instanceof ObjectNode object) {
            return object;
        }
        throw new DataikuException(200, "InvalidResponse", null, "Expected project variables as a JSON object, got: " + variables);
    }

    /**
     * Replaces the variables: {@code PUT .../variables/}.
     *
     * @param variables must hold both {@code standard} and {@code local}, as the Python client requires
     * @throws IllegalArgumentException when one of them is missing (nothing is sent)
     */
    public void setVariables(JsonNode variables) {
        if (variables == null || !variables.has("standard") || !variables.has("local")) {
            throw new IllegalArgumentException("Project variables must contain both 'standard' and 'local' keys");
        }
        transport.call("PUT", base() + "/variables/", null, variables);
    }

    /**
     * @param typed true to get typed values (numbers, booleans), false for strings
     * @return the variables as resolved in the project (instance + project): {@code GET .../variables-resolved?typed=...}
     */
    public JsonNode getResolvedVariables(boolean typed) {
        return transport.getJson(base() + "/variables-resolved", QueryParams.of("typed", typed));
    }

    /**
     * Exports the project as a zip archive: {@code POST .../export}, streamed. The caller must close the stream.
     *
     * @param options export options ({@code exportUploads}, {@code exportManagedFS}, {@code exportAllDatasets}...), or null for defaults
     * @return the archive stream
     */
    public InputStream getExportStream(Map<String, Boolean> options) {
        return transport.stream("POST", base() + "/export", null,
                options == null ? transport.newObject() : transport.toTree(options));
    }

    /** Exports the project into a file; see {@link #getExportStream(Map)}. */
    public void exportToFile(Path file, Map<String, Boolean> options) {
        try (InputStream in = getExportStream(options); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export project " + projectKey + " to " + file, e);
        }
    }

    /** @return the datasets of the project: {@code GET .../datasets/?foreign=false} */
    public JsonNode listDatasets() {
        return listDatasets(false, null);
    }

    /**
     * @param includeShared true to include datasets shared from other projects
     * @param tags          keep only datasets with one of these tags, or null
     * @return the dataset list items ({@code projectKey}, {@code name}, {@code type}, ...): {@code GET .../datasets/}
     */
    public JsonNode listDatasets(boolean includeShared, List<String> tags) {
        return transport.getJson(base() + "/datasets/", QueryParams.of("foreign", includeShared).with("tags", tags));
    }

    /** @return a handle on a dataset of this project (no request) */
    public DSSDataset getDataset(String datasetName) {
        return new DSSDataset(transport, projectKey, datasetName);
    }

    /**
     * Creates a dataset: {@code POST .../datasets/} with all six keys always sent, like the Python client.
     *
     * @param datasetName  name of the new dataset
     * @param type         dataset type ({@code Filesystem}, {@code UploadedFiles}, {@code PostgreSQL}...)
     * @param params       type parameters, or null for {@code {}}
     * @param formatType   format ({@code csv}...), or null
     * @param formatParams format parameters, or null for {@code {}}
     * @return a handle on the new dataset
     */
    public DSSDataset createDataset(String datasetName, String type, Map<String, ?> params, String formatType,
                                    Map<String, ?> formatParams) {
        ObjectNode body = transport.newObject();
        body.put("name", datasetName);
        body.put("projectKey", projectKey);
        body.put("type", type);
        body.set("params", params == null ? transport.newObject() : transport.toTree(params));
        body.put("formatType", formatType);
        body.set("formatParams", formatParams == null ? transport.newObject() : transport.toTree(formatParams));
        transport.json("POST", base() + "/datasets/", null, body);
        return getDataset(datasetName);
    }

    /** @return the jobs of the project, latest first: {@code GET .../jobs/} */
    public JsonNode listJobs() {
        return transport.getJson(base() + "/jobs/", null);
    }

    /** @return a handle on a job (no request) */
    public DSSJob getJob(String jobId) {
        return new DSSJob(transport, projectKey, jobId);
    }

    /** @return a builder of a {@code NON_RECURSIVE_FORCED_BUILD} job */
    public JobDefinitionBuilder newJob() {
        return newJob(JobDefinitionBuilder.NON_RECURSIVE_FORCED_BUILD);
    }

    /** @return a builder of a job of the given type (see the constants of {@link JobDefinitionBuilder}) */
    public JobDefinitionBuilder newJob(String jobType) {
        return new JobDefinitionBuilder(transport, projectKey, jobType);
    }

    /** Starts a job from a full definition sent verbatim: {@code POST .../jobs/}. @return its handle */
    public DSSJob startJob(JsonNode definition) {
        return JobDefinitionBuilder.startJob(transport, projectKey, definition);
    }

    /** @return the recipes ({@code projectKey}, {@code name}, {@code type}): {@code GET .../recipes/} */
    public JsonNode listRecipes() {
        return transport.getJson(base() + "/recipes/", null);
    }

    /** @return the scenarios ({@code id}, {@code name}, {@code running}...): {@code GET .../scenarios/} */
    public JsonNode listScenarios() {
        return transport.getJson(base() + "/scenarios/", null);
    }

    /** @return the folder holding the project: {@code GET /project-folders/locate-project/{projectKey}} */
    public DSSProjectFolder getProjectFolder() {
        return new DSSProjectFolder(transport, transport.getJson("/project-folders/locate-project/" + PathSegments.encode(projectKey), null));
    }

    /**
     * Deletes the project, keeping managed data, clearing job and scenario logs, waiting for the end
     * ({@code DELETE /projects/{projectKey}?clearManagedDatasets=false&clearOutputManagedFolders=false&clearJobAndScenarioLogs=true&wait=true}).
     *
     * @return the deletion task (already finished with {@code wait=true})
     */
    public DSSFuture delete() {
        return delete(false, false, true, true);
    }

    /**
     * Deletes the project.
     *
     * @param clearManagedDatasets      also delete the data of managed datasets
     * @param clearOutputManagedFolders also delete the content of output managed folders
     * @param clearJobAndScenarioLogs   also delete job and scenario logs
     * @param waitForCompletion         true to return once deleted; false to get a running future
     * @return the deletion task
     */
    public DSSFuture delete(boolean clearManagedDatasets, boolean clearOutputManagedFolders,
                            boolean clearJobAndScenarioLogs, boolean waitForCompletion) {
        QueryParams query = QueryParams.of("clearManagedDatasets", clearManagedDatasets)
                .with("clearOutputManagedFolders", clearOutputManagedFolders)
                .with("clearJobAndScenarioLogs", clearJobAndScenarioLogs)
                .with("wait", waitForCompletion);
        return DSSFuture.fromResponse(transport, transport.json("DELETE", base(), query, null));
    }

    private String base() {
        return "/projects/" + PathSegments.encode(projectKey);
    }
}
