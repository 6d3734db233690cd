package org.dsscontractkit.client.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.dataset.ManagedDatasetCreationHelper;
import org.dsscontractkit.client.folder.DSSManagedFolder;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.generated.dss.model.JobSummary;
import org.dsscontractkit.client.generated.dss.model.RecipeSummary;
import org.dsscontractkit.client.generated.dss.model.ScenarioSummary;
import org.dsscontractkit.client.http.FileContent;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.job.JobDefinitionBuilder;
import org.dsscontractkit.client.recipe.DSSRecipe;
import org.dsscontractkit.client.recipe.DSSRecipeCreator;
import org.dsscontractkit.client.scenario.DSSScenario;

/** Handle on a project, as returned by {@code client.getProject(key)}. Creating it sends no request. */
public final class DSSProject {

    private final DssApi api;
    private final String projectKey;

    /**
     * @param api        the client's generated operations
     * @param projectKey project key
     */
    public DSSProject(DssApi api, String projectKey) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
    }

    /**
     * Creates a project: {@code createProject} ({@code POST /projects/}, with {@code ?projectFolderId=} when a
     * folder is given). The body always holds {@code projectKey, name, owner, settings, description, permissions,
     * tags}, like the Python client; the answer is not read.
     *
     * @param api             the client's generated operations
     * @param projectKey      key of the new project (upper case letters, digits, underscores)
     * @param name            display name
     * @param owner           login of the owner
     * @param description     description, or null
     * @param settings        initial settings, or null
     * @param projectFolderId folder to create the project in, or null for the root
     * @param permissions     group permissions (a JSON array), or null for none
     * @param tags            tags, or null for none
     * @return a handle on the new project
     */
    public static DSSProject create(DssApi api, String projectKey, String name, String owner,
                                    String description, JsonNode settings, String projectFolderId,
                                    JsonNode permissions, List<String> tags) {
        ObjectNode body = api.newObject();
        body.put("projectKey", projectKey);
        body.put("name", name);
        body.put("owner", owner);
        body.set("settings", settings);
        body.put("description", description);
        body.set("permissions", permissions == null ? api.mapper().createArrayNode() : permissions);
        body.set("tags", api.toTree(tags == null ? List.of() : tags));
        api.send(() -> api.projects().createProjectRequestBuilder(body, projectFolderId));
        return new DSSProject(api, projectKey);
    }

    /** @return the project key */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the project summary ({@code projectKey}, {@code name}, owner...): {@code getProjectSummary} */
    public JsonNode getSummary() {
        return api.json(() -> api.projects().getProjectSummaryRequestBuilder(projectKey));
    }

    /**
     * @return label, description, checklists, tags and custom metadata ({@code custom.kv}), to change and give to
     *         {@link #setMetadata(JsonNode)}: {@code getProjectMetadata}
     */
    public ObjectNode getMetadata() {
        return api.object(() -> api.projects().getProjectMetadataRequestBuilder(projectKey), "project metadata");
    }

    /**
     * Replaces the metadata, the whole object (unknown attributes included): {@code setProjectMetadata}.
     *
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public void setMetadata(JsonNode metadata) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Project metadata", metadata), "metadata");
        api.send(() -> api.projects().setProjectMetadataRequestBuilder(projectKey, body));
    }

    /**
     * @return the owner and the group permissions ({@code permissions: [{group, readProjectContent, ...}]}), to
     *         change and give to {@link #setPermissions(JsonNode)}: {@code getProjectPermissions}
     */
    public ObjectNode getPermissions() {
        return api.object(() -> api.projects().getProjectPermissionsRequestBuilder(projectKey), "project permissions");
    }

    /**
     * Replaces the permissions, the whole object: {@code setProjectPermissions}.
     *
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public void setPermissions(JsonNode permissions) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Project permissions", permissions), "permissions");
        api.send(() -> api.projects().setProjectPermissionsRequestBuilder(projectKey, body));
    }

    /** @return the variables {@code {standard:{...}, local:{...}}}: {@code getProjectVariables} */
    public ObjectNode getVariables() {
        return api.object(() -> api.variables().getProjectVariablesRequestBuilder(projectKey), "project variables");
    }

    /**
     * Replaces the variables: {@code setProjectVariables}.
     *
     * @param variables must hold both {@code standard} and {@code local}, as the Python client requires
     * @throws IllegalArgumentException when it is not an object or one of them is missing (nothing is sent)
     */
    public void setVariables(JsonNode variables) {
        if (variables == null || !variables.has("standard") || !variables.has("local")) {
            throw new IllegalArgumentException("Project variables must contain both 'standard' and 'local' keys");
        }
        ObjectNode body = DssApi.requireObject("Project variables", variables);
        api.send(() -> api.variables().setProjectVariablesRequestBuilder(projectKey, body));
    }

    /**
     * @param typed true to get typed values (numbers, booleans), false for strings
     * @return the variables as resolved in the project (instance + project): {@code getResolvedProjectVariables}
     */
    public JsonNode getResolvedVariables(boolean typed) {
        return api.json(() -> api.variables().getResolvedProjectVariablesRequestBuilder(projectKey, DssApi.flag(typed)));
    }

    /**
     * Exports the project as a zip archive: {@code exportProject}, streamed. The caller must close the stream.
     *
     * @param options export options ({@code exportUploads}, {@code exportManagedFS}, {@code exportAllDatasets}...),
     *                or null for defaults ({@code {}} is sent)
     * @return the archive stream
     */
    public InputStream getExportStream(Map<String, Boolean> options) {
        ObjectNode body = options == null ? api.newObject() : (ObjectNode) api.toTree(options);
        FileContent archive = api.call(() -> api.projects().exportProject(projectKey, body));
        try {
            return archive.openStream();
        } catch (IOException e) {
            throw new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(),
                    "Cannot read the export of project " + projectKey + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Exports the project into a file; see {@link #getExportStream(Map)}.
     *
     * @throws DataikuException with status 0 when the file cannot be written (the cause is kept)
     */
    public void exportToFile(Path file, Map<String, Boolean> options) {
        try (InputStream in = getExportStream(options); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new DataikuException(DataikuException.NO_RESPONSE, e.getClass().getName(),
                    "Cannot export project " + projectKey + " to " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** @return handles on the datasets of the project: {@code listDatasets} with {@code foreign=false} */
    public List<DSSDataset> listDatasets() {
        return listDatasets(false, null);
    }

    /**
     * @param includeShared true to include datasets shared from other projects
     * @param tags          keep only datasets with one of these tags, or null
     * @return handles on the datasets (a shared one is a handle in its own project): {@code listDatasets}
     */
    public List<DSSDataset> listDatasets(boolean includeShared, List<String> tags) {
        List<DSSDataset> datasets = new ArrayList<>();
        for (JsonNode item : listDatasetsRaw(includeShared, tags)) {
            datasets.add(new DSSDataset(api, item.path("projectKey").asText(projectKey), item.path("name").asText()));
        }
        return datasets;
    }

    /** @return the dataset list items as DSS sent them: {@code listDatasets} with {@code foreign=false} */
    public JsonNode listDatasetsRaw() {
        return listDatasetsRaw(false, null);
    }

    /** @return the dataset list items ({@code projectKey}, {@code name}, {@code type}, ...) as DSS sent them: {@code listDatasets} */
    public JsonNode listDatasetsRaw(boolean includeShared, List<String> tags) {
        return api.json(() -> api.datasets().listDatasetsRequestBuilder(projectKey, DssApi.flag(includeShared), tags));
    }

    /** @return a handle on a dataset of this project (no request) */
    public DSSDataset getDataset(String datasetName) {
        return new DSSDataset(api, projectKey, datasetName);
    }

    /**
     * Creates a dataset: {@code createDataset} with all six keys always sent, like the Python client.
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
        ObjectNode body = api.newObject();
        body.put("name", datasetName);
        body.put("projectKey", projectKey);
        body.put("type", type);
        body.set("params", params == null ? api.newObject() : api.toTree(params));
        body.put("formatType", formatType);
        body.set("formatParams", formatParams == null ? api.newObject() : api.toTree(formatParams));
        api.send(() -> api.datasets().createDatasetRequestBuilder(projectKey, body));
        return getDataset(datasetName);
    }

    /**
     * Starts the creation of a managed dataset, like the Python client's {@code new_managed_dataset(name)}: choose
     * where it is stored, then {@link ManagedDatasetCreationHelper#create(boolean) create} it.
     */
    public ManagedDatasetCreationHelper newManagedDataset(String datasetName) {
        return new ManagedDatasetCreationHelper(api, this, datasetName);
    }

    /** @return handles on the managed folders of the project: {@code listManagedFolders} */
    public List<DSSManagedFolder> listManagedFolders() {
        List<DSSManagedFolder> folders = new ArrayList<>();
        for (JsonNode item : listManagedFoldersRaw()) {
            folders.add(new DSSManagedFolder(api, projectKey, item.path("id").asText()));
        }
        return folders;
    }

    /** @return the managed folders' settings as DSS sent them ({@code id}, {@code name}, {@code type}, {@code params}...): {@code listManagedFolders} */
    public JsonNode listManagedFoldersRaw() {
        return api.json(() -> api.managedFolders().listManagedFoldersRequestBuilder(projectKey));
    }

    /** @return a handle on a managed folder of this project, by id (no request) */
    public DSSManagedFolder getManagedFolder(String folderId) {
        return new DSSManagedFolder(api, projectKey, folderId);
    }

    /** Creates a managed folder on the {@code filesystem_folders} connection; see {@link #createManagedFolder(String, String, String)}. */
    public DSSManagedFolder createManagedFolder(String name) {
        return createManagedFolder(name, null, "filesystem_folders");
    }

    /**
     * Creates a managed folder: {@code createManagedFolder} with the Python client's body
     * ({@code {name, projectKey, type, params: {connection, path: "/${projectKey}/${odbId}"}}}).
     *
     * @param name       name of the folder, unique in the project
     * @param folderType kind of storage, or null for the connection's
     * @param connection connection to store the files on
     * @return a handle on the new folder (by the id DSS gave it)
     */
    public DSSManagedFolder createManagedFolder(String name, String folderType, String connection) {
        ObjectNode body = api.newObject();
        body.put("name", name);
        body.put("projectKey", projectKey);
        body.put("type", folderType);
        ObjectNode params = body.putObject("params");
        params.put("connection", connection);
        params.put("path", "/${projectKey}/${odbId}");
        ObjectNode created = api.object(() -> api.managedFolders().createManagedFolderRequestBuilder(projectKey, body), "created managed folder");
        return getManagedFolder(created.path("id").asText());
    }

    /** @return the jobs of the project, latest first ({@code def.id} is the job id): {@code listJobs} */
    public List<JobSummary> listJobs() {
        return api.call(() -> api.jobs().listJobs(projectKey, null));
    }

    /** @return the jobs of the project as DSS sent them: {@code listJobs} */
    public JsonNode listJobsRaw() {
        return api.json(() -> api.jobs().listJobsRequestBuilder(projectKey, null));
    }

    /** @return a handle on a job (no request) */
    public DSSJob getJob(String jobId) {
        return new DSSJob(api, projectKey, jobId);
    }

    /** @return a builder of a {@code NON_RECURSIVE_FORCED_BUILD} job */
    public JobDefinitionBuilder newJob() {
        return newJob(JobDefinitionBuilder.NON_RECURSIVE_FORCED_BUILD);
    }

    /** @return a builder of a job of the given type (see the constants of {@link JobDefinitionBuilder}) */
    public JobDefinitionBuilder newJob(String jobType) {
        return new JobDefinitionBuilder(api, projectKey, jobType);
    }

    /** Starts a job from a full definition sent verbatim: {@code startJob}. @return its handle */
    public DSSJob startJob(JsonNode definition) {
        return JobDefinitionBuilder.startJob(api, projectKey, definition);
    }

    /** @return the recipes ({@code projectKey}, {@code name}, {@code type}, {@code tags}): {@code listRecipes} */
    public List<RecipeSummary> listRecipes() {
        return api.call(() -> api.projects().listRecipes(projectKey));
    }

    /** @return the recipes as DSS sent them: {@code listRecipes} */
    public JsonNode listRecipesRaw() {
        return api.json(() -> api.projects().listRecipesRequestBuilder(projectKey));
    }

    /** @return the scenarios ({@code id}, {@code name}, {@code running}...): {@code listScenarios} */
    public List<ScenarioSummary> listScenarios() {
        return api.call(() -> api.projects().listScenarios(projectKey));
    }

    /** @return the scenarios as DSS sent them: {@code listScenarios} */
    public JsonNode listScenariosRaw() {
        return api.json(() -> api.projects().listScenariosRequestBuilder(projectKey));
    }

    /** @return a handle on a recipe of this project (no request) */
    public DSSRecipe getRecipe(String recipeName) {
        return new DSSRecipe(api, projectKey, recipeName);
    }

    /**
     * Starts the creation of a recipe, like the Python client's {@code new_recipe(type, name)}: add inputs and
     * outputs to the creator, then {@link DSSRecipeCreator#create() create} it.
     *
     * @param type recipe type ({@code sync}, {@code sql_query}, {@code python}...)
     * @param name recipe name, unique in the project
     */
    public DSSRecipeCreator newRecipe(String type, String name) {
        return new DSSRecipeCreator(api, projectKey, type, name);
    }

    /**
     * @return the last outcomes of the project's test scenarios ({@code nbTotalRanScenarios},
     * {@code nbScenariosPerOutcome}, {@code worstOutcome}): {@code getScenarioTestingStatus}
     */
    public JsonNode getTestingStatus() {
        return api.json(() -> api.scenarios().getScenarioTestingStatusRequestBuilder(projectKey, null));
    }

    /** @return the JUnit XML report of the last run of each test scenario: {@code getLastTestScenarioRunsReport} */
    public String getLastTestScenarioRunsReport() {
        return api.text(() -> api.scenarios().getLastTestScenarioRunsReportRequestBuilder(projectKey, null));
    }

    /** @return the same report as an HTML page: {@code getLastTestScenarioRunsHtmlReport} */
    public String getLastTestScenarioRunsHtmlReport() {
        return api.text(() -> api.scenarios().getLastTestScenarioRunsHtmlReportRequestBuilder(projectKey, null));
    }

    /** @return a handle on a scenario of this project, by id (no request) */
    public DSSScenario getScenario(String scenarioId) {
        return new DSSScenario(api, projectKey, scenarioId);
    }

    /**
     * Creates a scenario with no steps: {@code createScenario}.
     *
     * @param name name of the scenario (its id is derived from it: "Rebuild daily" gets {@code REBUILD_DAILY})
     * @param type {@code step_based} or {@code custom_python}
     * @return a handle on the new scenario
     */
    public DSSScenario createScenario(String name, String type) {
        return createScenario(name, type, null);
    }

    /**
     * Creates a scenario from a definition, like the Python client's {@code create_scenario}: the definition
     * ({@code {"params": {}}} when null) is sent with {@code type} and {@code name} set.
     *
     * @param definition e.g. {@code {"params": {"steps": [...]}, "id": "MY_ID"}}; not changed by this call
     * @return a handle on the new scenario
     */
    public DSSScenario createScenario(String name, String type, JsonNode definition) {
        ObjectNode body = definition == null ? api.newObject() : DssApi.requireObject("scenario definition", definition).deepCopy();
        if (!body.has("params")) {
            body.putObject("params");
        }
        body.put("type", type);
        body.put("name", name);
        JsonNode created = api.json(() -> api.scenarios().createScenarioRequestBuilder(projectKey, body));
        return getScenario(created.path("id").asText());
    }

    /** @return the folder holding the project: {@code locateProjectFolder} */
    public DSSProjectFolder getProjectFolder() {
        return new DSSProjectFolder(api, api.json(() -> api.projectFolders().locateProjectFolderRequestBuilder(projectKey)));
    }

    /**
     * Deletes the project, keeping managed data, clearing job and scenario logs, and waiting for the end:
     * {@code deleteProject} with {@code clearManagedDatasets=false&clearOutputManagedFolders=false&clearJobAndScenarioLogs=true&wait=true}.
     *
     * @return the deletion task, already finished ({@link DSSFuture#waitForResult()} returns at once)
     */
    public DSSFuture delete() {
        return delete(false, false, true, true);
    }

    /**
     * Deletes the project: {@code deleteProject}.
     *
     * @param clearManagedDatasets      also delete the data of managed datasets
     * @param clearOutputManagedFolders also delete the content of output managed folders
     * @param clearJobAndScenarioLogs   also delete job and scenario logs
     * @param waitForCompletion         true to return once deleted; false to get a running future
     * @return the deletion task
     */
    public DSSFuture delete(boolean clearManagedDatasets, boolean clearOutputManagedFolders,
                            boolean clearJobAndScenarioLogs, boolean waitForCompletion) {
        return DSSFuture.fromResponse(api, api.json(() -> api.projects().deleteProjectRequestBuilder(projectKey,
                DssApi.flag(clearManagedDatasets), DssApi.flag(clearOutputManagedFolders),
                DssApi.flag(clearJobAndScenarioLogs), DssApi.flag(waitForCompletion))));
    }

    @Override
    public String toString() {
        return "DSSProject[" + projectKey + "]";
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array instanceof ArrayNode items) {
            items.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
