package org.dsscontractkit.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The write half of a DSS conformance run ({@code --allow-writes}): everything happens in a scratch project the run
 * creates and deletes, and touches nothing else — a dataset uploaded, read back as TSV and JSON, its metrics computed,
 * a job building it, project variables and metadata set, a SQL query on the connection given (a read), and the
 * project's deletion followed as a future. A project that already exists under the scratch key is never touched.
 */
final class ScratchProjectScenarios {

    static final String DATASET = "conformance_rows";
    private static final String CSV = "id,name,amount\n1,alpha,1.5\n2,beta,-2\n3,\"gamma, delta\",40\n";
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(90);

    private final ApiCaller dss;
    private final String projectKey;
    private final String owner;
    private final String sqlConnection;
    private final String sqlQuery;
    private final List<String> problems = new ArrayList<>();

    /** The scratch key names a project that exists: the run stops before writing anything (exit 2). */
    static final class ScratchProjectExists extends IllegalArgumentException {
        ScratchProjectExists(String key) {
            super("--scratch-project: project " + key + " already exists; the run only writes in a project it"
                    + " creates, give a key no project uses");
        }
    }

    ScratchProjectScenarios(ApiCaller dss, String projectKey, String owner, String sqlConnection, String sqlQuery) {
        this.dss = dss;
        this.projectKey = projectKey;
        this.owner = owner;
        this.sqlConnection = sqlConnection;
        this.sqlQuery = sqlQuery;
    }

    /** @return what went wrong in the scenarios (the server's answers themselves are validated and logged) */
    List<String> problems() {
        return List.copyOf(problems);
    }

    void run() throws Transport.Unreachable {
        Map<String, String> project = Map.of("projectKey", projectKey);
        Optional<ApiCaller.Answer> existing = dss.get("getProjectSummary", project, Map.of());
        if (existing.isPresent() && existing.get().ok()) {
            throw new ScratchProjectExists(projectKey);
        }
        ObjectNode creation = ApiCaller.JSON.createObjectNode().put("projectKey", projectKey)
                .put("name", "dss-contract-kit conformance scratch project").put("owner", owner);
        creation.put("description", "Created and deleted by a dss-contract-kit conformance run.");
        Optional<ApiCaller.Answer> created = send("createProject", project, Map.of(), creation);
        if (created.isEmpty() || !created.get().ok()) {
            problems.add("the scratch project " + projectKey + " could not be created: "
                    + created.map(ApiCaller.Answer::summary).orElse("no answer") + "; no write scenario ran");
            return;
        }
        try {
            for (String read : List.of("getProjectSummary", "getProjectPermissions", "listRecipes", "listScenarios",
                    "locateProjectFolder")) {
                dss.get(read, project, Map.of());
            }
            projectSettings(project);
            boolean datasetReady = dataset(project);
            if (datasetReady) {
                job(project);
            }
            sql();
        } finally {
            delete(project);
        }
    }

    private void projectSettings(Map<String, String> project) throws Transport.Unreachable {
        ObjectNode variables = ApiCaller.JSON.createObjectNode();
        variables.putObject("standard").put("conformance_run", true).put("rows_expected", 3);
        variables.putObject("local").put("checked_by", "dss-contract-kit");
        send("setProjectVariables", project, Map.of(), variables);
        dss.get("getProjectVariables", project, Map.of());
        dss.get("getResolvedProjectVariables", project, Map.of("typed", "True"));
        Optional<ApiCaller.Answer> metadata = dss.get("getProjectMetadata", project, Map.of());
        if (metadata.isPresent() && metadata.get().ok() && metadata.get().json() instanceof ObjectNode meta) {
            meta.putArray("tags").add("conformance");
            send("setProjectMetadata", project, Map.of(), meta);
        }
    }

    /** @return whether the dataset holds the uploaded rows */
    private boolean dataset(Map<String, String> project) throws Transport.Unreachable {
        ObjectNode creation = ApiCaller.JSON.createObjectNode().put("projectKey", projectKey).put("name", DATASET)
                .put("type", "UploadedFiles");
        creation.putObject("params");
        Optional<ApiCaller.Answer> created = send("createDataset", project, Map.of(), creation);
        if (created.isEmpty() || !created.get().ok()) {
            problems.add("the dataset " + projectKey + "." + DATASET + " could not be created: "
                    + created.map(ApiCaller.Answer::summary).orElse("no answer"));
            return false;
        }
        Map<String, String> dataset = Map.of("projectKey", projectKey, "datasetName", DATASET);
        String boundary = "dss-contract-kit-" + UUID.randomUUID();
        Optional<ApiCaller.Answer> uploaded = dss.call("addDatasetUploadedFile", dataset, Map.of(),
                multipart(boundary, "rows.csv", CSV), "multipart/form-data; boundary=" + boundary);
        if (uploaded.isEmpty() || !uploaded.get().ok()) {
            problems.add("the upload into " + projectKey + "." + DATASET + " failed: "
                    + uploaded.map(ApiCaller.Answer::summary).orElse("no answer"));
            return false;
        }
        dss.get("listDatasetUploadedFiles", dataset, Map.of());
        dss.get("listDatasets", project, Map.of());
        dss.get("getDatasetSettings", dataset, Map.of());
        dss.get("getDatasetSchema", dataset, Map.of());
        dss.get("getDatasetMetadata", dataset, Map.of());
        dss.get("listDatasetPartitions", dataset, Map.of());
        String session = UUID.randomUUID().toString();
        Optional<ApiCaller.Answer> rows = dss.get("readDatasetData", dataset,
                Map.of("format", "tsv-excel-noheader", "readSessionId", session));
        if (rows.isPresent() && rows.get().ok()) {
            String tsv = new String(rows.get().body(), StandardCharsets.UTF_8);
            if (tsv.lines().count() != 3) {
                problems.add("readDatasetData (tsv-excel-noheader) of the 3 uploaded rows returned "
                        + tsv.lines().count() + " lines");
            }
            dss.get("finishDatasetStreaming", dataset, Map.of("readSessionId", session));
        }
        dss.get("readDatasetData", dataset, Map.of("format", "json"));
        send("computeDatasetMetrics", dataset, Map.of(), null);
        Map<String, String> partition = new LinkedHashMap<>(dataset);
        partition.put("partitionId", "NP");
        dss.get("getDatasetLastMetricValues", partition, Map.of());
        return true;
    }

    private void job(Map<String, String> project) throws Transport.Unreachable {
        ObjectNode definition = ApiCaller.JSON.createObjectNode().put("type", "NON_RECURSIVE_FORCED_BUILD")
                .put("refreshHiveMetastore", false);
        definition.putArray("outputs").addObject().put("type", "DATASET").put("id", DATASET)
                .put("projectKey", projectKey);
        Optional<ApiCaller.Answer> started = send("startJob", project, Map.of(), definition);
        String jobId = started.filter(ApiCaller.Answer::ok).map(a -> a.json().path("id").asText("")).orElse("");
        if (jobId.isEmpty()) {
            problems.add("the job building " + DATASET + " did not start: "
                    + started.map(ApiCaller.Answer::summary).orElse("no answer"));
            return;
        }
        Map<String, String> job = Map.of("projectKey", projectKey, "jobId", jobId);
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            Optional<ApiCaller.Answer> status = dss.get("getJobStatus", job, Map.of());
            if (status.isEmpty() || !status.get().ok()) {
                break;
            }
            state = status.get().json().path("baseStatus").path("state").asText("");
            if (Set.of("DONE", "FAILED", "ABORTED").contains(state)) {
                break;
            }
            pause();
        }
        if (!state.equals("DONE")) {
            problems.add("the job " + jobId + " building " + DATASET + " ended " + (state.isEmpty() ? "unknown" : state)
                    + " (waited up to " + WAIT_LIMIT.toSeconds() + " s)");
        }
        dss.get("getJobLog", job, Map.of());
        dss.get("listJobs", project, Map.of());
    }

    private void sql() throws Transport.Unreachable {
        if (sqlConnection == null) {
            dss.log().notReached(dss.operation("streamSqlQueryResults"), "no --sql-connection given");
            dss.log().notReached(dss.operation("finishSqlQueryStreaming"), "no --sql-connection given");
            return;
        }
        ObjectNode request = ApiCaller.JSON.createObjectNode().put("query", sqlQuery).put("connection", sqlConnection);
        Optional<ApiCaller.Answer> started = send("startSqlQuery", Map.of(), Map.of(), request);
        String queryId = started.filter(ApiCaller.Answer::ok).map(a -> a.json().path("queryId").asText(""))
                .orElse("");
        if (queryId.isEmpty()) {
            problems.add("the SQL query on " + sqlConnection + " did not start: "
                    + started.map(ApiCaller.Answer::summary).orElse("no answer"));
            return;
        }
        Map<String, String> query = Map.of("queryId", queryId);
        dss.get("streamSqlQueryResults", query, Map.of("format", "tsv-excel-noheader"));
        dss.get("finishSqlQueryStreaming", query, Map.of());
    }

    /** Deletes the scratch project as a future (the way to reach the futures API without touching anything else). */
    private void delete(Map<String, String> project) throws Transport.Unreachable {
        Optional<ApiCaller.Answer> deletion = dss.call("deleteProject", project, Map.of("clearManagedDatasets", "True",
                "clearOutputManagedFolders", "True", "clearJobAndScenarioLogs", "True", "wait", "False"), null, null);
        String futureId = deletion.filter(ApiCaller.Answer::ok).map(a -> a.json().path("jobId").asText(""))
                .orElse("");
        if (!futureId.isEmpty()) {
            dss.get("listFutures", Map.of(), Map.of("allUsers", "False"));
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<ApiCaller.Answer> state = dss.get("getFutureState", Map.of("futureId", futureId),
                        Map.of("peek", "True"));
                if (state.isEmpty() || !state.get().ok() || state.get().json().path("hasResult").asBoolean(false)
                        || !state.get().json().path("alive").asBoolean(true)) {
                    break;
                }
                pause();
            }
        }
        Optional<ApiCaller.Answer> gone = dss.get("getProjectSummary", project, Map.of());
        if (gone.isPresent() && gone.get().ok()) {
            // the future did not finish the job: delete and wait, so nothing of the run is left behind
            Optional<ApiCaller.Answer> again = dss.call("deleteProject", project, Map.of("clearManagedDatasets",
                    "True", "clearOutputManagedFolders", "True", "clearJobAndScenarioLogs", "True", "wait", "True"),
                    null, null);
            if (again.isEmpty() || !again.get().ok()) {
                problems.add("the scratch project " + projectKey + " could not be deleted ("
                        + again.map(ApiCaller.Answer::summary).orElse("no answer") + "): delete it by hand");
            }
        }
    }

    private Optional<ApiCaller.Answer> send(String operationId, Map<String, String> context,
                                            Map<String, String> query, JsonNode body) throws Transport.Unreachable {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return dss.call(operationId, context, query, bytes, body == null ? null : "application/json");
    }

    private static byte[] multipart(String boundary, String fileName, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
