package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.error.ErrorTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a scenario on a worker thread: its steps in order, each when its run condition holds, the run ending
 * with the worst outcome of the steps that ran. The whole run document ({@code scenarioRun}, {@code stepRuns}) is
 * written to the store after every change, so readers always see the run as it is.
 */
final class RunExecution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** What the run needs from its service: store, logs, ids, jobs. */
    interface Host {
        void save(RunExecution run);

        void log(RunExecution run, String stepId, String level, String message);

        String nextId();

        void abortJob(Caller caller, String projectKey, String jobId);

        void finished(RunExecution run);
    }

    private final Host host;
    private final Map<String, Step> stepTypes;
    final Caller caller;
    final String projectKey;
    final String scenarioId;
    final String runId;
    private final ObjectNode settings;
    private final ObjectNode variables;
    /** {scenarioRun, stepRuns}: only this run's thread changes it; {@link #snapshot()} copies it for the store. */
    private final ObjectNode details;

    private volatile boolean abortRequested;
    private volatile Statement statement;
    private volatile String jobId;
    private volatile boolean finished;

    RunExecution(Host host, Map<String, Step> stepTypes, Caller caller, ObjectNode settings, ObjectNode scenarioRun,
                 ObjectNode variables) {
        this.host = host;
        this.stepTypes = stepTypes;
        this.caller = caller;
        this.settings = settings;
        this.projectKey = settings.path("projectKey").asText();
        this.scenarioId = settings.path("id").asText();
        this.runId = scenarioRun.path("runId").asText();
        this.variables = variables;
        this.details = Json.object();
        details.set("scenarioRun", scenarioRun);
        details.putArray("stepRuns");
    }

    synchronized ObjectNode snapshot() {
        return details.deepCopy();
    }

    long endTime() {
        return details.path("scenarioRun").path("end").asLong(0);
    }

    /** Stops the run: the steps after the current one do not run, its job is aborted, its statement cancelled. */
    void requestAbort(String by) {
        if (abortRequested) return;
        abortRequested = true;
        host.log(this, null, "WARN", "Abort requested by " + by);
        String j = jobId;
        if (j != null) host.abortJob(caller, projectKey, j);
        // A cancel that reaches the driver between the step handing its statement over and executing it is lost:
        // cancel again until the step lets go of the statement.
        Thread canceller = new Thread(() -> {
            try {
                while (!finished) {
                    Statement s = statement;
                    if (s != null) cancel(s);
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dss-scenario-abort-" + runId);
        canceller.setDaemon(true);
        canceller.start();
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException e) {
            LOG.debug("Cancelling a scenario SQL statement failed: {}", e.getMessage());
        }
    }

    @Override
    public void run() {
        ObjectNode scenarioRun = (ObjectNode) details.get("scenarioRun");
        Outcome outcome = Outcome.SUCCESS;
        ObjectNode thrown = null;
        try {
            host.log(this, null, "INFO", "Run " + runId + " of scenario " + scenarioId + " started by " + caller.identifier()
                    + " (trigger " + scenarioRun.path("trigger").path("trigger").path("id").asText() + ")");
            if (!settings.path("type").asText().equals("step_based")) {
                Step.Result r = Step.Result.failed(ErrorTypes.UNSUPPORTED, "Scenario type not runnable",
                        "Scenarios of type " + settings.path("type").asText() + " cannot run on this server: it runs"
                                + " step_based scenarios only (steps " + stepTypes.keySet() + ")");
                host.log(this, null, "ERROR", r.thrown().path("message").asText());
                outcome = Outcome.FAILED;
                thrown = r.thrown();
            } else {
                outcome = runSteps();
            }
        } catch (InterruptedException e) {
            // the server is stopping
            outcome = Outcome.ABORTED;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Scenario run {}.{}/{} crashed", projectKey, scenarioId, runId, e);
            outcome = Outcome.FAILED;
            thrown = Step.Result.failed(ErrorTypes.INTERNAL, "Run failed", e.toString()).thrown();
        }
        if (abortRequested) outcome = outcome.worst(Outcome.ABORTED);
        long end = System.currentTimeMillis();
        synchronized (this) {
            ObjectNode result = scenarioRun.putObject("result");
            result.put("outcome", outcome.name());
            result.put("type", "SCENARIO_DONE");
            result.put("start", scenarioRun.path("start").asLong());
            result.put("end", end);
            if (thrown != null) result.set("thrown", thrown);
            scenarioRun.put("end", end);
        }
        try {
            host.log(this, null, outcome == Outcome.SUCCESS ? "INFO" : "WARN", "Run ended " + outcome + " in "
                    + (end - scenarioRun.path("start").asLong()) + " ms");
            host.save(this);
        } finally {
            finished = true;
            host.finished(this);
        }
    }

    private Outcome runSteps() throws InterruptedException {
        Outcome soFar = Outcome.SUCCESS;
        for (JsonNode stepNode : settings.path("params").path("steps")) {
            if (abortRequested) break;
            ObjectNode step = (ObjectNode) stepNode;
            String stepId = step.path("id").asText();
            if (!shouldRun(step, soFar)) {
                host.log(this, stepId, "INFO", "Step skipped (run condition " + step.path("runConditionType").asText("RUN_IF_STATUS_MATCH")
                        + ", outcome so far " + soFar + ")");
                continue;
            }
            ObjectNode stepRun;
            synchronized (this) {
                stepRun = ((ArrayNode) details.get("stepRuns")).addObject();
                stepRun.put("runId", host.nextId());
                stepRun.set("step", step.deepCopy());
                stepRun.put("start", System.currentTimeMillis());
                stepRun.put("end", 0);
                stepRun.putArray("additionalReportItems");
            }
            host.save(this);
            host.log(this, stepId, "INFO", "Step " + stepId + " (" + step.path("type").asText() + ") started");
            Step.Result r = runStep(step, stepRun);
            jobId = null;
            statement = null;
            long end = System.currentTimeMillis();
            synchronized (this) {
                ObjectNode result = stepRun.putObject("result");
                result.put("outcome", r.outcome().name());
                result.put("type", "STEP_DONE");
                if (r.thrown() != null) result.set("thrown", r.thrown());
                stepRun.put("end", end);
            }
            host.log(this, stepId, r.outcome() == Outcome.SUCCESS ? "INFO" : "WARN", "Step " + stepId + " ended " + r.outcome()
                    + (r.thrown() != null ? ": " + r.thrown().path("message").asText() : ""));
            host.save(this);
            soFar = soFar.worst(r.outcome());
            if (r.outcome() == Outcome.ABORTED) break;
        }
        return soFar;
    }

    private static boolean shouldRun(ObjectNode step, Outcome soFar) {
        String condition = step.path("runConditionType").asText("RUN_IF_STATUS_MATCH");
        switch (condition) {
            case "DISABLED":
                return false;
            case "RUN_ALWAYS":
                return true;
            default:
                Set<Outcome> statuses = EnumSet.noneOf(Outcome.class);
                JsonNode listed = step.get("runConditionStatuses");
                if (listed == null || !listed.isArray() || listed.isEmpty()) {
                    statuses.add(Outcome.SUCCESS);
                    statuses.add(Outcome.WARNING);
                } else {
                    for (JsonNode s : listed) {
                        for (Outcome o : Outcome.values()) if (o.name().equals(s.asText())) statuses.add(o);
                    }
                }
                return statuses.contains(soFar);
        }
    }

    private Step.Result runStep(ObjectNode step, ObjectNode stepRun) throws InterruptedException {
        String type = step.path("type").asText();
        Step kind = stepTypes.get(type);
        if (kind == null) {
            return Step.Result.failed(ErrorTypes.UNSUPPORTED, "Step type not supported",
                    "Steps of type " + type + " cannot run on this server (it runs " + stepTypes.keySet() + ")");
        }
        String stepId = step.path("id").asText();
        ObjectNode params = step.path("params").isObject() ? (ObjectNode) step.get("params") : Json.object();
        return kind.run(new Step.Context() {
            @Override public Caller caller() { return caller; }

            @Override public String projectKey() { return projectKey; }

            @Override public ObjectNode params() { return params; }

            @Override public String expand(String text) { return RunExecution.this.expand(text); }

            @Override public void log(String level, String message) { host.log(RunExecution.this, stepId, level, message); }

            @Override public void report(ObjectNode item) {
                synchronized (RunExecution.this) {
                    ((ArrayNode) stepRun.get("additionalReportItems")).add(item);
                }
                host.save(RunExecution.this);
            }

            @Override public boolean abortRequested() { return abortRequested; }

            @Override public void jobStarted(String id) {
                jobId = id;
                // an abort that came while the job was starting did not see it
                if (abortRequested) host.abortJob(caller, projectKey, id);
            }

            @Override public void statementStarted(Statement s) {
                statement = s;
            }
        });
    }

    private String expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = variables.get(m.group(1));
            String value = v == null || v.isNull() ? m.group() : v.isValueNode() ? v.asText() : Json.write(v);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
