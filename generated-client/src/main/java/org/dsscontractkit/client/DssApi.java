package org.dsscontractkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import org.dsscontractkit.client.generated.dss.api.ApiKeysApi;
import org.dsscontractkit.client.generated.dss.api.AuditApi;
import org.dsscontractkit.client.generated.dss.api.AuthApi;
import org.dsscontractkit.client.generated.dss.api.CodeEnvsApi;
import org.dsscontractkit.client.generated.dss.api.ConnectionsApi;
import org.dsscontractkit.client.generated.dss.api.DatasetDataApi;
import org.dsscontractkit.client.generated.dss.api.DatasetsApi;
import org.dsscontractkit.client.generated.dss.api.FuturesApi;
import org.dsscontractkit.client.generated.dss.api.GeneralSettingsApi;
import org.dsscontractkit.client.generated.dss.api.GroupsApi;
import org.dsscontractkit.client.generated.dss.api.JobsApi;
import org.dsscontractkit.client.generated.dss.api.LicensingApi;
import org.dsscontractkit.client.generated.dss.api.LogsApi;
import org.dsscontractkit.client.generated.dss.api.ManagedFoldersApi;
import org.dsscontractkit.client.generated.dss.api.MeaningsApi;
import org.dsscontractkit.client.generated.dss.api.PluginsApi;
import org.dsscontractkit.client.generated.dss.api.ProjectFoldersApi;
import org.dsscontractkit.client.generated.dss.api.ProjectsApi;
import org.dsscontractkit.client.generated.dss.api.RecipesApi;
import org.dsscontractkit.client.generated.dss.api.ScenariosApi;
import org.dsscontractkit.client.generated.dss.api.SqlQueriesApi;
import org.dsscontractkit.client.generated.dss.api.UsersApi;
import org.dsscontractkit.client.generated.dss.api.VariablesApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiClient;
import org.dsscontractkit.client.http.ApiCalls;

/**
 * The generated operations of the DSS public API, one {@code *Api} per tag of the spec, all on the handles'
 * {@link ApiClient} of one {@link DSSClient}, with the calls of {@link ApiCalls}. Every handle talks to DSS through
 * this object only: paths, query parameters, bodies and authentication come from the generated code.
 */
public final class DssApi extends ApiCalls {

    private final ApiKeysApi apiKeys;
    private final AuditApi audit;
    private final AuthApi auth;
    private final CodeEnvsApi codeEnvs;
    private final ConnectionsApi connections;
    private final DatasetDataApi datasetData;
    private final DatasetsApi datasets;
    private final FuturesApi futures;
    private final GeneralSettingsApi generalSettings;
    private final GroupsApi groups;
    private final JobsApi jobs;
    private final LicensingApi licensing;
    private final LogsApi logs;
    private final ManagedFoldersApi managedFolders;
    private final MeaningsApi meanings;
    private final PluginsApi plugins;
    private final ProjectFoldersApi projectFolders;
    private final ProjectsApi projects;
    private final RecipesApi recipes;
    private final ScenariosApi scenarios;
    private final SqlQueriesApi sqlQueries;
    private final UsersApi users;
    private final VariablesApi variables;

    DssApi(ApiClient apiClient, HttpClient http, Duration waitTimeout) {
        super(http, apiClient.getObjectMapper(), waitTimeout);
        this.apiKeys = new ApiKeysApi(apiClient);
        this.audit = new AuditApi(apiClient);
        this.auth = new AuthApi(apiClient);
        this.codeEnvs = new CodeEnvsApi(apiClient);
        this.connections = new ConnectionsApi(apiClient);
        this.datasetData = new DatasetDataApi(apiClient);
        this.datasets = new DatasetsApi(apiClient);
        this.futures = new FuturesApi(apiClient);
        this.generalSettings = new GeneralSettingsApi(apiClient);
        this.groups = new GroupsApi(apiClient);
        this.jobs = new JobsApi(apiClient);
        this.licensing = new LicensingApi(apiClient);
        this.logs = new LogsApi(apiClient);
        this.managedFolders = new ManagedFoldersApi(apiClient);
        this.meanings = new MeaningsApi(apiClient);
        this.plugins = new PluginsApi(apiClient);
        this.projectFolders = new ProjectFoldersApi(apiClient);
        this.projects = new ProjectsApi(apiClient);
        this.recipes = new RecipesApi(apiClient);
        this.scenarios = new ScenariosApi(apiClient);
        this.sqlQueries = new SqlQueriesApi(apiClient);
        this.users = new UsersApi(apiClient);
        this.variables = new VariablesApi(apiClient);
    }

    /** @return global and personal API keys */
    public ApiKeysApi apiKeys() {
        return apiKeys;
    }

    /** @return custom audit entries */
    public AuditApi audit() {
        return audit;
    }

    /** @return who the key authenticates as */
    public AuthApi auth() {
        return auth;
    }

    /** @return code environments */
    public CodeEnvsApi codeEnvs() {
        return codeEnvs;
    }

    /** @return data connections */
    public ConnectionsApi connections() {
        return connections;
    }

    /** @return dataset data: rows, clearing, uploaded files */
    public DatasetDataApi datasetData() {
        return datasetData;
    }

    /** @return datasets: settings, schema, metadata, metrics, checks */
    public DatasetsApi datasets() {
        return datasets;
    }

    /** @return long-running tasks */
    public FuturesApi futures() {
        return futures;
    }

    /** @return the instance's general settings */
    public GeneralSettingsApi generalSettings() {
        return generalSettings;
    }

    /** @return groups of users */
    public GroupsApi groups() {
        return groups;
    }

    /** @return jobs */
    public JobsApi jobs() {
        return jobs;
    }

    /** @return licensing status */
    public LicensingApi licensing() {
        return licensing;
    }

    /** @return server logs */
    public LogsApi logs() {
        return logs;
    }

    /** @return managed folders: settings, files */
    public ManagedFoldersApi managedFolders() {
        return managedFolders;
    }

    /** @return user-defined meanings */
    public MeaningsApi meanings() {
        return meanings;
    }

    /** @return plugins */
    public PluginsApi plugins() {
        return plugins;
    }

    /** @return project folders */
    public ProjectFoldersApi projectFolders() {
        return projectFolders;
    }

    /** @return projects */
    public ProjectsApi projects() {
        return projects;
    }

    /** @return recipes: definition and payload, status, output schemas, metadata */
    public RecipesApi recipes() {
        return recipes;
    }

    /** @return scenarios, their runs and trigger fires */
    public ScenariosApi scenarios() {
        return scenarios;
    }

    /** @return SQL queries */
    public SqlQueriesApi sqlQueries() {
        return sqlQueries;
    }

    /** @return users */
    public UsersApi users() {
        return users;
    }

    /** @return project and global variables */
    public VariablesApi variables() {
        return variables;
    }

    /**
     * @param what  what the value is, for the error message (e.g. "project metadata")
     * @param value a value the caller gives for an object of the contract
     * @return the value as an object, or null when null
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public static ObjectNode requireObject(String what, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException(what + " must be a JSON object, got: " + value);
    }

    /**
     * @param what  name of the identifier, for the error message (e.g. "projectKey")
     * @param value an identifier used as a path segment
     * @return the identifier
     * @throws IllegalArgumentException when it is null or empty: an empty segment would call another path
     */
    public static String requireId(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        return value;
    }

    /** @return a boolean as a query value ({@code true}/{@code false}; the contract also accepts Python's spelling) */
    public static String flag(boolean value) {
        return Boolean.toString(value);
    }
}
