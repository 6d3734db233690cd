package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.job.JobService;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running scenarios: a manual trigger fire starts a run at once (or is cancelled when the scenario is already
 * running: one run at a time per scenario), the run executes on a worker ({@link RunExecution}), and its state,
 * steps and log are readable while it runs. Fires and runs live in the store; logs in the data directory.
 */
public final class ScenarioRunService implements AutoCloseable, RunExecution.Host {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunService.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss-SSS");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy/MM/dd-HH:mm:ss.SSS");
    public static final String MANUAL_TRIGGER = "manual";

    private final ScenarioService scenarios;
    private final Database db;
    private final JobService jobs;
    private final DataDirectory dataDir;
    private final Map<String, Step> stepTypes;
    private final ExecutorService workers;
    private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
    private final AtomicLong lastIdMillis = new AtomicLong();

    public ScenarioRunService(ScenarioService scenarios, JobService jobs, SqlQueryService sql, DataDirectory dataDir, int workerThreads) {
        this.scenarios = scenarios;
        this.db = scenarios.db();
        this.jobs = jobs;
        this.dataDir = dataDir;
        this.stepTypes = Map.of(BuildStep.TYPE, new BuildStep(jobs), SqlStep.TYPE, new SqlStep(sql));
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "dss-scenario-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static String key(String projectKey, String scenarioId) { return projectKey + "\u0000" + scenarioId; }

    /**
     * Ids of runs, step runs and fires: start times, one millisecond apart at least, so unique in this server and
     * never one of a scenario's fixed sub-paths (they start with a digit).
     */
    @Override
    public String nextId() {
        long now = System.currentTimeMillis();
        long t = lastIdMillis.updateAndGet(last -> Math.max(now, last + 1));
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneId.systemDefault()).format(ID);
    }

    /** Runs that were in progress when the server stopped cannot finish: they end ABORTED. */
    public void abortInterrupted() {
        List<ObjectNode> docs = db.query("SELECT doc FROM scenario_runs WHERE end_time = 0", rs -> Json.parseObject(rs.getString(1)));
        long now = System.currentTimeMillis();
        for (ObjectNode d : docs) {
            ObjectNode run = (ObjectNode) d.get("scenarioRun");
            for (JsonNode s : d.path("stepRuns")) {
                if (!s.has("result")) {
                    ((ObjectNode) s).putObject("result").put("outcome", Outcome.ABORTED.name()).put("type", "STEP_DONE");
                    ((ObjectNode) s).put("end", now);
                }
            }
            run.putObject("result").put("outcome", Outcome.ABORTED.name()).put("type", "SCENARIO_DONE")
                    .put("start", run.path("start").asLong()).put("end", now);
            run.put("end", now);
            String projectKey = run.path("scenario").path("projectKey").asText();
            String scenarioId = run.path("scenario").path("id").asText();
            String runId = run.path("runId").asText();
            writeLog(projectKey, scenarioId, runId, null, "WARN", "Server stopped while the run was in progress: run aborted");
            db.update("UPDATE scenario_runs SET end_time = ?, doc = ? WHERE project_key = ? AND scenario_id = ? AND run_id = ?",
                    now, Json.write(d), projectKey, scenarioId, runId);
        }
    }

    // ------------------------------------------------------------------ status

    /** The scenario as listed and as {@code light}: definition summary, whether it runs and since when. */
    private ObjectNode summary(ObjectNode def, Long runningSince) {
        ObjectNode out = Json.object();
        out.put("projectKey", def.path("projectKey").asText());
        out.put("id", def.path("id").asText());
        out.put("name", def.path("name").asText());
        out.put("type", def.path("type").asText());
        out.put("active", def.path("active").asBoolean(false));
        out.put("running", runningSince != null);
        if (runningSince != null) out.put("start", runningSince);
        // no automatic trigger runs on this server: nothing to forecast
        out.put("nextRun", 0);
        out.set("tags", def.path("tags").isArray() ? def.get("tags") : Json.array());
        return out;
    }

    public ArrayNode list(Caller caller, String projectKey) {
        ArrayNode defs = scenarios.listDefinitions(caller, projectKey);
        Map<String, Long> running = new HashMap<>();
        db.query("SELECT scenario_id, start_time FROM scenario_runs WHERE project_key = ? AND end_time = 0",
                rs -> running.put(rs.getString(1), rs.getLong(2)), projectKey);
        ArrayNode out = Json.array();
        for (JsonNode d : defs) out.add(summary((ObjectNode) d, running.get(d.path("id").asText())));
        return out;
    }

    public ObjectNode status(Caller caller, String projectKey, String scenarioId) {
        ObjectNode def = scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        Long since = db.queryOne("SELECT start_time FROM scenario_runs WHERE project_key = ? AND scenario_id = ? AND end_time = 0",
                rs -> rs.getLong(1), projectKey, scenarioId).orElse(null);
        return summary(def, since);
    }

    // ------------------------------------------------------------------ running

    public ObjectNode fire(Caller caller, String projectKey, String scenarioId, JsonNode body) {
        ObjectNode settings = scenarios.require(caller, projectKey, scenarioId, ProjectAccess.WRITE);
        ObjectNode params = body == null || body.isNull() ? Json.object() : Json.requireObject(body, "trigger parameters").deepCopy();
        ObjectNode fire = Json.object();
        fire.put("projectKey", projectKey);
        fire.put("scenarioId", scenarioId);
        ObjectNode trigger = fire.putObject("trigger");
        trigger.put("id", MANUAL_TRIGGER);
        trigger.put("type", MANUAL_TRIGGER);
        trigger.put("name", "Manual trigger");
        fire.put("runId", nextId());
        fire.put("timestamp", System.currentTimeMillis());
        fire.put("cancelled", false);
        fire.set("params", params);
        synchronized (active) {
            if (active.containsKey(key(projectKey, scenarioId))) {
                fire.put("cancelled", true);
                fire.put("cancelledReason", "Scenario " + scenarioId + " is already running");
                db.update("INSERT INTO scenario_trigger_fires (project_key, scenario_id, trigger_id, fire_id, run_id, doc) VALUES (?, ?, ?, ?, ?, ?)",
                        projectKey, scenarioId, MANUAL_TRIGGER, fire.path("runId").asText(), null, Json.write(fire));
                return fire;
            }
            ObjectNode run = Json.object();
            String runId = nextId();
            run.put("runId", runId);
            ObjectNode scenario = run.putObject("scenario");
            scenario.put("projectKey", projectKey);
            scenario.put("id", scenarioId);
            scenario.put("name", settings.path("name").asText());
            scenario.put("type", settings.path("type").asText());
            scenario.put("markedAsTest", settings.path("markedAsTest").asBoolean(false));
            run.set("trigger", fire.deepCopy());
            run.put("runAsUser", caller.identifier());
            long start = System.currentTimeMillis();
            run.put("start", start);
            run.put("end", 0);
            RunExecution execution = new RunExecution(this, stepTypes, caller, settings, run, variables(caller, projectKey, params));
            ObjectNode doc = execution.snapshot();
            db.inTransaction(c -> {
                Database.update(c, "INSERT INTO scenario_runs (project_key, scenario_id, run_id, start_time, end_time, doc) VALUES (?, ?, ?, ?, ?, ?)",
                        projectKey, scenarioId, runId, start, 0, Json.write(doc));
                Database.update(c, "INSERT INTO scenario_trigger_fires (project_key, scenario_id, trigger_id, fire_id, run_id, doc) VALUES (?, ?, ?, ?, ?, ?)",
                        projectKey, scenarioId, MANUAL_TRIGGER, fire.path("runId").asText(), runId, Json.write(fire));
                return null;
            });
            active.put(key(projectKey, scenarioId), execution);
            workers.submit(execution);
        }
        return fire;
    }

    /** Trigger parameters over project variables (local over standard), for {@code ${name}} in steps. */
    private ObjectNode variables(Caller caller, String projectKey, ObjectNode params) {
        ObjectNode vars = Json.object();
        ObjectNode projectVars = scenarios.projects().variables(caller, projectKey);
        if (projectVars.path("standard").isObject()) vars.setAll((ObjectNode) projectVars.get("standard"));
        if (projectVars.path("local").isObject()) vars.setAll((ObjectNode) projectVars.get("local"));
        vars.setAll(params);
        return vars;
    }

    public ObjectNode abort(Caller caller, String projectKey, String scenarioId) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.WRITE);
        RunExecution run = active.get(key(projectKey, scenarioId));
        ObjectNode out = Json.object();
        if (run == null) {
            out.put("success", false);
            out.put("message", "Scenario " + scenarioId + " is not running");
        } else {
            run.requestAbort(caller.identifier());
            out.put("success", true);
            out.put("message", "Abort requested for run " + run.runId);
            out.put("runId", run.runId);
        }
        return out;
    }

    public ObjectNode delete(Caller caller, String projectKey, String scenarioId) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.WRITE);
        RunExecution run = active.get(key(projectKey, scenarioId));
        if (run != null) run.requestAbort(caller.identifier() + " (scenario deleted)");
        scenarios.deleteDefinition(projectKey, scenarioId);
        DataDirectory.deleteRecursively(dataDir.scenarioLogs(projectKey, scenarioId));
        ObjectNode out = Json.object();
        out.put("success", true);
        out.put("message", "Scenario " + scenarioId + " deleted");
        return out;
    }

    // ------------------------------------------------------------------ reading runs

    public ObjectNode triggerFire(Caller caller, String projectKey, String scenarioId, String triggerId, String fireId) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        return loadFire(projectKey, scenarioId, triggerId, fireId);
    }

    private ObjectNode loadFire(String projectKey, String scenarioId, String triggerId, String fireId) {
        return db.queryOne("SELECT doc FROM scenario_trigger_fires WHERE project_key = ? AND scenario_id = ? AND trigger_id = ? AND fire_id = ?",
                        rs -> Json.parseObject(rs.getString(1)), projectKey, scenarioId, triggerId, fireId)
                .orElseThrow(() -> ApiException.notFound("Fire '" + fireId + "' of trigger '" + triggerId + "' of scenario '" + scenarioId + "'"));
    }

    public ObjectNode runForTrigger(Caller caller, String projectKey, String scenarioId, String triggerId, String fireId) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        loadFire(projectKey, scenarioId, triggerId, fireId);
        // a cancelled fire started no run: its run_id is null
        String runId = db.queryOne("SELECT COALESCE(run_id, '') FROM scenario_trigger_fires WHERE project_key = ? AND scenario_id = ?"
                        + " AND trigger_id = ? AND fire_id = ?", rs -> rs.getString(1), projectKey, scenarioId, triggerId, fireId).orElse("");
        ObjectNode out = Json.object();
        if (!runId.isEmpty()) loadRun(projectKey, scenarioId, runId).ifPresent(d -> out.set("scenarioRun", d.get("scenarioRun")));
        return out;
    }

    private java.util.Optional<ObjectNode> loadRun(String projectKey, String scenarioId, String runId) {
        return db.queryOne("SELECT doc FROM scenario_runs WHERE project_key = ? AND scenario_id = ? AND run_id = ?",
                rs -> Json.parseObject(rs.getString(1)), projectKey, scenarioId, runId);
    }

    public ObjectNode details(Caller caller, String projectKey, String scenarioId, String runId) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        return loadRun(projectKey, scenarioId, runId)
                .orElseThrow(() -> ApiException.notFound("Run '" + runId + "' of scenario '" + scenarioId + "'"));
    }

    public ArrayNode lastRuns(Caller caller, String projectKey, String scenarioId, int limit, boolean onlyFinished) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        if (limit < 1) throw ApiException.invalidField("limit", "must be >= 1, got " + limit);
        List<ObjectNode> docs = db.query("SELECT doc FROM scenario_runs WHERE project_key = ? AND scenario_id = ?"
                        + (onlyFinished ? " AND end_time > 0" : "") + " ORDER BY start_time DESC, run_id DESC LIMIT ?",
                rs -> Json.parseObject(rs.getString(1)), projectKey, scenarioId, limit);
        ArrayNode out = Json.array();
        docs.forEach(d -> out.add(d.get("scenarioRun")));
        return out;
    }

    public ArrayNode runsByDate(Caller caller, String projectKey, String scenarioId, String fromDate, String toDate) {
        scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        LocalDate from = date("fromDate", fromDate);
        LocalDate to = date("toDate", toDate);
        if (from.isAfter(to)) throw ApiException.invalidField("fromDate", "must not be after toDate (" + fromDate + " > " + toDate + ")");
        ZoneId zone = ZoneId.systemDefault();
        long fromMs = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMs = to.atStartOfDay(zone).toInstant().toEpochMilli();
        ArrayNode out = Json.array();
        db.query("SELECT doc FROM scenario_runs WHERE project_key = ? AND scenario_id = ? AND start_time >= ? AND start_time < ?"
                        + " ORDER BY start_time DESC, run_id DESC", rs -> Json.parseObject(rs.getString(1)), projectKey, scenarioId, fromMs, toMs)
                .forEach(d -> out.add(d.get("scenarioRun")));
        return out;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) throw ApiException.invalidField(field, "is required (yyyy-MM-dd)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date yyyy-MM-dd, got '" + value + "'");
        }
    }

    public String log(Caller caller, String projectKey, String scenarioId, String runId, String stepId) {
        ObjectNode settings = scenarios.require(caller, projectKey, scenarioId, ProjectAccess.READ);
        ObjectNode run = details(caller, projectKey, scenarioId, runId);
        Path f = dataDir.scenarioRunLog(projectKey, scenarioId, runId);
        String text;
        try {
            text = Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stepId == null || stepId.isEmpty()) return text;
        boolean known = false;
        for (JsonNode s : run.path("stepRuns")) known |= stepId.equals(s.path("step").path("id").asText());
        for (JsonNode s : settings.path("params").path("steps")) known |= stepId.equals(s.path("id").asText());
        if (!known) throw ApiException.notFound("Step '" + stepId + "' of scenario '" + scenarioId + "'");
        StringBuilder sb = new StringBuilder();
        String marker = "] [" + stepId + "] - ";
        for (String line : text.split("\n")) if (line.contains(marker)) sb.append(line).append('\n');
        return sb.toString();
    }

    // ------------------------------------------------------------------ RunExecution.Host

    @Override
    public void save(RunExecution run) {
        ObjectNode doc = run.snapshot();
        db.update("UPDATE scenario_runs SET end_time = ?, doc = ? WHERE project_key = ? AND scenario_id = ? AND run_id = ?",
                doc.path("scenarioRun").path("end").asLong(0), Json.write(doc), run.projectKey, run.scenarioId, run.runId);
    }

    @Override
    public void log(RunExecution run, String stepId, String level, String message) {
        writeLog(run.projectKey, run.scenarioId, run.runId, stepId, level, message);
    }

    private synchronized void writeLog(String projectKey, String scenarioId, String runId, String stepId, String level, String message) {
        Path f = dataDir.scenarioRunLog(projectKey, scenarioId, runId);
        try {
            Files.createDirectories(f.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write("[" + LocalDateTime.now().format(TS) + "] [" + level + "] [dku.scenario." + scenarioId + "]"
                        + (stepId == null ? "" : " [" + stepId + "]") + " - " + message + "\n");
            }
        } catch (IOException e) {
            // a log line that cannot be written must not fail the run
            LOG.warn("Cannot write the log of scenario run {}.{}/{}: {}", projectKey, scenarioId, runId, e.toString());
        }
    }

    @Override
    public void abortJob(Caller caller, String projectKey, String jobId) {
        try {
            jobs.abort(caller, projectKey, jobId);
        } catch (ApiException e) {
            LOG.info("Aborting job {} of a scenario run: {}", jobId, e.getMessage());
        }
    }

    @Override
    public void finished(RunExecution run) {
        active.remove(key(run.projectKey, run.scenarioId), run);
    }

    /**
     * Aborts the runs in progress (their SQL keeps a database busy otherwise, whatever happens to this server's
     * threads) and gives them a moment to record it; a run that cannot is ended ABORTED at the next start.
     */
    @Override
    public void close() {
        active.values().forEach(run -> run.requestAbort("the server stopping"));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
