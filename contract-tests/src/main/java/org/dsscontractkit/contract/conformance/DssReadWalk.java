package org.dsscontractkit.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dsscontractkit.contract.SpecOperation;

/**
 * The read-only half of a DSS conformance run: walks the API as a client would (who am I → the instance's lists →
 * each item → projects → their datasets, schema, metadata, rows → jobs), calling every GET operation with values
 * found on the way, then calls any GET operation the walk does not know (a newer document) whose path parameters
 * it has seen. Follows at most {@code sample} items of each list. Only GETs: the caller refuses anything else.
 */
final class DssReadWalk {

    static final String SQL_NEEDS_WRITES = "needs a SQL query, which only a POST starts: run with --allow-writes"
            + " --sql-connection NAME";

    /** The GET operations the walk calls on purpose; any other GET of the document is tried by unknownOperations. */
    static final Set<String> KNOWN = Set.of("getAuthInfo", "getGlobalVariables", "listPlugins", "listCodeEnvs",
            "getGeneralSettings", "getLicensingStatus", "listMeanings", "getMeaning", "listLogs", "getLog", "listUsers",
            "getUser", "getUserInfo", "listGroups", "getGroup", "listConnections", "getConnection",
            "getConnectionInfo", "listGlobalApiKeys", "getGlobalApiKey", "getGlobalApiKeyBySecret",
            "listPersonalApiKeys", "getPersonalApiKey", "listAllPersonalApiKeys", "listFutures", "getFutureState",
            "streamSqlQueryResults", "finishSqlQueryStreaming", "getProjectFolder", "getProjectFolderSettings",
            "listProjects", "getProjectSummary", "getProjectMetadata", "getProjectPermissions", "getProjectVariables",
            "getResolvedProjectVariables", "listRecipes", "listScenarios", "locateProjectFolder", "listDatasets",
            "getDatasetSettings", "getDatasetSchema", "getDatasetMetadata", "listDatasetPartitions",
            "getDatasetLastMetricValues", "listDatasetUploadedFiles", "readDatasetData", "finishDatasetStreaming",
            "listJobs", "getJobStatus", "getJobLog", "listManagedFolders", "getManagedFolder", "listManagedFolderContents",
            "getManagedFolderFile", "getManagedFolderUsages", "getManagedFolderLastMetricValues",
            "getManagedFolderMetricHistory", "getDatasetMetricHistory");

    private final ApiCaller dss;
    private final int sample;
    private final List<String> projectFilter;
    private final String apiKey;
    /** Path parameter values the walk used together, for the operations it does not know. */
    private final List<Map<String, String>> contexts = new ArrayList<>();
    /** List answers by operation path and context, to find the items of operations the walk does not know. */
    private final List<ListAnswer> lists = new ArrayList<>();

    private record ListAnswer(String path, Map<String, String> context, JsonNode json) {
    }

    DssReadWalk(ApiCaller dss, int sample, List<String> projectFilter, String apiKey) {
        this.dss = dss;
        this.sample = sample;
        this.projectFilter = List.copyOf(projectFilter);
        this.apiKey = apiKey;
    }

    void run() throws Transport.Unreachable {
        instance();
        folders();
        projects();
        unknownOperations();
    }

    // ---- instance level ---------------------------------------------------------------------------------------

    private void instance() throws Transport.Unreachable {
        get("getAuthInfo", Map.of(), Map.of());
        for (String op : List.of("getGlobalVariables", "listPlugins", "listCodeEnvs", "getGeneralSettings",
                "getLicensingStatus")) {
            get(op, Map.of(), Map.of());
        }
        follow("listMeanings", Map.of(), Map.of(), items("id"), "meaningId", List.of("getMeaning"),
                "no meaning is defined on the server");
        follow("listLogs", Map.of(), Map.of(), json -> items("name").of(json.path("logs")), "logName",
                List.of("getLog"), "the server lists no log file");
        follow("listUsers", Map.of(), Map.of("includeSettings", "True"), items("login"), "login",
                List.of("getUser", "getUserInfo"), "the server lists no user");
        follow("listGroups", Map.of(), Map.of(), items("name"), "groupName", List.of("getGroup"),
                "the server lists no group");
        follow("listConnections", Map.of(), Map.of(), JsonNode::fieldNames, "connectionName",
                List.of("getConnection", "getConnectionInfo"), "the server lists no connection");
        follow("listGlobalApiKeys", Map.of(), Map.of(), items("id"), "keyId", List.of("getGlobalApiKey"),
                "the server lists no global API key");
        if (apiKey != null) {
            Optional<ApiCaller.Answer> bySecret = get("getGlobalApiKeyBySecret", Map.of("secret", apiKey), Map.of());
            bySecret.filter(a -> a.status() == 404).ifPresent(a -> notReached("getGlobalApiKeyBySecret",
                    "the only secret the run knows is --api-key, and it is not a global API key (404)"));
        }
        follow("listPersonalApiKeys", Map.of(), Map.of(), items("id"), "keyId", List.of("getPersonalApiKey"),
                "the calling user has no personal API key");
        if (!dss.log().reached(dss.operation("getPersonalApiKey"))) {
            // an admin may read other users' keys: try those
            follow("listAllPersonalApiKeys", Map.of(), Map.of(), items("id"), "keyId", List.of("getPersonalApiKey"),
                    "no user has a personal API key");
        } else {
            get("listAllPersonalApiKeys", Map.of(), Map.of());
        }
        Optional<ApiCaller.Answer> futures = get("listFutures", Map.of(), Map.of("allUsers", "True",
                "withScenarios", "True", "withNotScenarios", "True"));
        List<String> running = futures.filter(ApiCaller.Answer::ok).map(a -> texts(a.json(), "jobId"))
                .orElse(List.of());
        if (running.isEmpty()) {
            notReached("getFutureState", "no future is running on the server (listFutures returned none);"
                    + " --allow-writes starts one (the scratch project's deletion)");
        }
        for (String future : sample(running)) {
            get("getFutureState", Map.of("futureId", future), Map.of("peek", "True"));
        }
        notReached("streamSqlQueryResults", SQL_NEEDS_WRITES);
        notReached("finishSqlQueryStreaming", SQL_NEEDS_WRITES);
    }

    private void folders() throws Transport.Unreachable {
        Map<String, String> root = Map.of("folderId", "ROOT");
        Optional<ApiCaller.Answer> folder = get("getProjectFolder", root, Map.of());
        get("getProjectFolderSettings", root, Map.of());
        if (folder.isPresent() && folder.get().ok()) {
            for (String child : sample(texts(folder.get().json().path("childrenIds")))) {
                get("getProjectFolder", Map.of("folderId", child), Map.of());
            }
        }
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    private void projects() throws Transport.Unreachable {
        Optional<ApiCaller.Answer> list = get("listProjects", Map.of(), Map.of("includeLocation", "True"));
        List<String> keys = list.filter(ApiCaller.Answer::ok).map(a -> texts(a.json(), "projectKey")).orElse(List.of());
        if (!projectFilter.isEmpty()) {
            // the projects asked for, listed or not: a drifting listing must not hide them from the check
            keys = projectFilter;
        }
        if (keys.isEmpty()) {
            notReachedInProjects("the server lists no project the key may read");
            return;
        }
        boolean anyDataset = false;
        boolean anyJob = false;
        boolean anyManagedFolder = false;
        boolean rowsAsJson = false;
        List<String> walked = projectFilter.isEmpty() ? sample(keys) : keys;
        for (String key : walked) {
            Map<String, String> project = Map.of("projectKey", key);
            for (String op : List.of("getProjectSummary", "getProjectMetadata", "getProjectPermissions",
                    "getProjectVariables", "listRecipes", "listScenarios", "locateProjectFolder")) {
                get(op, project, Map.of());
            }
            get("getResolvedProjectVariables", project, Map.of("typed", "True"));

            Optional<ApiCaller.Answer> datasets = get("listDatasets", project, Map.of());
            List<JsonNode> found = datasets.filter(ApiCaller.Answer::ok).map(a -> elements(a.json())).orElse(List.of());
            for (JsonNode dataset : sample(found)) {
                anyDataset = true;
                rowsAsJson |= dataset(key, dataset, !rowsAsJson);
            }
            Optional<ApiCaller.Answer> folders = get("listManagedFolders", project, Map.of());
            List<String> folderIds = folders.filter(ApiCaller.Answer::ok).map(a -> texts(a.json(), "id")).orElse(List.of());
            for (String folder : sample(folderIds)) {
                anyManagedFolder = true;
                managedFolder(key, folder);
            }
            Optional<ApiCaller.Answer> jobs = get("listJobs", project, Map.of("limit", "20"));
            List<String> ids = jobs.filter(ApiCaller.Answer::ok)
                    .map(a -> elements(a.json()).stream().map(j -> j.path("def").path("id").asText(""))
                            .filter(id -> !id.isEmpty()).toList())
                    .orElse(List.of());
            for (String job : sample(ids)) {
                anyJob = true;
                Map<String, String> context = Map.of("projectKey", key, "jobId", job);
                get("getJobStatus", context, Map.of());
                get("getJobLog", context, Map.of());
            }
        }
        if (!anyDataset) {
            notReachedUnder("/projects/{projectKey}/datasets/{datasetName}", "no dataset in the projects walked ("
                    + String.join(", ", walked) + ")");
        }
        if (!anyManagedFolder) {
            notReachedUnder("/projects/{projectKey}/managedfolders/{managedFolderId}", "no managed folder in the projects"
                    + " walked (" + String.join(", ", walked) + ")");
        }
        if (!anyJob) {
            notReachedUnder("/projects/{projectKey}/jobs/{jobId}", "no job in the projects walked ("
                    + String.join(", ", walked) + "); --allow-writes runs one");
        }
    }

    private void managedFolder(String projectKey, String id) throws Transport.Unreachable {
        Map<String, String> context = Map.of("projectKey", projectKey, "managedFolderId", id);
        for (String op : List.of("getManagedFolder", "getManagedFolderUsages")) {
            get(op, context, Map.of());
        }
        Optional<ApiCaller.Answer> contents = get("listManagedFolderContents", context, Map.of());
        List<String> paths = contents.filter(ApiCaller.Answer::ok).map(a -> texts(a.json().path("items"), "path"))
                .orElse(List.of());
        if (paths.isEmpty()) {
            notReached("getManagedFolderFile", "the managed folders walked hold no file");
        }
        for (String path : sample(paths)) {
            Map<String, String> file = new LinkedHashMap<>(context);
            file.put("filePath", path);
            get("getManagedFolderFile", file, Map.of());
        }
        List<String> metricIds = metricIds(get("getManagedFolderLastMetricValues", context, Map.of()));
        if (metricIds.isEmpty()) {
            notReached("getManagedFolderMetricHistory", "the managed folders walked have no metric");
        }
        for (String metric : sample(metricIds)) {
            get("getManagedFolderMetricHistory", context, Map.of("metricLookup", metric));
        }
    }

    /** @return the ids of the metrics in a {@code ComputedMetrics} answer */
    private static List<String> metricIds(Optional<ApiCaller.Answer> computedMetrics) {
        return computedMetrics.filter(ApiCaller.Answer::ok)
                .map(a -> elements(a.json().path("metrics")).stream().map(m -> m.path("metric").path("id").asText(""))
                        .filter(m -> !m.isEmpty()).toList())
                .orElse(List.of());
    }

    /** @return whether the rows were also read as JSON */
    private boolean dataset(String projectKey, JsonNode dataset, boolean alsoJson) throws Transport.Unreachable {
        String name = dataset.path("name").asText("");
        if (name.isEmpty()) {
            return false;
        }
        Map<String, String> context = Map.of("projectKey", projectKey, "datasetName", name);
        for (String op : List.of("getDatasetSettings", "getDatasetSchema", "getDatasetMetadata")) {
            get(op, context, Map.of());
        }
        Optional<ApiCaller.Answer> partitions = get("listDatasetPartitions", context, Map.of());
        List<String> ids = partitions.filter(ApiCaller.Answer::ok).map(a -> texts(a.json())).orElse(List.of());
        String partition = ids.isEmpty() ? "NP" : ids.get(0);
        Map<String, String> partitionContext = new LinkedHashMap<>(context);
        partitionContext.put("partitionId", partition);
        Optional<ApiCaller.Answer> last = get("getDatasetLastMetricValues", partitionContext, Map.of());
        List<String> metricIds = metricIds(last);
        if (metricIds.isEmpty()) {
            notReached("getDatasetMetricHistory", "the datasets walked have no metric");
        }
        for (String metric : sample(metricIds).subList(0, Math.min(1, metricIds.size()))) {
            get("getDatasetMetricHistory", partitionContext, Map.of("metricLookup", metric));
        }
        String type = dataset.path("type").asText("");
        if (type.equals("UploadedFiles") || type.equals("Filesystem")) {
            get("listDatasetUploadedFiles", context, Map.of());
        } else {
            notReached("listDatasetUploadedFiles", "only UploadedFiles and Filesystem datasets have files; the"
                    + " datasets walked are of type " + type);
        }
        // as the real client reads rows: TSV without header, a read session it closes with finish-streaming
        String session = UUID.randomUUID().toString();
        Optional<ApiCaller.Answer> rows = get("readDatasetData", context,
                Map.of("format", "tsv-excel-noheader", "readSessionId", session));
        if (rows.isPresent() && rows.get().ok() && !rows.get().truncated()) {
            get("finishDatasetStreaming", context, Map.of("readSessionId", session));
        } else if (rows.isPresent() && rows.get().truncated()) {
            notReached("finishDatasetStreaming", "the rows of " + projectKey + "." + name + " exceed "
                    + Transport.MAX_BODY_BYTES / (1024 * 1024) + " MiB: the read was cut, so it was not finished");
        }
        if (alsoJson) {
            get("readDatasetData", context, Map.of("format", "json"));
            return true;
        }
        return false;
    }

    // ---- operations the walk does not know ------------------------------------------------------------------

    /**
     * A GET operation added to the document after this walk was written is still called when its path parameters
     * are among the values seen together, or when it reads one item of a list the walk fetched.
     */
    private void unknownOperations() throws Transport.Unreachable {
        for (SpecOperation op : dss.operations()) {
            if (!op.method().equalsIgnoreCase("GET") || KNOWN.contains(op.operationId()) || dss.log().called(op)) {
                continue;
            }
            List<String> names = ApiCaller.pathParameters(op.path());
            Optional<Map<String, String>> context = contexts.stream()
                    .filter(c -> c.keySet().containsAll(names)).findFirst();
            if (context.isEmpty()) {
                context = fromParentList(op.path(), names);
            }
            if (context.isPresent()) {
                get(op.operationId(), context.get(), Map.of());
            } else {
                notReached(op.operationId(), "no value found on the way for its path parameters " + names);
            }
        }
    }

    private Optional<Map<String, String>> fromParentList(String path, List<String> names) {
        if (names.isEmpty()) {
            return Optional.of(Map.of());
        }
        String last = names.get(names.size() - 1);
        String parent = path.substring(0, path.indexOf("{" + last + "}"));
        for (ListAnswer list : lists) {
            if (!(list.path().equals(parent) || list.path().equals(parent.replaceAll("/$", "")))
                    || !list.context().keySet().containsAll(names.subList(0, names.size() - 1))) {
                continue;
            }
            for (JsonNode item : elements(list.json())) {
                for (String field : List.of(last, "id", "name", "key")) {
                    if (item.path(field).isValueNode()) {
                        Map<String, String> context = new LinkedHashMap<>(list.context());
                        context.put(last, item.path(field).asText());
                        return Optional.of(context);
                    }
                }
            }
        }
        return Optional.empty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Optional<ApiCaller.Answer> get(String operationId, Map<String, String> context, Map<String, String> query)
            throws Transport.Unreachable {
        if (!dss.declares(operationId)) {
            return Optional.empty(); // an older document: nothing to check there
        }
        contexts.add(context);
        Optional<ApiCaller.Answer> answer = dss.get(operationId, context, query);
        answer.filter(a -> a.ok() && (a.json().isArray() || a.json().isObject()))
                .ifPresent(a -> lists.add(new ListAnswer(dss.operation(operationId).path(), context, a.json())));
        return answer;
    }

    private interface Values {
        Iterator<String> of(JsonNode json);
    }

    private static Values items(String field) {
        return json -> elements(json).stream().map(item -> item.path(field).asText(""))
                .filter(v -> !v.isEmpty()).iterator();
    }

    /** Lists, then calls each child operation for the first {@code sample} items; notes why when there are none. */
    private void follow(String list, Map<String, String> context, Map<String, String> query, Values values,
                        String parameter, List<String> children, String whyNone) throws Transport.Unreachable {
        Optional<ApiCaller.Answer> answer = get(list, context, query);
        Set<String> found = answer.filter(ApiCaller.Answer::ok).map(a -> values(a.json(), values)).orElse(Set.of());
        if (found.isEmpty()) {
            String why = answer.isEmpty() ? list + " got no answer"
                    : !answer.get().ok() ? list + " answered " + answer.get().summary()
                    : answer.get().json().isMissingNode() ? list + " answered " + answer.get().contentType()
                            + ", not JSON: nothing to follow"
                    : whyNone;
            children.forEach(child -> notReached(child, why));
        }
        for (String value : sample(new ArrayList<>(found))) {
            Map<String, String> child = new LinkedHashMap<>(context);
            child.put(parameter, value);
            for (String op : children) {
                get(op, child, Map.of());
            }
        }
    }

    private static Set<String> values(JsonNode json, Values values) {
        Set<String> found = new java.util.LinkedHashSet<>();
        if (json != null) {
            values.of(json).forEachRemaining(found::add);
        }
        return found;
    }

    private void notReached(String operationId, String reason) {
        if (dss.declares(operationId)) {
            dss.log().notReached(dss.operation(operationId), reason);
        }
    }

    private void notReachedInProjects(String reason) {
        notReachedUnder("/projects/{projectKey}", reason);
        notReached("locateProjectFolder", reason);
    }

    private void notReachedUnder(String pathPrefix, String reason) {
        for (SpecOperation op : dss.operations()) {
            if (op.method().equalsIgnoreCase("GET") && op.path().startsWith(pathPrefix)) {
                dss.log().notReached(op, reason);
            }
        }
    }

    private <T> List<T> sample(List<T> all) {
        return all.size() <= sample ? all : all.subList(0, sample);
    }

    static List<JsonNode> elements(JsonNode json) {
        List<JsonNode> list = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(list::add);
        }
        return list;
    }

    private static List<String> texts(JsonNode json) {
        return elements(json).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode json, String field) {
        Set<String> seen = new HashSet<>();
        return elements(json).stream().map(item -> item.path(field).asText("")).filter(v -> !v.isEmpty())
                .filter(seen::add).toList();
    }
}
