package org.dsscontractkit.reference.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Secrets;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.reference.recipe.RecipeRunner;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.JobDefinition;
import org.dsscontractkit.server.generated.dss.model.JobOutput;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Build jobs: accepted at once, then run on a small worker pool through NOT_STARTED, RUNNING and
 * DONE / FAILED / ABORTED. Each activity runs the recipe that builds its output ({@link RecipeRunner}), or, for a
 * dataset no recipe builds, reads it for real; the job log says what was built and how long it took. State lives in
 * the store, the log in a file of the data directory.
 */
public final class JobService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy/MM/dd-HH:mm:ss.SSS");
    private static final DateTimeFormatter ID_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS");

    private final Database db;
    private final ProjectService projects;
    private final DatasetService datasets;
    private final DataDirectory dataDir;
    private final ExecutorService workers;
    private final RecipeRunner recipes;
    private final Map<String, Boolean> abortRequests = new ConcurrentHashMap<>();

    public JobService(Database db, ProjectService projects, DatasetService datasets, RecipeRunner recipes, DataDirectory dataDir, int workerThreads) {
        this.db = db;
        this.projects = projects;
        this.datasets = datasets;
        this.recipes = recipes;
        this.dataDir = dataDir;
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "dss-job-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs that were queued or running when the server stopped can no longer finish. */
    public void abortInterrupted() {
        for (String[] j : db.query("SELECT project_key, id FROM jobs WHERE state IN ('NOT_STARTED', 'RUNNING')",
                rs -> new String[]{rs.getString(1), rs.getString(2)})) {
            appendLog(j[0], j[1], "WARN", "Server stopped while the job was running: job aborted");
            finish(j[0], j[1], "ABORTED");
        }
    }

    private static String key(String projectKey, String id) { return projectKey + "\u0000" + id; }

    /** Queues a job from the generated model (Bean Validation has checked the type and that each output has an id). */
    public ObjectNode start(Caller caller, String projectKey, JobDefinition req) {
        return start(caller, projectKey, req, null);
    }

    /** Queues a job described as JSON, as a scenario's build step describes it. */
    public ObjectNode start(Caller caller, String projectKey, JsonNode body, String triggeredFrom) {
        JobDefinition req;
        try {
            req = Json.MAPPER.treeToValue(body, JobDefinition.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid job definition: " + e.getMessage());
        }
        if (req.getOutputs() == null || req.getOutputs().isEmpty()) throw ApiException.invalidField("outputs", "is required (at least one output)");
        return start(caller, projectKey, req, triggeredFrom);
    }

    /** @param triggeredFrom what started the job ({@code SCENARIO}), kept in its definition; null for an API call */
    public ObjectNode start(Caller caller, String projectKey, JobDefinition req, String triggeredFrom) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        String type = req.getType() == null ? "NON_RECURSIVE_FORCED_BUILD" : req.getType().toString();
        ArrayNode outs = Json.array();
        int i = 0;
        for (JobOutput o : req.getOutputs()) {
            String f = "outputs[" + i++ + "]";
            if (o == null) throw ApiException.invalidField(f, "must be an object {id, type, projectKey, partition}");
            ObjectNode out = (ObjectNode) Json.sent(o);
            if (o.getType() == null) out.put("type", "DATASET");
            if (o.getProjectKey() == null) out.put("projectKey", projectKey);
            outs.add(out);
        }
        LocalDateTime now = LocalDateTime.now();
        String jobId = "Build_" + outs.get(0).path("id").asText().replaceAll("[^A-Za-z0-9_]", "_") + "_" + now.format(ID_TS)
                + "_" + Secrets.randomToken(4);
        ObjectNode def = Json.object();
        def.put("projectKey", projectKey);
        def.put("id", jobId);
        def.put("name", "Build " + outs.size() + " output(s)");
        def.put("type", type);
        def.set("outputs", outs);
        def.put("initiator", caller.identifier());
        def.put("initiationTimestamp", System.currentTimeMillis());
        if (triggeredFrom != null) def.put("triggeredFrom", triggeredFrom);
        def.put("refreshHiveMetastore", Boolean.TRUE.equals(req.getRefreshHiveMetastore()));
        def.put("autoUpdateSchemaBeforeEachRecipeRun", Boolean.TRUE.equals(req.getAutoUpdateSchemaBeforeEachRecipeRun()));
        ObjectNode doc = Json.object();
        doc.set("def", def);
        doc.put("state", "NOT_STARTED");
        db.update("INSERT INTO jobs (project_key, id, state, created_on, doc) VALUES (?, ?, ?, ?, ?)",
                projectKey, jobId, "NOT_STARTED", System.currentTimeMillis(), Json.write(doc));
        appendLog(projectKey, jobId, "INFO", "Job " + jobId + " queued by " + caller.identifier() + " (" + type + ")");
        workers.submit(() -> run(caller, projectKey, jobId, def));
        ObjectNode resp = Json.object();
        resp.put("projectKey", projectKey);
        resp.put("id", jobId);
        return resp;
    }

    private void run(Caller caller, String projectKey, String jobId, ObjectNode def) {
        long t0 = System.currentTimeMillis();
        try {
            if (abortRequested(projectKey, jobId)) {
                appendLog(projectKey, jobId, "INFO", "Job aborted before it started");
                finish(projectKey, jobId, "ABORTED");
                return;
            }
            setRunning(projectKey, jobId, t0);
            appendLog(projectKey, jobId, "INFO", "Job started on " + Thread.currentThread().getName());
            for (JsonNode out : def.path("outputs")) {
                String activity = activityId(out);
                String target = out.path("projectKey").asText() + "." + out.path("id").asText();
                if (!"DATASET".equals(out.path("type").asText())) {
                    appendLog(projectKey, jobId, "ERROR", "[" + activity + "] Cannot build " + out.path("type").asText() + " '" + target
                            + "': only datasets can be built by this server");
                    finish(projectKey, jobId, "FAILED");
                    return;
                }
                var ds = datasets.find(out.path("projectKey").asText(), out.path("id").asText());
                if (ds.isEmpty()) {
                    appendLog(projectKey, jobId, "ERROR", "[" + activity + "] Dataset '" + target + "' does not exist: nothing can build it");
                    setActivity(projectKey, jobId, activity, "FAILED", System.currentTimeMillis());
                    finish(projectKey, jobId, "FAILED");
                    return;
                }
                long a0 = System.currentTimeMillis();
                String outProject = out.path("projectKey").asText();
                String recipe = recipes.producer(outProject, out.path("id").asText()).orElse(null);
                setActivity(projectKey, jobId, activity, "RUNNING", a0, recipe);
                appendLog(projectKey, jobId, "INFO", "[" + activity + "] Building dataset " + target + " (" + ds.get().path("type").asText() + ")");
                if (recipe != null) {
                    if (!runRecipe(caller, projectKey, jobId, activity, outProject, out.path("id").asText(), recipe, a0)) return;
                    continue;
                }
                appendLog(projectKey, jobId, "INFO", "[" + activity + "] No recipe outputs " + target
                        + ": it has nothing upstream, the data already present is the built data");
                long[] rows = {0};
                try {
                    datasets.read(ds.get(), datasets.select(ds.get(), null), cells -> {
                        if ((++rows[0] & 0x3FF) == 0 && abortRequested(projectKey, jobId)) throw new AbortedException();
                    });
                } catch (AbortedException e) {
                    appendLog(projectKey, jobId, "WARN", "[" + activity + "] Aborted by user after " + rows[0] + " rows");
                    setActivity(projectKey, jobId, activity, "ABORTED", a0);
                    finish(projectKey, jobId, "ABORTED");
                    return;
                } catch (IOException e) {
                    appendLog(projectKey, jobId, "ERROR", "[" + activity + "] Reading " + target + " failed: " + e.getMessage());
                    setActivity(projectKey, jobId, activity, "FAILED", a0);
                    finish(projectKey, jobId, "FAILED");
                    return;
                }
                setActivity(projectKey, jobId, activity, "DONE", a0);
                appendLog(projectKey, jobId, "INFO", "[" + activity + "] Checked " + rows[0] + " records, "
                        + ds.get().path("schema").path("columns").size() + " columns in " + (System.currentTimeMillis() - a0) + " ms");
                if (abortRequested(projectKey, jobId)) {
                    appendLog(projectKey, jobId, "WARN", "Aborted by user");
                    finish(projectKey, jobId, "ABORTED");
                    return;
                }
            }
            appendLog(projectKey, jobId, "INFO", "Job done: " + def.path("outputs").size() + " output(s) built in "
                    + (System.currentTimeMillis() - t0) + " ms");
            finish(projectKey, jobId, "DONE");
        } catch (RuntimeException e) {
            LOG.error("Job {} crashed", jobId, e);
            appendLog(projectKey, jobId, "ERROR", "Job failed: " + e);
            finish(projectKey, jobId, "FAILED");
        } finally {
            abortRequests.remove(key(projectKey, jobId));
        }
    }

    /** Runs the recipe building one output; false when the job ended there (failed or aborted). */
    private boolean runRecipe(Caller caller, String projectKey, String jobId, String activity, String outProject, String dataset,
                              String recipe, long a0) {
        appendLog(projectKey, jobId, "INFO", "[" + activity + "] Running recipe " + recipe);
        RecipeRunner.Progress progress = new RecipeRunner.Progress() {
            @Override public boolean abortRequested() { return JobService.this.abortRequested(projectKey, jobId); }

            @Override public void log(String level, String message) { appendLog(projectKey, jobId, level, "[" + activity + "] " + message); }
        };
        String failure;
        try {
            long rows = recipes.build(caller, outProject, dataset, progress);
            setActivity(projectKey, jobId, activity, "DONE", a0, recipe);
            appendLog(projectKey, jobId, "INFO", "[" + activity + "] Recipe " + recipe + " wrote " + rows + " records in "
                    + (System.currentTimeMillis() - a0) + " ms");
            return true;
        } catch (RecipeRunner.Aborted e) {
            appendLog(projectKey, jobId, "WARN", "[" + activity + "] Aborted by user");
            setActivity(projectKey, jobId, activity, "ABORTED", a0, recipe);
            finish(projectKey, jobId, "ABORTED");
            return false;
        } catch (ApiException e) {
            failure = e.detailedMessage();
        } catch (IOException | java.sql.SQLException e) {
            failure = e.getMessage();
        }
        appendLog(projectKey, jobId, "ERROR", "[" + activity + "] Recipe " + recipe + " failed: " + failure);
        setActivity(projectKey, jobId, activity, "FAILED", a0, recipe);
        finish(projectKey, jobId, "FAILED");
        return false;
    }

    private static final class AbortedException extends RuntimeException {
        AbortedException() { super(null, null, false, false); }
    }

    private boolean abortRequested(String projectKey, String jobId) {
        return abortRequests.containsKey(key(projectKey, jobId));
    }

    private ObjectNode load(String projectKey, String jobId) {
        return db.queryOne("SELECT doc FROM jobs WHERE project_key = ? AND id = ?", rs -> Json.parseObject(rs.getString(1)), projectKey, jobId)
                .orElseThrow(() -> ApiException.notFound("Job '" + jobId + "' in project '" + projectKey + "'"));
    }

    private void setRunning(String projectKey, String jobId, long at) {
        ObjectNode doc = load(projectKey, jobId);
        doc.put("state", "RUNNING");
        doc.put("jobStartTime", at);
        db.update("UPDATE jobs SET state = ?, doc = ? WHERE project_key = ? AND id = ?", "RUNNING", Json.write(doc), projectKey, jobId);
    }

    private void setActivity(String projectKey, String jobId, String activityId, String state, long startTime) {
        setActivity(projectKey, jobId, activityId, state, startTime, null);
    }

    private void setActivity(String projectKey, String jobId, String activityId, String state, long startTime, String recipeName) {
        ObjectNode doc = load(projectKey, jobId);
        ObjectNode a = doc.with("activityStates").with(activityId);
        a.put("activityId", activityId);
        if (recipeName != null) a.put("recipeName", recipeName);
        a.put("state", state);
        a.put("startTime", startTime);
        if (!state.equals("RUNNING")) a.put("endTime", System.currentTimeMillis());
        db.update("UPDATE jobs SET doc = ? WHERE project_key = ? AND id = ?", Json.write(doc), projectKey, jobId);
    }

    private static String activityId(JsonNode output) {
        String partition = output.path("partition").isTextual() && !output.path("partition").asText().isEmpty()
                ? output.path("partition").asText() : "NP";
        return "build_" + output.path("id").asText() + "_" + partition;
    }

    private void finish(String projectKey, String jobId, String state) {
        ObjectNode doc = load(projectKey, jobId);
        doc.put("state", state);
        doc.put("jobEndTime", System.currentTimeMillis());
        if (!doc.has("jobStartTime")) doc.put("jobStartTime", 0);
        db.update("UPDATE jobs SET state = ?, doc = ? WHERE project_key = ? AND id = ?", state, Json.write(doc), projectKey, jobId);
    }

    private synchronized void appendLog(String projectKey, String jobId, String level, String message) {
        Path f = dataDir.jobLog(projectKey, jobId);
        try {
            Files.createDirectories(f.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write("[" + LocalDateTime.now().format(TS) + "] [" + level + "] [dku.job." + jobId + "] - " + message + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode summary(ObjectNode doc) {
        ObjectNode base = Json.object();
        base.set("def", doc.get("def"));
        base.set("state", doc.get("state"));
        base.put("jobStartTime", doc.path("jobStartTime").asLong(0));
        base.put("jobEndTime", doc.path("jobEndTime").asLong(0));
        return base;
    }

    public ObjectNode status(Caller caller, String projectKey, String jobId) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        ObjectNode doc = load(projectKey, jobId);
        ObjectNode out = Json.object();
        out.set("baseStatus", summary(doc));
        ObjectNode activities = out.putObject("activities");
        String jobState = doc.path("state").asText();
        int done = 0, failed = 0, running = 0, notStarted = 0, aborted = 0;
        for (JsonNode o : doc.path("def").path("outputs")) {
            String id = activityId(o);
            JsonNode recorded = doc.path("activityStates").get(id);
            ObjectNode a;
            if (recorded != null) {
                a = recorded.deepCopy();
            } else {
                a = Json.object();
                a.put("activityId", id);
                // Never reached: the job ended before it, or it is still queued.
                a.put("state", jobState.equals("ABORTED") ? "ABORTED" : "NOT_STARTED");
            }
            activities.set(id, a);
            switch (a.path("state").asText()) {
                case "DONE" -> done++;
                case "FAILED" -> failed++;
                case "RUNNING" -> running++;
                case "ABORTED" -> aborted++;
                default -> notStarted++;
            }
        }
        ObjectNode g = out.putObject("globalState");
        g.put("done", done);
        g.put("failed", failed);
        g.put("running", running);
        g.put("notStarted", notStarted);
        g.put("aborted", aborted);
        g.put("warnings", 0);
        g.put("total", activities.size());
        return out;
    }

    public ArrayNode list(Caller caller, String projectKey, int limit) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        if (limit < 0) throw ApiException.invalidField("limit", "must be >= 0 (0 = no limit)");
        ArrayNode out = Json.array();
        List<ObjectNode> docs = db.query("SELECT doc FROM jobs WHERE project_key = ? ORDER BY created_on DESC, id DESC",
                rs -> Json.parseObject(rs.getString(1)), projectKey);
        for (ObjectNode d : docs) {
            if (limit > 0 && out.size() >= limit) break;
            out.add(summary(d));
        }
        return out;
    }

    public String log(Caller caller, String projectKey, String jobId, String activity) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        ObjectNode doc = load(projectKey, jobId);
        Path f = dataDir.jobLog(projectKey, jobId);
        String text;
        try {
            text = Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (activity == null || activity.isEmpty()) return text;
        boolean known = false;
        for (JsonNode o : doc.path("def").path("outputs")) {
            if (activity.equals(activityId(o))) known = true;
        }
        if (!known) throw ApiException.notFound("Activity '" + activity + "' of job '" + jobId + "'");
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) if (line.contains("[" + activity + "]")) sb.append(line).append('\n');
        return sb.toString();
    }

    public ObjectNode abort(Caller caller, String projectKey, String jobId) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        ObjectNode doc = load(projectKey, jobId);
        String state = doc.path("state").asText();
        ObjectNode out = Json.object();
        // ActionResult of the spec (success, message); aborted and state are extra details
        if (state.equals("NOT_STARTED") || state.equals("RUNNING")) {
            abortRequests.put(key(projectKey, jobId), Boolean.TRUE);
            appendLog(projectKey, jobId, "INFO", "Abort requested by " + caller.identifier());
            out.put("success", true);
            out.put("message", "Abort requested");
            out.put("aborted", true);
        } else {
            out.put("success", false);
            out.put("message", "Job already finished (" + state + ")");
            out.put("aborted", false);
        }
        out.put("state", state);
        return out;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
