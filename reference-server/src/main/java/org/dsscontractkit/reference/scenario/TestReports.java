package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.error.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What test scenarios ({@code markedAsTest}) report: the project's testing status (the worst last outcome), and JUnit
 * XML of a run, of one of its steps, or of the last runs of all of them (the format CI tools read), or HTML.
 */
public final class TestReports {
    private final ScenarioService scenarios;
    private final Database db;

    public TestReports(ScenarioService scenarios) {
        this.scenarios = scenarios;
        this.db = scenarios.db();
    }

    private static void noBundle(String bundleId) {
        if (bundleId != null && !bundleId.isEmpty()) {
            throw ApiException.invalidField("bundleId", "bundles are an Automation node's: this server is a design node (leave it out)");
        }
    }

    /** The last finished run of each test scenario of the project, by scenario id. */
    private Map<String, ObjectNode> lastTestRuns(Caller caller, String projectKey) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (JsonNode def : scenarios.listDefinitions(caller, projectKey)) {
            if (!def.path("markedAsTest").asBoolean(false)) continue;
            String id = def.path("id").asText();
            db.queryOne("SELECT doc FROM scenario_runs WHERE project_key = ? AND scenario_id = ? AND end_time > 0"
                            + " ORDER BY start_time DESC, run_id DESC LIMIT 1", rs -> Json.parseObject(rs.getString(1)), projectKey, id)
                    .ifPresent(d -> out.put(id, d));
        }
        return out;
    }

    public ObjectNode testingStatus(Caller caller, String projectKey, String bundleId) {
        noBundle(bundleId);
        Map<String, ObjectNode> last = lastTestRuns(caller, projectKey);
        ObjectNode out = Json.object();
        out.put("nbTotalRanScenarios", last.size());
        ObjectNode perOutcome = out.putObject("nbScenariosPerOutcome");
        Outcome worst = null;
        for (ObjectNode run : last.values()) {
            Outcome o = Outcome.valueOf(run.path("scenarioRun").path("result").path("outcome").asText("FAILED"));
            perOutcome.put(o.name(), perOutcome.path(o.name()).asInt(0) + 1);
            worst = worst == null ? o : worst.worst(o);
        }
        if (worst != null) out.put("worstOutcome", worst.name());
        return out;
    }

    public String lastRunsJUnit(Caller caller, String projectKey, String bundleId) {
        noBundle(bundleId);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (ObjectNode run : lastTestRuns(caller, projectKey).values()) suite(xml, run, null);
        return xml.append("</testsuites>\n").toString();
    }

    public String lastRunsHtml(Caller caller, String projectKey, String bundleId) {
        noBundle(bundleId);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Test scenarios of ")
                .append(escape(projectKey)).append("</title></head><body>\n<h1>Test scenarios of ").append(escape(projectKey))
                .append("</h1>\n<table>\n<tr><th>Scenario</th><th>Run</th><th>Outcome</th><th>Steps</th></tr>\n");
        for (ObjectNode run : lastTestRuns(caller, projectKey).values()) {
            JsonNode r = run.path("scenarioRun");
            html.append("<tr><td>").append(escape(r.path("scenario").path("id").asText())).append("</td><td>")
                    .append(escape(r.path("runId").asText())).append("</td><td>")
                    .append(escape(r.path("result").path("outcome").asText())).append("</td><td>");
            for (JsonNode s : run.path("stepRuns")) {
                html.append(escape(s.path("step").path("id").asText())).append(": ")
                        .append(escape(s.path("result").path("outcome").asText())).append("<br>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** The JUnit XML of a run of a test scenario, or of one of its steps ({@code stepId}). */
    public String runJUnit(Caller caller, String projectKey, String scenarioId, String runId, ObjectNode details, String stepId) {
        if (!details.path("scenarioRun").path("scenario").path("markedAsTest").asBoolean(false)) {
            throw ApiException.badRequest("When run " + runId + " was performed, scenario " + scenarioId
                    + " was not marked as a test scenario: reports are only available for test scenarios");
        }
        if (stepId != null) {
            boolean found = false;
            for (JsonNode s : details.path("stepRuns")) found |= stepId.equals(s.path("step").path("id").asText());
            if (!found) throw ApiException.notFound("Step '" + stepId + "' in run '" + runId + "' of scenario '" + scenarioId + "'");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        suite(xml, details, stepId);
        return xml.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder xml, JsonNode details, String onlyStep) {
        JsonNode run = details.path("scenarioRun");
        String name = run.path("scenario").path("projectKey").asText() + "." + run.path("scenario").path("id").asText();
        List<JsonNode> steps = new ArrayList<>();
        for (JsonNode s : details.path("stepRuns")) {
            if (onlyStep == null || onlyStep.equals(s.path("step").path("id").asText())) steps.add(s);
        }
        int failures = 0;
        int skipped = 0;
        for (JsonNode s : steps) {
            String o = s.path("result").path("outcome").asText("");
            if (o.equals("FAILED")) failures++;
            else if (o.equals("ABORTED") || o.isEmpty()) skipped++;
        }
        xml.append("  <testsuite name=\"").append(escape(name)).append("\" tests=\"").append(steps.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(run.path("start").asLong(), run.path("end").asLong())).append("\">\n");
        for (JsonNode s : steps) {
            xml.append("    <testcase classname=\"").append(escape(name)).append("\" name=\"").append(escape(s.path("step").path("id").asText()))
                    .append("\" time=\"").append(seconds(s.path("start").asLong(), s.path("end").asLong())).append("\"");
            String o = s.path("result").path("outcome").asText("");
            JsonNode thrown = s.path("result").path("thrown");
            if (o.equals("FAILED")) {
                xml.append(">\n      <failure message=\"").append(escape(thrown.path("message").asText("Step failed"))).append("\" type=\"")
                        .append(escape(thrown.path("clazz").asText("FAILED"))).append("\"/>\n    </testcase>\n");
            } else if (o.equals("ABORTED") || o.isEmpty()) {
                xml.append(">\n      <skipped message=\"").append(o.isEmpty() ? "running" : "aborted").append("\"/>\n    </testcase>\n");
            } else {
                xml.append("/>\n");
            }
        }
        xml.append("  </testsuite>\n");
    }

    private static String seconds(long start, long end) {
        return end > 0 && end >= start ? String.format(java.util.Locale.ROOT, "%.3f", (end - start) / 1000.0) : "0";
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
