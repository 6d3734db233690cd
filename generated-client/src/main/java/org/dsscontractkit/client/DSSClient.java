package org.dsscontractkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsscontractkit.client.admin.DSSConnection;
import org.dsscontractkit.client.admin.DSSGeneralSettings;
import org.dsscontractkit.client.admin.DSSGlobalApiKey;
import org.dsscontractkit.client.admin.DSSGroup;
import org.dsscontractkit.client.admin.DSSMeaning;
import org.dsscontractkit.client.admin.DSSPersonalApiKey;
import org.dsscontractkit.client.admin.DSSUser;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.generated.dss.invoker.ApiClient;
import org.dsscontractkit.client.http.HttpClients;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;
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
 * <p>Everything here runs on the generated {@code ApiClient} ({@link #getApiClient()}), which is also available
 * to call generated operations directly with the same authentication, headers and timeouts.</p>
 */
public final class DSSClient {

    private final String host;
    private final String apiKey;
    private final String internalTicket;
    private final ClientOptions options;
    private final ApiClient apiClient;
    private final HttpTransport transport;

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
     * @param options base path, extra headers, timeouts, TLS verification, custom HTTP client
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
        this.apiClient = new ApiClient();
        apiClient.setHttpClientBuilder(HttpClients.builder(options));
        apiClient.updateBaseUri(this.host + options.apiBase().prefix());
        apiClient.setReadTimeout(options.readTimeout());
        apiClient.setRequestInterceptor(request -> {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            } else {
                request.setHeader("X-DKU-APITicket", internalTicket);
            }
            extraHeaders.forEach(request::setHeader);
        });
        this.transport = new HttpTransport(
                options.httpClient() != null ? options.httpClient() : apiClient.getHttpClient(),
                apiClient.getObjectMapper(), apiClient.getBaseUri(), apiClient.getRequestInterceptor(),
                apiClient.getReadTimeout());
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
     * @return the generated client configured like this one (base URI, authentication, extra headers, timeouts), to
     *         call generated operations, e.g. {@code new ProjectsApi(client.getApiClient())}. A custom
     *         {@link java.net.http.HttpClient} given in the options is not used by it.
     */
    public ApiClient getApiClient() {
        return apiClient;
    }

    /** @return the shared transport, for handles built outside this package */
    public HttpTransport getTransport() {
        return transport;
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

    /** @return the keys of the projects the key can see: {@code GET /projects/} */
    public List<String> listProjectKeys() {
        List<String> keys = new ArrayList<>();
        listProjects().forEach(p -> keys.add(p.path("projectKey").asText()));
        return keys;
    }

    /** @return the projects the key can see: {@code GET /projects/?includeLocation=false} */
    public JsonNode listProjects() {
        return listProjects(false);
    }

    /**
     * @param includeLocation true to add each project's folder location
     * @return the projects: {@code GET /projects/?includeLocation=...}
     */
    public JsonNode listProjects(boolean includeLocation) {
        return transport.getJson("/projects/", QueryParams.of("includeLocation", includeLocation));
    }

    /** @return a handle on a project (no request) */
    public DSSProject getProject(String projectKey) {
        return new DSSProject(transport, Objects.requireNonNull(projectKey, "projectKey"));
    }

    /**
     * Creates a project in the root folder: {@code POST /projects/}.
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
     * settings, project_folder_id)}: {@code POST /projects/[?projectFolderId=...]}.
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
        return DSSProject.create(transport, projectKey, name, owner, description, settings, projectFolderId, null, null);
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
        return DSSProject.create(transport, projectKey, name, owner, description, settings, projectFolderId, permissions, tags);
    }

    /** @return the root project folder: {@code GET /project-folders/ROOT} */
    public DSSProjectFolder getRootProjectFolder() {
        return DSSProjectFolder.get(transport, "ROOT");
    }

    /** @return a project folder: {@code GET /project-folders/{folderId}} */
    public DSSProjectFolder getProjectFolder(String folderId) {
        return DSSProjectFolder.get(transport, folderId);
    }

    // ---------------------------------------------------------------- futures

    /** @return the caller's running long tasks, scenarios excluded: {@code GET /futures/?withScenarios=false&withNotScenarios=true&allUsers=false} */
    public JsonNode listFutures() {
        return listFutures(false);
    }

    /**
     * @param allUsers true for the tasks of all users (admin)
     * @return the running long tasks, scenarios excluded; each has a {@code jobId} for {@link #getFuture(String)}
     */
    public JsonNode listFutures(boolean allUsers) {
        return transport.getJson("/futures/", QueryParams.of("withScenarios", false)
                .with("withNotScenarios", true).with("allUsers", allUsers));
    }

    /**
     * @param allUsers true for the scenarios of all users (admin)
     * @return the running scenarios: {@code GET /futures/?withScenarios=true&withNotScenarios=false&allUsers=...}
     */
    public JsonNode listRunningScenarios(boolean allUsers) {
        return transport.getJson("/futures/", QueryParams.of("withScenarios", true)
                .with("withNotScenarios", false).with("allUsers", allUsers));
    }

    /** @return a handle on a long task (no request) */
    public DSSFuture getFuture(String jobId) {
        return new DSSFuture(transport, Objects.requireNonNull(jobId, "jobId"));
    }

    // ---------------------------------------------------------------- instance information

    /** @return the installed plugins: {@code GET /plugins/} */
    public JsonNode listPlugins() {
        return transport.getJson("/plugins/", null);
    }

    /** @return the code environments ({@code envLang}, {@code envName}...): {@code GET /admin/code-envs/} */
    public JsonNode listCodeEnvs() {
        return transport.getJson("/admin/code-envs/", null);
    }

    /** @return the user-defined meanings: {@code GET /meanings/} */
    public JsonNode listMeanings() {
        return transport.getJson("/meanings/", null);
    }

    /** @return a handle on a user-defined meaning (no request) */
    public DSSMeaning getMeaning(String meaningId) {
        return new DSSMeaning(transport, meaningId);
    }

    /**
     * Creates a user-defined meaning: {@code POST /meanings/} with {@code {id, label, type, description, entries,
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
        ObjectNode body = transport.newObject();
        body.put("id", meaningId);
        body.put("label", label);
        body.put("type", type);
        body.put("description", description);
        body.set("entries", entries);
        body.set("mappings", mappings);
        body.put("pattern", pattern);
        body.put("normalizationMode", normalizationMode);
        body.put("detectable", detectable);
        transport.call("POST", "/meanings/", null, body);
        return getMeaning(meaningId);
    }

    /** @return the names of the server logs: {@code GET /admin/logs/} */
    public JsonNode listLogs() {
        return transport.getJson("/admin/logs/", null);
    }

    /** @return the content of a server log, as the JSON value DSS returns: {@code GET /admin/logs/{logName}} */
    public JsonNode getLog(String logName) {
        return transport.getJson("/admin/logs/" + PathSegments.encode(logName), null);
    }

    /** @return the global (instance) variables, a flat name &rarr; value map: {@code GET /admin/variables/} */
    public ObjectNode getGlobalVariables() {
        JsonNode variables = transport.getJson("/admin/variables/", null);
        if (variables instanceof ObjectNode object) {
            return object;
        }
        throw new DataikuException(200, "InvalidResponse", null, "Expected global variables as a JSON object, got: " + variables);
    }

    /** Replaces all global variables with {@code variables}: {@code PUT /admin/variables/}. */
    public void setGlobalVariables(JsonNode variables) {
        transport.call("PUT", "/admin/variables/", null, variables);
    }

    /** @return the general settings, read now, to change and save: {@code GET /admin/general-settings} */
    public DSSGeneralSettings getGeneralSettings() {
        return new DSSGeneralSettings(transport);
    }

    /**
     * @param withSecrets true to include the user's secrets
     * @return who the API key authenticates as ({@code authIdentifier}, {@code groups}...): {@code GET /auth/info}
     */
    public JsonNode getAuthInfo(boolean withSecrets) {
        return transport.getJson("/auth/info", QueryParams.of("withSecrets", withSecrets));
    }

    /** @return the licensing status: {@code GET /admin/licensing/status} */
    public JsonNode getLicensingStatus() {
        return transport.getJson("/admin/licensing/status", null);
    }

    /**
     * Writes a custom entry in the audit log: {@code POST /admin/audit/custom/{customType}}.
     *
     * @param customType   type of the entry
     * @param customParams parameters, or null for {@code {}}
     */
    public void logCustomAudit(String customType, Map<String, ?> customParams) {
        transport.call("POST", "/admin/audit/custom/" + PathSegments.encode(customType), null,
                customParams == null ? transport.newObject() : transport.toTree(customParams));
    }

    // ---------------------------------------------------------------- SQL

    /**
     * Starts a SQL query on a connection: {@code POST /sql/queries/}.
     *
     * @return the running query; read it with {@link DSSSQLQuery#iterRows()}, then {@link DSSSQLQuery#verify()}
     */
    public DSSSQLQuery sqlQuery(String query, String connection) {
        return sqlQuery(SqlQuerySpec.of(query).connection(connection));
    }

    /** Starts a SQL query with all options of the Python client's {@code sql_query}: {@code POST /sql/queries/}. */
    public DSSSQLQuery sqlQuery(SqlQuerySpec spec) {
        return new DSSSQLQuery(transport, spec);
    }

    // ---------------------------------------------------------------- users and groups

    /** @return the users: {@code GET /admin/users/?includeSettings=false} */
    public JsonNode listUsers() {
        return listUsers(false);
    }

    /** @return the users, with their settings when asked: {@code GET /admin/users/?includeSettings=...} */
    public JsonNode listUsers(boolean includeSettings) {
        return transport.getJson("/admin/users/", QueryParams.of("includeSettings", includeSettings));
    }

    /** @return a handle on a user (no request) */
    public DSSUser getUser(String login) {
        return new DSSUser(transport, login);
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
     * Creates a user: {@code POST /admin/users/} with {@code {login, password, displayName, sourceType, groups,
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
        ObjectNode body = transport.newObject();
        body.put("login", login);
        body.put("password", password);
        body.put("displayName", displayName == null ? "" : displayName);
        body.put("sourceType", sourceType == null ? "LOCAL" : sourceType);
        body.set("groups", transport.toTree(groups == null ? List.of() : groups));
        body.put("userProfile", profile == null ? "DATA_SCIENTIST" : profile);
        body.put("email", email);
        transport.text("POST", "/admin/users/", null, body);
        return getUser(login);
    }

    /** @return the groups: {@code GET /admin/groups/} */
    public JsonNode listGroups() {
        return transport.getJson("/admin/groups/", null);
    }

    /** @return a handle on a group (no request) */
    public DSSGroup getGroup(String name) {
        return new DSSGroup(transport, name);
    }

    /**
     * Creates a group: {@code POST /admin/groups/} with {@code {name, description, sourceType}}.
     *
     * @param name        group name
     * @param description description, or null
     * @param sourceType  null for {@code LOCAL}
     * @return a handle on the new group
     */
    public DSSGroup createGroup(String name, String description, String sourceType) {
        ObjectNode body = transport.newObject();
        body.put("name", name);
        body.put("description", description);
        body.put("sourceType", sourceType == null ? "LOCAL" : sourceType);
        transport.text("POST", "/admin/groups/", null, body);
        return getGroup(name);
    }

    // ---------------------------------------------------------------- connections

    /** @return the connections, as a JSON object keyed by connection name: {@code GET /admin/connections/} */
    public JsonNode listConnections() {
        return transport.getJson("/admin/connections/", null);
    }

    /** @return the names of the connections */
    public List<String> listConnectionNames() {
        List<String> names = new ArrayList<>();
        listConnections().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return a handle on a connection (no request) */
    public DSSConnection getConnection(String name) {
        return new DSSConnection(transport, name);
    }

    /**
     * Creates a connection: {@code POST /admin/connections/} with {@code {name, description, type, params, usableBy,
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
        ObjectNode body = transport.newObject();
        body.put("name", name);
        body.put("description", description);
        body.put("type", type);
        body.set("params", params == null ? transport.newObject() : transport.toTree(params));
        body.put("usableBy", usableBy == null ? "ALL" : usableBy);
        body.set("allowedGroups", transport.toTree(allowedGroups == null ? List.of() : allowedGroups));
        transport.text("POST", "/admin/connections/", null, body);
        return getConnection(name);
    }

    // ---------------------------------------------------------------- API keys

    /** @return the global API keys: {@code GET /admin/global-api-keys/} */
    public JsonNode listGlobalApiKeys() {
        return transport.getJson("/admin/global-api-keys/", null);
    }

    /**
     * Creates a global API key: {@code POST /admin/global-api-keys/} with {@code {label, description, globalPermissions:{admin}}}.
     *
     * @return the new key, holding its secret ({@link DSSGlobalApiKey#getKey()})
     */
    public DSSGlobalApiKey createGlobalApiKey(String label, String description, boolean admin) {
        ObjectNode body = transport.newObject();
        body.put("label", label);
        body.put("description", description);
        body.putObject("globalPermissions").put("admin", admin);
        return globalKey(transport.json("POST", "/admin/global-api-keys/", null, body));
    }

    /**
     * Creates a global API key acting with the rights of groups: {@code POST /admin/global-api-keys/} with
     * {@code {label, description, groups}}.
     *
     * @return the new key, holding its secret
     */
    public DSSGlobalApiKey createGlobalApiKeyWithGroups(String label, String description, List<String> groups) {
        ObjectNode body = transport.newObject();
        body.put("label", label);
        body.put("description", description);
        body.set("groups", transport.toTree(groups == null ? List.of() : groups));
        return globalKey(transport.json("POST", "/admin/global-api-keys/", null, body));
    }

    /** @return a global key read by id: {@code GET /admin/global-api-keys/{keyId}} (its secret when DSS shows it) */
    public DSSGlobalApiKey getGlobalApiKeyById(String keyId) {
        JsonNode definition = transport.getJson("/admin/global-api-keys/" + PathSegments.encode(keyId), null);
        return new DSSGlobalApiKey(transport, keyId, textOrNull(definition, "key"));
    }

    /** @return a global key found by its secret: {@code GET /admin/globalAPIKeys/{secret}} (deprecated DSS path) */
    public DSSGlobalApiKey getGlobalApiKey(String secret) {
        JsonNode definition = transport.getJson("/admin/globalAPIKeys/" + PathSegments.encode(secret), null);
        return new DSSGlobalApiKey(transport, requireId(definition), secret);
    }

    /** @return the caller's personal API keys: {@code GET /personal-api-keys/} */
    public JsonNode listPersonalApiKeys() {
        return transport.getJson("/personal-api-keys/", null);
    }

    /** @return the personal API keys of all users (admin): {@code GET /admin/personal-api-keys/} */
    public JsonNode listAllPersonalApiKeys() {
        return transport.getJson("/admin/personal-api-keys/", null);
    }

    /**
     * Creates a personal API key for the caller: {@code POST /personal-api-keys/} with {@code {label, description}}.
     *
     * @return the new key, holding its secret
     */
    public DSSPersonalApiKey createPersonalApiKey(String label, String description) {
        ObjectNode body = transport.newObject();
        body.put("label", label == null ? "" : label);
        body.put("description", description == null ? "" : description);
        return personalKey(transport.json("POST", "/personal-api-keys/", null, body));
    }

    /**
     * Creates a personal API key for another user (admin): {@code POST /admin/personal-api-keys/} with
     * {@code {user, label, description}}.
     *
     * @return the new key, holding its secret
     */
    public DSSPersonalApiKey createPersonalApiKeyForUser(String user, String label, String description) {
        ObjectNode body = transport.newObject();
        body.put("user", user);
        body.put("label", label == null ? "" : label);
        body.put("description", description == null ? "" : description);
        return personalKey(transport.json("POST", "/admin/personal-api-keys/", null, body));
    }

    /** @return a handle on a personal API key by id (no request) */
    public DSSPersonalApiKey getPersonalApiKey(String keyId) {
        return new DSSPersonalApiKey(transport, keyId, null, null);
    }

    private DSSGlobalApiKey globalKey(JsonNode created) {
        checkCreatedKey(created);
        return new DSSGlobalApiKey(transport, requireId(created), textOrNull(created, "key"));
    }

    private DSSPersonalApiKey personalKey(JsonNode created) {
        checkCreatedKey(created);
        return new DSSPersonalApiKey(transport, requireId(created), textOrNull(created, "key"), textOrNull(created, "user"));
    }

    private static void checkCreatedKey(JsonNode created) {
        if (created == null || created.isNull()) {
            throw new DataikuException(200, "InvalidResponse", null, "API key creation returned nothing");
        }
        if (created.path("messages").path("error").asBoolean(false)) {
            throw new DataikuException(200, "ApiKeyCreationFailed", null, "API key creation failed: " + created.path("messages"));
        }
    }

    private static String requireId(JsonNode definition) {
        String id = textOrNull(definition, "id");
        if (id == null) {
            throw new DataikuException(200, "InvalidResponse", null, "API key without an id: " + definition);
        }
        return id;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
