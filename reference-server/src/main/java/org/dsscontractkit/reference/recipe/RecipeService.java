package org.dsscontractkit.reference.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.server.VersionTags;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.error.ApiException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recipes of the flow: definition, payload and metadata in the store. The flow stays whole: a recipe's inputs and
 * outputs exist, and a dataset is the output of one recipe at most, the one a job building it runs
 * ({@link RecipeRunner}).
 */
public final class RecipeService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final Database db;
    private final ProjectService projects;
    private final DatasetService datasets;

    public RecipeService(Database db, ProjectService projects, DatasetService datasets) {
        this.db = db;
        this.projects = projects;
        this.datasets = datasets;
    }

    DatasetService datasets() { return datasets; }

    /** A stored recipe: its definition, payload and metadata. */
    public record Recipe(ObjectNode definition, String payload, ObjectNode metadata) {
        String name() { return definition.path("name").asText(); }

        String type() { return definition.path("type").asText(); }

        ObjectNode settings() {
            ObjectNode out = Json.object();
            out.set("recipe", definition);
            out.put("payload", payload);
            return out;
        }
    }

    private List<Recipe> all(String projectKey) {
        return db.query("SELECT doc, payload, metadata FROM recipes WHERE project_key = ? ORDER BY name",
                rs -> new Recipe(Json.parseObject(rs.getString(1)), rs.getString(2), Json.parseObject(rs.getString(3))), projectKey);
    }

    private Optional<Recipe> find(String projectKey, String name) {
        return db.queryOne("SELECT doc, payload, metadata FROM recipes WHERE project_key = ? AND name = ?",
                rs -> new Recipe(Json.parseObject(rs.getString(1)), rs.getString(2), Json.parseObject(rs.getString(3))), projectKey, name);
    }

    Recipe require(Caller caller, String projectKey, String name, ProjectAccess access) {
        projects.require(caller, projectKey, access);
        return find(projectKey, name).orElseThrow(() -> ApiException.notFound("Recipe '" + name + "' in project '" + projectKey + "'"));
    }

    /** The recipe that builds a dataset, if any: what a job building the dataset runs. */
    public Optional<Recipe> producerOf(String projectKey, String datasetName) {
        for (Recipe r : all(projectKey)) {
            if (refs(r.definition().path("outputs")).contains(datasetName)) return Optional.of(r);
        }
        return Optional.empty();
    }

    public ArrayNode list(Caller caller, String projectKey) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        ArrayNode out = Json.array();
        for (Recipe r : all(projectKey)) {
            ObjectNode item = out.addObject();
            item.put("projectKey", projectKey);
            item.put("name", r.name());
            item.put("type", r.type());
            item.set("tags", r.definition().path("tags").isArray() ? r.definition().get("tags") : Json.array());
        }
        return out;
    }

    public ObjectNode settings(Caller caller, String projectKey, String name) {
        return require(caller, projectKey, name, ProjectAccess.READ).settings();
    }

    // ------------------------------------------------------------------ creation

    public ObjectNode create(Caller caller, String projectKey, JsonNode body) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        ObjectNode req = Json.requireObject(body, "recipe creation");
        JsonNode protoNode = req.get("recipePrototype");
        if (protoNode == null || !protoNode.isObject()) throw ApiException.invalidField("recipePrototype", "is required (an object {type, name, inputs, outputs})");
        ObjectNode def = protoNode.deepCopy();
        ObjectNode settings = req.path("creationSettings").isObject() ? (ObjectNode) req.get("creationSettings") : Json.object();
        String name = field(def, "name");
        String type = field(def, "type");
        if (!NAME.matcher(name).matches()) throw ApiException.invalidField("recipePrototype.name", "must match [A-Za-z0-9_]+, got '" + name + "'");
        String key = Json.optionalText(def, "projectKey");
        if (key != null && !key.equals(projectKey)) {
            throw ApiException.invalidField("recipePrototype.projectKey", "must be the project of the URL ('" + projectKey + "'), got '" + key + "'");
        }
        def.put("projectKey", projectKey);
        normaliseRoles(def, "recipePrototype.");
        boolean createOutput = settings.path("createOutputDataset").asBoolean(false);
        List<String> outputs = refs(def.path("outputs"));
        if (createOutput) {
            if (outputs.size() != 1) throw ApiException.invalidField("recipePrototype.outputs", "must hold exactly one output when creationSettings.createOutputDataset is true");
            if (datasets.find(projectKey, outputs.get(0)).isPresent()) {
                throw ApiException.conflict("Dataset '" + projectKey + "." + outputs.get(0) + "' already exists: use it as an existing output,"
                        + " or delete it first").at("recipePrototype.outputs", "new");
            }
        }
        checkFlow(caller, projectKey, name, def, createOutput ? List.of(outputs.get(0)) : List.of(), "recipePrototype.");
        String payload = Optional.ofNullable(Json.optionalText(settings, "script"))
                .or(() -> Optional.ofNullable(Json.optionalText(settings, "rawPayload"))).orElse("");
        if (!def.has("params") || !def.get("params").isObject()) def.putObject("params");
        if (!def.path("tags").isArray()) def.putArray("tags");
        ObjectNode tag = VersionTags.of(caller, 1);
        def.set("versionTag", tag);
        def.set("creationTag", tag.deepCopy());
        if (createOutput) createOutputDataset(caller, projectKey, def, type, outputs.get(0), settings);
        ObjectNode metadata = Json.object();
        metadata.set("tags", def.get("tags"));
        metadata.putObject("checklists").putArray("checklists");
        metadata.putObject("custom").putObject("kv");
        db.insertUnique("Recipe '" + name + "' already exists in project '" + projectKey + "'",
                "INSERT INTO recipes (project_key, name, doc, payload, metadata) VALUES (?, ?, ?, ?, ?)",
                projectKey, name, Json.write(def), payload, Json.write(metadata));
        return def;
    }

    private static String field(ObjectNode def, String name) {
        JsonNode v = def.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw ApiException.invalidField("recipePrototype." + name, "is required (non-empty string)");
        return v.asText();
    }

    /** A new managed output: a CSV dataset on the asked connection, with the schema a sync copies from its input. */
    private void createOutputDataset(Caller caller, String projectKey, ObjectNode def, String type, String output, ObjectNode settings) {
        JsonNode ods = settings.path("outputDatasetSettings");
        String connection = ods.path("connectionId").asText("");
        ObjectNode ds = Json.object();
        ds.put("name", output);
        ds.put("projectKey", projectKey);
        ds.put("type", "Filesystem");
        ds.put("managed", true);
        ObjectNode params = ds.putObject("params");
        if (!connection.isEmpty()) params.put("connection", connection);
        ds.put("formatType", "csv");
        ds.putObject("formatParams").put("separator", ",").put("style", "excel").put("parseHeaderRow", true);
        if (type.equals("sync")) {
            List<String> inputs = refs(def.path("inputs"));
            if (!inputs.isEmpty()) {
                ObjectNode input = dataset(caller, projectKey, inputs.get(0));
                ds.set("schema", input.path("schema").deepCopy());
            }
        }
        datasets.create(caller, projectKey, ds);
    }

    // ------------------------------------------------------------------ settings

    public ObjectNode save(Caller caller, String projectKey, String name, JsonNode body) {
        Recipe current = require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode req = Json.requireObject(body, "recipe settings");
        JsonNode recipe = req.get("recipe");
        if (recipe == null || !recipe.isObject()) throw ApiException.invalidField("recipe", "is required (the definition read by getRecipeSettings)");
        ObjectNode def = recipe.deepCopy();
        unchanged(def, "name", name);
        unchanged(def, "projectKey", projectKey);
        unchanged(def, "type", current.type());
        def.put("name", name);
        def.put("projectKey", projectKey);
        def.put("type", current.type());
        normaliseRoles(def, "recipe.");
        checkFlow(caller, projectKey, name, def, List.of(), "recipe.");
        JsonNode p = req.get("payload");
        if (p != null && !p.isNull() && !p.isTextual()) throw ApiException.invalidField("payload", "must be a string");
        String payload = p == null || p.isNull() ? current.payload() : p.asText();
        def.set("versionTag", VersionTags.of(caller, current.definition().path("versionTag").path("versionNumber").asLong(0) + 1));
        if (current.definition().has("creationTag")) def.set("creationTag", current.definition().get("creationTag"));
        db.update("UPDATE recipes SET doc = ?, payload = ? WHERE project_key = ? AND name = ?", Json.write(def), payload, projectKey, name);
        return new Recipe(def, payload, current.metadata()).settings();
    }

    private static void unchanged(ObjectNode def, String field, String expected) {
        JsonNode v = def.get(field);
        if (v != null && !v.isNull() && !expected.equals(v.asText())) {
            throw ApiException.invalidField("recipe." + field, "cannot be changed (is '" + expected + "', got '" + v.asText() + "')");
        }
    }

    public void delete(Caller caller, String projectKey, String name) {
        require(caller, projectKey, name, ProjectAccess.WRITE);
        db.update("DELETE FROM recipes WHERE project_key = ? AND name = ?", projectKey, name);
    }

    public ObjectNode metadata(Caller caller, String projectKey, String name) {
        return require(caller, projectKey, name, ProjectAccess.READ).metadata();
    }

    public ObjectNode setMetadata(Caller caller, String projectKey, String name, JsonNode body) {
        require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode m = Json.requireObject(body, "recipe metadata").deepCopy();
        m.set("tags", Json.strings(Json.optionalStringList(m, "tags")));
        Json.optionalObject(m, "checklists");
        Json.optionalObject(m, "custom");
        db.update("UPDATE recipes SET metadata = ? WHERE project_key = ? AND name = ?", Json.write(m), projectKey, name);
        return m;
    }

    // ------------------------------------------------------------------ the flow

    /** Inputs and outputs as {role: {items: [{ref, ...}]}}: checked, and each item keeps what was sent. */
    private static void normaliseRoles(ObjectNode def, String prefix) {
        for (String side : new String[]{"inputs", "outputs"}) {
            JsonNode roles = def.get(side);
            if (roles == null || roles.isNull()) {
                def.putObject(side);
                continue;
            }
            if (!roles.isObject()) throw ApiException.invalidField(prefix + side, "must be an object {role: {items: [{ref}]}}");
            Iterator<Map.Entry<String, JsonNode>> it = roles.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> role = it.next();
                String f = prefix + side + "." + role.getKey();
                if (!role.getValue().isObject()) throw ApiException.invalidField(f, "must be an object {items: [{ref}]}");
                JsonNode items = role.getValue().get("items");
                if (items == null || items.isNull()) {
                    ((ObjectNode) role.getValue()).putArray("items");
                    continue;
                }
                if (!items.isArray()) throw ApiException.invalidField(f + ".items", "must be an array of {ref}");
                int i = 0;
                for (JsonNode item : items) {
                    JsonNode ref = item.get("ref");
                    if (!item.isObject() || ref == null || !ref.isTextual() || ref.asText().isBlank()) {
                        throw ApiException.invalidField(f + ".items[" + i + "].ref", "is required (a dataset name, or PROJECTKEY.name)");
                    }
                    if (side.equals("inputs") && !item.has("deps")) ((ObjectNode) item).putArray("deps");
                    i++;
                }
            }
        }
    }

    static List<String> refs(JsonNode roles) {
        List<String> out = new ArrayList<>();
        roles.fields().forEachRemaining(role -> role.getValue().path("items").forEach(i -> out.add(i.path("ref").asText())));
        return out;
    }

    /** Inputs exist and may be read; outputs are datasets of this project that no other recipe builds. */
    private void checkFlow(Caller caller, String projectKey, String name, ObjectNode def, List<String> toBeCreated, String prefix) {
        for (String in : refs(def.path("inputs"))) {
            try {
                dataset(caller, projectKey, in);
            } catch (ApiException e) {
                if (e.status() != 404) throw e;
                throw ApiException.invalidField(prefix + "inputs", "input '" + in + "' does not exist");
            }
        }
        List<String> outputs = refs(def.path("outputs"));
        if (outputs.isEmpty()) throw ApiException.invalidField(prefix + "outputs", "must hold at least one output");
        for (String out : outputs) {
            if (out.contains(".")) throw ApiException.invalidField(prefix + "outputs", "output '" + out + "' must be a dataset of project " + projectKey);
            if (!toBeCreated.contains(out) && datasets.find(projectKey, out).isEmpty()) {
                throw ApiException.invalidField(prefix + "outputs", "output '" + out + "' does not exist (create it, or ask for it with"
                        + " creationSettings.createOutputDataset)");
            }
            Optional<Recipe> producer = producerOf(projectKey, out);
            if (producer.isPresent() && !producer.get().name().equals(name)) {
                throw ApiException.conflict("Dataset '" + projectKey + "." + out + "' is already the output of recipe '"
                        + producer.get().name() + "': a dataset is built by one recipe").at(prefix + "outputs", "single-producer");
            }
        }
    }

    /** A dataset named by a recipe ref: {@code name} in the project, or {@code PROJECTKEY.name}. */
    ObjectNode dataset(Caller caller, String projectKey, String ref) {
        int dot = ref.indexOf('.');
        String p = dot > 0 ? ref.substring(0, dot) : projectKey;
        String n = dot > 0 ? ref.substring(dot + 1) : ref;
        return datasets.require(caller, p, n, ProjectAccess.READ);
    }
}
