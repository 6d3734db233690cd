package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.server.VersionTags;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.error.ApiException;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Definitions of scenarios: create, read, save, delete, and the script of {@code custom_python} ones. Runs are
 * {@link ScenarioRunService}'s.
 */
public final class ScenarioService {
    public static final Set<String> TYPES = Set.of("step_based", "custom_python");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");
    /**
     * {@code /scenarios/trigger/{scenarioId}/{triggerId}} starts with this word: a scenario of that id would make
     * {@code /scenarios/trigger/X/log} mean two things.
     */
    static final String RESERVED_ID = "trigger";

    private final Database db;
    private final ProjectService projects;

    public ScenarioService(Database db, ProjectService projects) {
        this.db = db;
        this.projects = projects;
    }

    Database db() { return db; }

    ProjectService projects() { return projects; }

    public Optional<ObjectNode> find(String projectKey, String id) {
        return db.queryOne("SELECT doc FROM scenarios WHERE project_key = ? AND id = ?",
                rs -> Json.parseObject(rs.getString(1)), projectKey, id);
    }

    /** The scenario's settings, once the caller may access its project as wanted. */
    public ObjectNode require(Caller caller, String projectKey, String id, ProjectAccess wanted) {
        projects.require(caller, projectKey, wanted);
        return find(projectKey, id).orElseThrow(() -> ApiException.notFound("Scenario '" + id + "' in project '" + projectKey + "'"));
    }

    public ArrayNode listDefinitions(Caller caller, String projectKey) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        ArrayNode out = Json.array();
        db.query("SELECT doc FROM scenarios WHERE project_key = ? ORDER BY id", rs -> Json.parseObject(rs.getString(1)), projectKey)
                .forEach(out::add);
        return out;
    }

    public ObjectNode create(Caller caller, String projectKey, JsonNode body) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        ObjectNode def = Json.requireObject(body, "scenario definition").deepCopy();
        String name = Json.requiredText(def, "name");
        String type = Json.requiredText(def, "type");
        if (!TYPES.contains(type)) throw ApiException.invalidField("type", "must be one of " + TYPES + ", got '" + type + "'");
        String id = Json.optionalText(def, "id");
        if (id != null) {
            if (!ID.matcher(id).matches()) throw ApiException.invalidField("id", "must match [A-Za-z0-9_]+, got '" + id + "'");
            if (id.equals(RESERVED_ID)) {
                throw ApiException.invalidField("id", "'" + RESERVED_ID + "' is reserved: /scenarios/trigger/... addresses trigger fires");
            }
        }
        normalise(def, type);
        def.put("projectKey", projectKey);
        def.put("name", name);
        def.put("type", type);
        if (!def.has("active")) def.put("active", false);
        ObjectNode tag = VersionTags.of(caller, 1);
        def.set("versionTag", tag);
        def.set("creationTag", tag.deepCopy());
        String payload = "";
        if (id != null) {
            def.put("id", id);
            db.insertUnique("Scenario '" + id + "' already exists in project '" + projectKey + "'",
                    "INSERT INTO scenarios (project_key, id, doc, payload) VALUES (?, ?, ?, ?)", projectKey, id, Json.write(def), payload);
            return def;
        }
        // Derived ids: made unique in the project under one transaction, so that two creations never collide.
        String base = idFromName(name);
        return db.inTransaction(c -> {
            Set<String> taken = new HashSet<>(Database.query(c, "SELECT id FROM scenarios WHERE project_key = ?", rs -> rs.getString(1), projectKey));
            String candidate = base;
            for (int n = 2; taken.contains(candidate); n++) candidate = base + "_" + n;
            def.put("id", candidate);
            Database.update(c, "INSERT INTO scenarios (project_key, id, doc, payload) VALUES (?, ?, ?, ?)",
                    projectKey, candidate, Json.write(def), payload);
            return def;
        });
    }

    /** {@code "Rebuild daily!"} → {@code REBUILD_DAILY}. Upper case, so never the reserved {@value #RESERVED_ID}. */
    static String idFromName(String name) {
        String id = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return id.isEmpty() ? "SCENARIO" : id;
    }

    public ObjectNode save(Caller caller, String projectKey, String id, JsonNode body) {
        ObjectNode current = require(caller, projectKey, id, ProjectAccess.WRITE);
        ObjectNode def = Json.requireObject(body, "scenario settings").deepCopy();
        unchanged(def, "id", id);
        unchanged(def, "projectKey", projectKey);
        String type = current.path("type").asText();
        unchanged(def, "type", type);
        if (def.has("name")) Json.requiredText(def, "name");
        Json.optionalBoolean(def, "active", false);
        normalise(def, type);
        def.put("projectKey", projectKey);
        def.put("id", id);
        def.put("type", type);
        if (!def.hasNonNull("name")) def.set("name", current.get("name"));
        if (!def.has("active")) def.set("active", current.get("active"));
        def.set("versionTag", VersionTags.of(caller, current.path("versionTag").path("versionNumber").asLong(0) + 1));
        if (current.has("creationTag")) def.set("creationTag", current.get("creationTag"));
        int n = db.update("UPDATE scenarios SET doc = ? WHERE project_key = ? AND id = ?", Json.write(def), projectKey, id);
        if (n == 0) throw ApiException.notFound("Scenario '" + id + "' in project '" + projectKey + "'");
        return def;
    }

    private static void unchanged(ObjectNode def, String field, String expected) {
        JsonNode v = def.get(field);
        if (v != null && !v.isNull() && !expected.equals(v.asText())) {
            throw ApiException.invalidField(field, "cannot be changed (is '" + expected + "', got '" + v.asText() + "')");
        }
    }

    /** Checks the parts the runner reads, fills the lists the client reads, and gives every step an id. */
    private static void normalise(ObjectNode def, String type) {
        for (String list : new String[]{"triggers", "reporters", "tags"}) {
            JsonNode v = def.get(list);
            if (v == null || v.isNull()) def.putArray(list);
            else if (!v.isArray()) throw ApiException.invalidField(list, "must be an array");
        }
        JsonNode p = def.get("params");
        ObjectNode params;
        if (p == null || p.isNull()) params = def.putObject("params");
        else if (p.isObject()) params = (ObjectNode) p;
        else throw ApiException.invalidField("params", "must be a JSON object");
        if (!type.equals("step_based")) return;
        JsonNode s = params.get("steps");
        if (s == null || s.isNull()) {
            params.putArray("steps");
            return;
        }
        if (!s.isArray()) throw ApiException.invalidField("params.steps", "must be an array of steps");
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode step : s) {
            String f = "params.steps[" + i + "]";
            if (!step.isObject()) throw ApiException.invalidField(f, "must be an object {id, type, name, params}");
            JsonNode t = step.get("type");
            if (t == null || !t.isTextual() || t.asText().isBlank()) throw ApiException.invalidField(f + ".type", "is required (build_flowitem, exec_sql...)");
            JsonNode sp = step.get("params");
            if (sp != null && !sp.isNull() && !sp.isObject()) throw ApiException.invalidField(f + ".params", "must be a JSON object");
            JsonNode sid = step.get("id");
            if (sid != null && !sid.isNull() && (!sid.isTextual() || sid.asText().isBlank())) {
                throw ApiException.invalidField(f + ".id", "must be a non-empty string");
            }
            if (sid != null && sid.isTextual() && !ids.add(sid.asText())) {
                throw ApiException.invalidField(f + ".id", "'" + sid.asText() + "' is the id of another step").at(f + ".id", "unique");
            }
            i++;
        }
        i = 0;
        for (JsonNode step : s) {
            if (!step.hasNonNull("id")) {
                String candidate = "step_" + i;
                for (int n = 2; ids.contains(candidate); n++) candidate = "step_" + i + "_" + n;
                ids.add(candidate);
                ((ObjectNode) step).put("id", candidate);
            }
            i++;
        }
    }

    public ObjectNode payload(Caller caller, String projectKey, String id) {
        ObjectNode def = require(caller, projectKey, id, ProjectAccess.READ);
        String script = db.queryOne("SELECT payload FROM scenarios WHERE project_key = ? AND id = ?", rs -> rs.getString(1), projectKey, id)
                .orElse("");
        ObjectNode out = Json.object();
        out.put("script", script);
        out.put("extension", def.path("type").asText().equals("custom_python") ? "py" : "");
        return out;
    }

    public ObjectNode setPayload(Caller caller, String projectKey, String id, JsonNode body) {
        ObjectNode def = require(caller, projectKey, id, ProjectAccess.WRITE);
        ObjectNode req = Json.requireObject(body, "scenario payload");
        String script = Json.optionalText(req, "script");
        if (script == null) throw ApiException.invalidField("script", "is required");
        if (!def.path("type").asText().equals("custom_python")) {
            throw ApiException.invalidField("script", "scenario '" + id + "' is " + def.path("type").asText()
                    + ": only custom_python scenarios have a script");
        }
        db.update("UPDATE scenarios SET payload = ? WHERE project_key = ? AND id = ?", script, projectKey, id);
        return payload(caller, projectKey, id);
    }

    /** Removes the definition; its fires and runs go with it (foreign keys). */
    void deleteDefinition(String projectKey, String id) {
        int n = db.update("DELETE FROM scenarios WHERE project_key = ? AND id = ?", projectKey, id);
        if (n == 0) throw ApiException.notFound("Scenario '" + id + "' in project '" + projectKey + "'");
    }
}
