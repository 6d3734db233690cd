package org.dsscontractkit.client.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.dsscontractkit.client.JsonSettings;

/**
 * Settings of a scenario ({@code getScenarioSettings}/{@code saveScenarioSettings}), like the Python client's
 * {@code StepBasedScenarioSettings}. Change {@link #getRaw()} or use the helpers, then {@link #save()}; unknown
 * attributes are kept.
 */
public final class DSSScenarioSettings extends JsonSettings {

    DSSScenarioSettings(ObjectNode raw, Consumer<ObjectNode> save) {
        super(raw, save);
    }

    /** @return {@code step_based} or {@code custom_python} */
    public String getType() {
        return getRaw().path("type").asText(null);
    }

    /** @return whether the automatic triggers run */
    public boolean isActive() {
        return getRaw().path("active").asBoolean(false);
    }

    /** @return this, with the automatic triggers on or off */
    public DSSScenarioSettings setActive(boolean active) {
        getRaw().put("active", active);
        return this;
    }

    /** @return the login the scenario runs as, or null (the last editor) */
    public String getRunAs() {
        JsonNode v = getRaw().get("runAsUser");
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return the steps of a step-based scenario ({@code params.steps}), created empty when absent */
    public ArrayNode getRawSteps() {
        return array(params(), "steps");
    }

    /** @return the automatic triggers ({@code triggers}), created empty when absent */
    public ArrayNode getRawTriggers() {
        return array(getRaw(), "triggers");
    }

    /** @return the reporters ({@code reporters}), created empty when absent */
    public ArrayNode getRawReporters() {
        return array(getRaw(), "reporters");
    }

    /**
     * Appends a step that builds datasets with one job ({@code build_flowitem}).
     *
     * @param stepId   id of the step, unique in the scenario
     * @param jobType  {@code RECURSIVE_BUILD}, {@code NON_RECURSIVE_FORCED_BUILD}...
     * @param datasets names of the datasets of the project to build
     * @return this
     */
    public DSSScenarioSettings addBuildStep(String stepId, String jobType, String... datasets) {
        ObjectNode step = getRawSteps().addObject();
        step.put("id", stepId).put("type", "build_flowitem").put("name", "Build " + String.join(", ", datasets));
        ObjectNode params = step.putObject("params");
        params.put("jobType", jobType);
        ArrayNode builds = params.putArray("builds");
        for (String dataset : datasets) {
            builds.addObject().put("type", "DATASET").put("itemId", dataset).put("partitionsSpec", "");
        }
        return this;
    }

    /**
     * Appends a step that runs SQL on a connection ({@code exec_sql}); {@code ${name}} in the SQL is replaced by the
     * trigger parameter or project variable of that name.
     *
     * @return this
     */
    public DSSScenarioSettings addSqlStep(String stepId, String connection, String sql) {
        ObjectNode step = getRawSteps().addObject();
        step.put("id", stepId).put("type", "exec_sql").put("name", "SQL on " + connection);
        step.putObject("params").put("connection", connection).put("sql", sql);
        return this;
    }

    private ObjectNode params() {
        JsonNode params = getRaw().get("params");
        return params instanceof ObjectNode object ? object : getRaw().putObject("params");
    }

    private static ArrayNode array(ObjectNode parent, String name) {
        JsonNode v = parent.get(name);
        return v instanceof ArrayNode array ? array : parent.putArray(name);
    }
}
