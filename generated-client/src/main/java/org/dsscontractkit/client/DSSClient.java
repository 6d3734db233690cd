package org.dsscontractkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.dsscontractkit.client.admin.DSSConnection;
import org.dsscontractkit.client.admin.DSSGeneralSettings;
import org.dsscontractkit.client.admin.DSSGlobalApiKey;
import org.dsscontractkit.client.admin.DSSGroup;
import org.dsscontractkit.client.admin.DSSMeaning;
import org.dsscontractkit.client.admin.DSSPersonalApiKey;
import org.dsscontractkit.client.admin.DSSUser;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.generated.dss.invoker.ApiClient;
import org.dsscontractkit.client.generated.dss.invoker.ApiException;
import org.dsscontractkit.client.generated.dss.model.CodeEnv;
import org.dsscontractkit.client.generated.dss.model.FutureSummary;
import org.dsscontractkit.client.generated.dss.model.LogFileInfo;
import org.dsscontractkit.client.generated.dss.model.LogList;
import org.dsscontractkit.client.generated.dss.model.Plugin;
import org.dsscontractkit.client.generated.dss.model.ProjectSummary;
import org.dsscontractkit.client.http.HttpClients;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.project.DSSProjectFolder;
import org.dsscontractkit.client.sql.DSSSQLQuery;
import org.dsscontractkit.client.sql.SqlQuerySpec;

/**
 * Entry point of the Java client of the DSS public API, the counterpart of Python's {@code dataikuapi.DSSClient}:
 * log in once, then walk handles (client &rarr; project &rarr; dataset &rarr; schema).
 *
 * <pre>{@code
 * DSSClient client = new DSSClient("http://localhost:11200", apiKey);
 * DSSProject project = client.getProject("MYPROJECT");
 * ObjectNode schema = project.getDataset("mydataset").getSchema();
 * }</pre>
 *
 * <p>Authentication is HTTP Basic with the API key as user name and an empty password. Calls go to
 * {@code {host}/dip/publicapi} by default (what the Python client uses), or {@code {host}/public/api}
 * ({@link ApiBase#PUBLIC_API}). A client is thread-safe and cheap to share.</p>
 *
 * <p>Every call is an operation of the generated code ({@code org.dsscontractkit.client.generated.dss.api}); the
 * same operations are open to the caller with the same authentication, headers and timeouts, through
 * {@link #getApiClient()} (generated behaviour: checked {@code ApiException}) or {@link #call(GeneratedCall)}
 * (failures as {@link DataikuException}).</p>
 *
 * <p>Lists: {@code listX()} returns typed items (the generated model when the contract describes the item fully,
 * else the item's handle), {@code listXRaw()} the JSON exactly as DSS sent it; see the README.</p>
 */
public final class DSSClient {

    /** A call on the generated DSS code, given the client's {@link ApiClient}. */
    @FunctionalInterface
    public interface GeneratedCall<T> {
        /**
         * @param apiClient the generated client to build {@code *Api} objects on
         * @return the call's answer
         * @throws ApiException as the generated operations declare
         */
        T call(ApiClient apiClient) throws ApiException;
    }

    private final String host;
    private final String apiKey;
    private final String internalTicket;
    private final ClientOptions options;
    private final ApiClient publicApiClient;
    private final ApiClient handlesApiClient;
    private final DssApi api;

    /**
     * @param host   base URL of DSS, like {@code http://localhost:11200}
     * @param apiKey a personal or global API key
     */
    public DSSClient(String host, String apiKey) {
        this(host, apiKey, ClientOptions.defaults());
    }

    /**
     * @param host    base URL of DSS, like {@code https://dss.example.com}
     * @param apiKey  a personal or global API key
     * @param options base path, extra headers, timeouts, TLS verification, custom HTTP client, wait limit
     */
    public DSSClient(String host, String apiKey, ClientOptions options) {
        this(host, Objects.requireNonNull(apiKey, "apiKey: an API key is required"), null, options);
    }

    /**
     * A client authenticated by an internal ticket ({@code X-DKU-APITicket}), as code running inside DSS is; no
     * {@code Authorization} header is sent.
     *
     * @param host           base URL of DSS
     * @param internalTicket the ticket
     * @param options        connection options
     * @return the client
     */
    public static DSSClient withInternalTicket(String host, String internalTicket, ClientOptions options) {
        return new DSSClient(host, null, Objects.requireNonNull(internalTicket, "internalTicket"), options);
    }

    private DSSClient(String host, String apiKey, String internalTicket, ClientOptions options) {
        this.host = normaliseHost(host);
        this.apiKey = apiKey;
        this.internalTicket = internalTicket;
        this.options = Objects.requireNonNull(options, "options");
        String authorization = apiKey == null ? null : HttpClients.basicAuth(apiKey);
        Map<String, String> extraHeaders = options.extraHeaders();
        Consumer<HttpRequest.Builder> authentication = request -> {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            } else {
                request.setHeader("X-DKU-APITicket", internalTicket);
            }
            extraHeaders.forEach(request::setHeader);
        };
        String baseUri = this.host + options.apiBase().prefix();
        HttpClient http = HttpClients.client(options);
        HttpClient translating = HttpClients.failureTranslating(http);
        this.publicApiClient = apiClient(http, baseUri, authentication, options.readTimeout());
        this.handlesApiClient = apiClient(translating, baseUri, authentication, options.readTimeout());
        this.api = new DssApi(handlesApiClient, translating, options.waitTimeout());
    }

    private static ApiClient apiClient(HttpClient http, String baseUri, Consumer<HttpRequest.Builder> interceptor,
                                       Duration readTimeout) {
        // one HTTP client (one connection pool) for every *Api: the generated ApiClient builds a new one per call
        ApiClient apiClient = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        apiClient.updateBaseUri(baseUri);
        apiClient.setReadTimeout(readTimeout);
        apiClient.setRequestInterceptor(interceptor);
        return apiClient;
    }

    static String normaliseHost(String host) {
        Objects.requireNonNull(host, "host");
        String trimmed = host.strip();
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("host must be an http:// or https:// URL, got '" + host + "'");
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * @return the generated client configured like this one (base URI, authentication, extra headers, timeouts, HTTP
     *         client), to call generated operations, e.g. {@code new ProjectsApi(client.getApiClient())}. Those calls
     *         throw the generated checked {@code ApiException} ({@code getCode()}, {@code getResponseBody()});
     *         use {@link #call(GeneratedCall)} to get {@link DataikuException}s instead.
     */
    public ApiClient getApiClient() {
        return publicApiClient;
    }

    /**
     * Runs calls on the generated code with this client's configuration and its error translation: HTTP errors,
     * network failures and answers that do not match the contract become {@link DataikuException}s, like every
     * handle method.
     *
     * <pre>{@code
     * List<ProjectSummary> projects = client.call(api -> new ProjectsApi(api).listProjects("true", List.of("sales")));
     * }</pre>
     *
     * @param call what to run, given the generated client
     * @return its answer
     */
    public <T> T call(GeneratedCall<T> call) {
        return api.call(() -> call.call(handlesApiClient));
    }

    /**
     * Returns a client acting as another user ({@code X-DKU-ProxyUser: <login>} on every call), like the Python
     * client's {@code DSSUser.get_client_as()}. The API key must be an admin key allowed to impersonate.
     *
     * @param login login of the user to act as
     * @return a new client
     */
    public DSSClient asUser(String login) {
        return new DSSClient(host, apiKey, internalTicket, options.toBuilder().extraHeader("X-DKU-ProxyUser", login).build());
    }

    // ---------------------------------------------------------------- projects and folders

    /** @return the keys of the projects the key can see: {@code listProjects} */
    public List<String> listProjectKeys() {
        return listProjects().stream().map(ProjectSummary::getProjectKey).toList();
    }

    /** @return the projects the key can see, without their folder location: {@code listProjects} */
    public List<ProjectSummary> listProjects() {
        return listProjects(false);
    }

    /**
     * @param includeLocation true to add each project's folder location ({@code projectLocation})
     * @return the projects the key can see: {@code listProjects} ({@code GET /projects/})
     */
    public List<ProjectSummary> listProjects(boolean includeLocation) {
        return api.call(() -> api.projects().listProjects(DssApi.flag(includeLocation), null));
    }

    /** @return the projects as DSS sent them, every attribute kept: {@code listProjects} */
    public JsonNode listProjectsRaw() {
        return listProjectsRaw(false);
    }

    /** @return the projects as DSS sent them; see {@link #listProjects(boolean)} */
    public JsonNode listProjectsRaw(boolean includeLocation) {
        return api.json(() -> api.projects().listProjectsRequestBuilder(DssApi.flag(includeLocation), null));
    }

    /** @return a handle on a project (no request) */
    public DSSProject getProject(String projectKey) {
        return new DSSProject(api, projectKey);
    }

    /**
     * Creates a project in the root folder: {@code createProject}.
     *
     * @param projectKey key of the new project
     * @param name       display name
     * @param owner      login of the owner
     * @return a handle on the new project
     */
    public DSSProject createProject(String projectKey, String name, String owner) {
        return createProject(projectKey, name, owner, null, null, null);
    }

    /**
     * Creates a project, like the Python client's {@code create_project(project_key, name, owner, description,
     * settings, project_folder_id)}: {@code createProject} ({@code POST /projects/}).
     *
     * @param projectKey      key of the new project
     * @param name            display name
     * @param owner           login of the owner
     * @param description     description, or null
     * @param settings        initial settings, or null
     * @param projectFolderId folder to create it in, or null for the root
     * @return a handle on the new project
     */
    public DSSProject createProject(String projectKey, String name, String owner, String description,
                                    JsonNode settings, String projectFolderId) {
        return DSSProject.create(api, projectKey, name, owner, description, settings, projectFolderId, null, null);
    }

    /**
     * Same as {@link #createProject(String, String, String, String, JsonNode, String)} with permissions and tags.
     *
     * @param permissions group permissions array, or null
     * @param tags        tags, or null
     * @return a handle on the new project
     */
    public DSSProject createProject(String projectKey, String name, String owner, String description,
                                    JsonNode settings, String projectFolderId, JsonNode permissions, List<String> tags) {
        return DSSProject.create(api, projectKey, name, owner, description, settings, projectFolderId, permissions, tags);
    }

    /** @return the root project folder: {@code getProjectFolder} with {@code ROOT} */
    public DSSProjectFolder getRootProjectFolder() {
        return DSSProjectFolder.get(api, "ROOT");
    }

    /** @return a project folder: {@code getProjectFolder} */
    public DSSProjectFolder getProjectFolder(String folderId) {
        return DSSProjectFolder.get(api, folderId);
    }

    // ---------------------------------------------------------------- futures

    /** @return the caller's running long tasks, scenarios excluded: {@code listFutures} */
    public List<FutureSummary> listFutures() {
        return listFutures(false);
    }

    /**
     * @param allUsers true for the tasks of all users (admin)
     * @return the running long tasks, scenarios excluded; each {@code jobId} is for {@link #getFuture(String)}:
     *         {@code listFutures} with {@code withScenarios=false&withNotScenarios=true}
     */
    public List<FutureSummary> listFutures(boolean allUsers) {
        return api.call(() -> api.futures().listFutures("false", "true", DssApi.flag(allUsers)));
    }

    /** @return the running long tasks as DSS sent them; see {@link #listFutures(boolean)} */
    public JsonNode listFuturesRaw(boolean allUsers) {
        return api.json(() -> api.futures().listFuturesRequestBuilder("false", "true", DssApi.flag(allUsers)));
    }

    /**
     * @param allUsers true for the scenarios of all users (admin)
     * @return the running scenarios: {@code listFutures} with {@code withScenarios=true&withNotScenarios=false}
     */
    public List<FutureSummary> listRunningScenarios(boolean allUsers) {
        return api.call(() -> api.futures().listFutures("true", "false", DssApi.flag(allUsers)));
    }

    /** @return the running scenarios as DSS sent them; see {@link #listRunningScenarios(boolean)} */
    public JsonNode listRunningScenariosRaw(boolean allUsers) {
        return api.json(() -> api.futures().listFuturesRequestBuilder("true", "false", DssApi.flag(allUsers)));
    }

    /** @return a handle on a long task (no request) */
    public DSSFuture getFuture(String jobId) {
        return new DSSFuture(api, DssApi.requireId("jobId", jobId));
    }

    // ---------------------------------------------------------------- instance information

    /** @return the installed plugins: {@code listPlugins} */
    public List<Plugin> listPlugins() {
        return api.call(() -> api.plugins().listPlugins());
    }

    /** @return the installed plugins as DSS sent them: {@code listPlugins} */
    public JsonNode listPluginsRaw() {
        return api.json(() -> api.plugins().listPluginsRequestBuilder());
    }

    /** @return the code environments ({@code envLang}, {@code envName}...): {@code listCodeEnvs} */
    public List<CodeEnv> listCodeEnvs() {
        return api.call(() -> api.codeEnvs().listCodeEnvs());
    }

    /** @return the code environments as DSS sent them: {@code listCodeEnvs} */
    public JsonNode listCodeEnvsRaw() {
        return api.json(() -> api.codeEnvs().listCodeEnvsRequestBuilder());
    }

    /** @return handles on the user-defined meanings: {@code listMeanings} */
    public List<DSSMeaning> listMeanings() {
        List<DSSMeaning> meanings = new ArrayList<>();
        listMeaningsRaw().forEach(m -> meanings.add(getMeaning(m.path("id").asText())));
        return meanings;
    }

    /** @return the user-defined meanings as DSS sent them (definitions): {@code listMeanings} */
    public JsonNode listMeaningsRaw() {
        return api.json(() -> api.meanings().listMeaningsRequestBuilder());
    }

    /** @return a handle on a user-defined meaning (no request) */
    public DSSMeaning getMeaning(String meaningId) {
        return new DSSMeaning(api, meaningId);
    }

    /**
     * Creates a user-defined meaning: {@code createMeaning} with {@code {id, label, type, description, entries,
     * mappings, pattern, normalizationMode, detectable}} (unused keys sent as null, like the Python client).
     *
     * @param meaningId         id of the meaning
     * @param label             display label
     * @param type              {@code DECLARATIVE}, {@code VALUES_LIST}, {@code VALUES_MAPPING} or {@code PATTERN}
     * @param description       description, or null
     * @param entries           values of a {@code VALUES_LIST} meaning, or null
     * @param mappings          mappings of a {@code VALUES_MAPPING} meaning, or null
     * @param pattern           regular expression of a {@code PATTERN} meaning, or null
     * @param normalizationMode {@code EXACT}, {@code LOWERCASE}, {@code NORMALIZED}, or null
     * @param detectable        whether DSS may auto-detect the meaning
     * @return a handle on the new meaning
     */
    public DSSMeaning createMeaning(String meaningId, String label, String type, String description, JsonNode entries,
                                    JsonNode mappings, String pattern, String normalizationMode, boolean detectable) {
        ObjectNode body = api.newObject();
        body.put("id", meaningId);
        body.put("label", label);
        body.put("type", type);
        body.put("description", description);
        body.set("entries", entries);
        body.set("mappings", mappings);
        body.put("pattern", pattern);
        body.put("normalizationMode", normalizationMode);
        body.put("detectable", detectable);
        api.send(() -> api.meanings().createMeaningRequestBuilder(body));
        return getMeaning(meaningId);
    }

    /** @return the server log files (name, size, last modification): {@code listLogs} */
    public List<LogFileInfo> listLogs() {
        LogList logs = api.call(() -> api.logs().listLogs());
        return logs == null || logs.getLogs() == null ? List.of() : logs.getLogs();
    }

    /** @return the server logs as DSS sent them ({@code {logs: [...]}}): {@code listLogs} */
    public JsonNode listLogsRaw() {
        return api.json(() -> api.logs().listLogsRequestBuilder());
    }

    /** @return the content of a server log, as the JSON value DSS returns: {@code getLog} */
    public JsonNode getLog(String logName) {
        return api.json(() -> api.logs().getLogRequestBuilder(DssApi.requireId("logName", logName)));
    }

    /** @return the global (instance) variables, a flat name &rarr; value map: {@code getGlobalVariables} */
    public ObjectNode getGlobalVariables() {
        return api.object(() -> api.variables().getGlobalVariablesRequestBuilder(), "global variables");
    }

    /**
     * Replaces all global variables: {@code setGlobalVariables}.
     *
     * @param variables a JSON object, name &rarr; value
     * @throws IllegalArgumentException when it is not a JSON object (nothing is sent)
     */
    public void setGlobalVariables(JsonNode variables) {
        ObjectNode body = Objects.requireNonNull(DssApi.requireObject("Global variables", variables), "variables");
        api.send(() -> api.variables().setGlobalVariablesRequestBuilder(body));
    }

    /** @return the general settings, read now, to change and save: {@code getGeneralSettings} */
    public DSSGeneralSettings getGeneralSettings() {
        return new DSSGeneralSettings(api);
    }

    /**
     * @param withSecrets true to include the user's secrets
     * @return who the API key authenticates as ({@code authIdentifier}, {@code groups}...): {@code getAuthInfo}
     */
    public JsonNode getAuthInfo(boolean withSecrets) {
        return api.json(() -> api.auth().getAuthInfoRequestBuilder(DssApi.flag(withSecrets)));
    }

    /** @return the licensing status: {@code getLicensingStatus} */
    public JsonNode getLicensingStatus() {
        return api.json(() -> api.licensing().getLicensingStatusRequestBuilder());
    }

    /**
     * Writes a custom entry in the audit log: {@code logCustomAudit}.
     *
     * @param customType   type of the entry
     * @param customParams parameters, or null for {@code {}}
     */
    public void logCustomAudit(String customType, Map<String, ?> customParams) {
        ObjectNode body = customParams == null ? api.newObject() : (ObjectNode) api.toTree(customParams);
        api.send(() -> api.audit().logCustomAuditRequestBuilder(DssApi.requireId("customType", customType), body));
    }

    // ---------------------------------------------------------------- SQL

    /**
     * Starts a SQL query on a connection: {@code startSqlQuery}.
     *
     * @return the running query; read it with {@link DSSSQLQuery#iterRows()}, then {@link DSSSQLQuery#verify()}
     */
    public DSSSQLQuery sqlQuery(String query, String connection) {
        return sqlQuery(SqlQuerySpec.of(query).connection(connection));
    }

    /** Starts a SQL query with all options of the Python client's {@code sql_query}: {@code startSqlQuery}. */
    public DSSSQLQuery sqlQuery(SqlQuerySpec spec) {
        return new DSSSQLQuery(api, spec);
    }

    // ---------------------------------------------------------------- users and groups

    /** @return handles on the users: {@code listUsers} */
    public List<DSSUser> listUsers() {
        List<DSSUser> users = new ArrayList<>();
        listUsersRaw(false).forEach(u -> users.add(getUser(u.path("login").asText())));
        return users;
    }

    /** @return the users as DSS sent them: {@code listUsers} with {@code includeSettings=false} */
    public JsonNode listUsersRaw() {
        return listUsersRaw(false);
    }

    /** @return the users as DSS sent them, with their settings when asked: {@code listUsers} */
    public JsonNode listUsersRaw(boolean includeSettings) {
        return api.json(() -> api.users().listUsersRequestBuilder(DssApi.flag(includeSettings), null));
    }

    /** @return a handle on a user (no request) */
    public DSSUser getUser(String login) {
        return new DSSUser(api, login);
    }

    /**
     * Creates a local user with the Python client's defaults (profile {@code DATA_SCIENTIST}, no group).
     *
     * @return a handle on the new user
     */
    public DSSUser createUser(String login, String password, String displayName) {
        return createUser(login, password, displayName, "LOCAL", null, "DATA_SCIENTIST", null);
    }

    /**
     * Creates a user: {@code createUser} with {@code {login, password, displayName, sourceType, groups,
     * userProfile, email}}.
     *
     * @param login       login
     * @param password    password (for {@code LOCAL} users)
     * @param displayName display name, or null for {@code ""}
     * @param sourceType  {@code LOCAL}, {@code LDAP}, {@code SAAS}...; null for {@code LOCAL}
     * @param groups      group names, or null for none
     * @param profile     user profile, null for {@code DATA_SCIENTIST}
     * @param email       email, or null
     * @return a handle on the new user
     */
    public DSSUser createUser(String login, String password, String displayName, String sourceType,
                              List<String> groups, String profile, String email) {
        ObjectNode body = api.newObject();
        body.put("login", login);
        body.put("password", password);
        body.put("displayName", displayName == null ? "" : displayName);
        body.put("sourceType", sourceType == null ? "LOCAL" : sourceType);
        body.set("groups", api.toTree(groups == null ? List.of() : groups));
        body.put("userProfile", profile == null ? "DATA_SCIENTIST" : profile);
        body.put("email", email);
        api.send(() -> api.users().createUserRequestBuilder(body));
        return getUser(login);
    }

    /** @return handles on the groups: {@code listGroups} */
    public List<DSSGroup> listGroups() {
        List<DSSGroup> groups = new ArrayList<>();
        listGroupsRaw().forEach(g -> groups.add(getGroup(g.path("name").asText())));
        return groups;
    }

    /** @return the groups as DSS sent them (definitions): {@code listGroups} */
    public JsonNode listGroupsRaw() {
        return api.json(() -> api.groups().listGroupsRequestBuilder());
    }

    /** @return a handle on a group (no request) */
    public DSSGroup getGroup(String name) {
        return new DSSGroup(api, name);
    }

    /**
     * Creates a group: {@code createGroup} with {@code {name, description, sourceType}}.
     *
     * @param name        group name
     * @param description description, or null
     * @param sourceType  null for {@code LOCAL}
     * @return a handle on the new group
     */
    public DSSGroup createGroup(String name, String description, String sourceType) {
        ObjectNode body = api.newObject();
        body.put("name", name);
        body.put("description", description);
        body.put("sourceType", sourceType == null ? "LOCAL" : sourceType);
        api.send(() -> api.groups().createGroupRequestBuilder(body));
        return getGroup(name);
    }

    // ---------------------------------------------------------------- connections

    /** @return handles on the connections: {@code listConnections} */
    public List<DSSConnection> listConnections() {
        return listConnectionNames().stream().map(this::getConnection).toList();
    }

    /** @return the connections as DSS sent them, a JSON object keyed by connection name: {@code listConnections} */
    public JsonNode listConnectionsRaw() {
        return api.json(() -> api.connections().listConnectionsRequestBuilder());
    }

    /** @return the names of the connections: {@code listConnections} */
    public List<String> listConnectionNames() {
        List<String> names = new ArrayList<>();
        listConnectionsRaw().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return a handle on a connection (no request) */
    public DSSConnection getConnection(String name) {
        return new DSSConnection(api, name);
    }

    /**
     * Creates a connection: {@code createConnection} with {@code {name, description, type, params, usableBy,
     * allowedGroups}}.
     *
     * @param name          connection name
     * @param type          connection type ({@code PostgreSQL}, {@code Filesystem}...)
     * @param params        type parameters, or null for {@code {}}
     * @param usableBy      {@code ALL} or {@code ALLOWED}; null for {@code ALL}
     * @param allowedGroups groups allowed when {@code usableBy} is {@code ALLOWED}, or null
     * @param description   description, or null
     * @return a handle on the new connection
     */
    public DSSConnection createConnection(String name, String type, Map<String, ?> params, String usableBy,
                                          List<String> allowedGroups, String description) {
        ObjectNode body = api.newObject();
        body.put("name", name);
        body.put("description", description);
        body.put("type", type);
        body.set("params", params == null ? api.newObject() : api.toTree(params));
        body.put("usableBy", usableBy == null ? "ALL" : usableBy);
        body.set("allowedGroups", api.toTree(allowedGroups == null ? List.of() : allowedGroups));
        api.send(() -> api.connections().createConnectionRequestBuilder(body));
        return getConnection(name);
    }

    // ---------------------------------------------------------------- API keys

    /** @return handles on the global API keys (with their secret when DSS shows it): {@code listGlobalApiKeys} */
    public List<DSSGlobalApiKey> listGlobalApiKeys() {
        List<DSSGlobalApiKey> keys = new ArrayList<>();
        listGlobalApiKeysRaw().forEach(k -> keys.add(new DSSGlobalApiKey(api, k.path("id").asText(), textOrNull(k, "key"))));
        return keys;
    }

    /** @return the global API keys as DSS sent them: {@code listGlobalApiKeys} */
    public JsonNode listGlobalApiKeysRaw() {
        return api.json(() -> api.apiKeys().listGlobalApiKeysRequestBuilder());
    }

    /**
     * Creates a global API key: {@code createGlobalApiKey} with {@code {label, description, globalPermissions:{admin}}}.
     *
     * @return the new key, holding its secret ({@link DSSGlobalApiKey#getKey()})
     */
    public DSSGlobalApiKey createGlobalApiKey(String label, String description, boolean admin) {
        ObjectNode body = api.newObject();
        body.put("label", label);
        body.put("description", description);
        body.putObject("globalPermissions").put("admin", admin);
        return globalKey(api.json(() -> api.apiKeys().createGlobalApiKeyRequestBuilder(body)));
    }

    /**
     * Creates a global API key acting with the rights of groups: {@code createGlobalApiKey} with
     * {@code {label, description, groups}}.
     *
     * @return the new key, holding its secret
     */
    public DSSGlobalApiKey createGlobalApiKeyWithGroups(String label, String description, List<String> groups) {
        ObjectNode body = api.newObject();
        body.put("label", label);
        body.put("description", description);
        body.set("groups", api.toTree(groups == null ? List.of() : groups));
        return globalKey(api.json(() -> api.apiKeys().createGlobalApiKeyRequestBuilder(body)));
    }

    /** @return a global key read by id: {@code getGlobalApiKey} (its secret when DSS shows it) */
    public DSSGlobalApiKey getGlobalApiKeyById(String keyId) {
        JsonNode definition = api.json(() -> api.apiKeys().getGlobalApiKeyRequestBuilder(DssApi.requireId("keyId", keyId)));
        return new DSSGlobalApiKey(api, keyId, textOrNull(definition, "key"));
    }

    /** @return a global key found by its secret: {@code getGlobalApiKeyBySecret} (deprecated DSS path) */
    public DSSGlobalApiKey getGlobalApiKey(String secret) {
        JsonNode definition = api.json(() -> api.apiKeys().getGlobalApiKeyBySecretRequestBuilder(DssApi.requireId("secret", secret)));
        return new DSSGlobalApiKey(api, requireId(definition), secret);
    }

    /** @return handles on the caller's personal API keys: {@code listPersonalApiKeys} */
    public List<DSSPersonalApiKey> listPersonalApiKeys() {
        return personalKeys(listPersonalApiKeysRaw());
    }

    /** @return the caller's personal API keys as DSS sent them: {@code listPersonalApiKeys} */
    public JsonNode listPersonalApiKeysRaw() {
        return api.json(() -> api.apiKeys().listPersonalApiKeysRequestBuilder());
    }

    /** @return handles on the personal API keys of all users (admin): {@code listAllPersonalApiKeys} */
    public List<DSSPersonalApiKey> listAllPersonalApiKeys() {
        return personalKeys(listAllPersonalApiKeysRaw());
    }

    /** @return the personal API keys of all users as DSS sent them (admin): {@code listAllPersonalApiKeys} */
    public JsonNode listAllPersonalApiKeysRaw() {
        return api.json(() -> api.apiKeys().listAllPersonalApiKeysRequestBuilder());
    }

    /**
     * Creates a personal API key for the caller: {@code createPersonalApiKey} with {@code {label, description}}.
     *
     * @return the new key, holding its secret
     */
    public DSSPersonalApiKey createPersonalApiKey(String label, String description) {
        ObjectNode body = api.newObject();
        body.put("label", label == null ? "" : label);
        body.put("description", description == null ? "" : description);
        return personalKey(api.json(() -> api.apiKeys().createPersonalApiKeyRequestBuilder(body)));
    }

    /**
     * Creates a personal API key for another user (admin): {@code createPersonalApiKeyForUser} with
     * {@code {user, label, description}}.
     *
     * @return the new key, holding its secret
     */
    public DSSPersonalApiKey createPersonalApiKeyForUser(String user, String label, String description) {
        ObjectNode body = api.newObject();
        body.put("user", user);
        body.put("label", label == null ? "" : label);
        body.put("description", description == null ? "" : description);
        return personalKey(api.json(() -> api.apiKeys().createPersonalApiKeyForUserRequestBuilder(body)));
    }

    /** @return a handle on a personal API key by id (no request) */
    public DSSPersonalApiKey getPersonalApiKey(String keyId) {
        return new DSSPersonalApiKey(api, keyId, null, null);
    }

    private List<DSSPersonalApiKey> personalKeys(JsonNode list) {
        List<DSSPersonalApiKey> keys = new ArrayList<>();
        if (list instanceof ArrayNode array) {
            array.forEach(k -> keys.add(new DSSPersonalApiKey(api, k.path("id").asText(), textOrNull(k, "key"), textOrNull(k, "user"))));
        }
        return keys;
    }

    private DSSGlobalApiKey globalKey(JsonNode created) {
        checkCreatedKey(created);
        return new DSSGlobalApiKey(api, requireId(created), textOrNull(created, "key"));
    }

    private DSSPersonalApiKey personalKey(JsonNode created) {
        checkCreatedKey(created);
        return new DSSPersonalApiKey(api, requireId(created), textOrNull(created, "key"), textOrNull(created, "user"));
    }

    private static void checkCreatedKey(JsonNode created) {
        if (created == null || created.isNull()) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null, "API key creation returned nothing");
        }
        if (created.path("messages").path("error").asBoolean(false)) {
            throw new DataikuException(200, "ApiKeyCreationFailed", null, "API key creation failed: " + created.path("messages"));
        }
    }

    private static String requireId(JsonNode definition) {
        String id = textOrNull(definition, "id");
        if (id == null) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null, "API key without an id: " + definition);
        }
        return id;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
