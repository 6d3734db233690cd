package org.dsscontractkit.reference.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas a recipe gives its outputs (a {@code sync}: its input's; a {@code sql_query}: its query's columns, read
 * from the connection without running it), compared with the outputs' current ones, and applied on request.
 */
public final class RecipeSchemas {
    private final RecipeService recipes;
    private final RecipeRunner runner;
    private final SqlQueryService sql;

    public RecipeSchemas(RecipeService recipes, RecipeRunner runner, SqlQueryService sql) {
        this.recipes = recipes;
        this.runner = runner;
        this.sql = sql;
    }

    /** The columns the recipe produces; a 400 for a recipe whose output schema cannot be known before it runs. */
    ArrayNode produced(Caller caller, String projectKey, RecipeService.Recipe recipe) {
        List<String> inputs = RecipeService.refs(recipe.definition().path("inputs"));
        switch (recipe.type()) {
            case "sync": {
                if (inputs.size() != 1) throw ApiException.badRequest("A sync recipe copies one input, " + recipe.name() + " has " + inputs.size());
                ArrayNode cols = Json.array();
                for (JsonNode c : recipes.dataset(caller, projectKey, inputs.get(0)).path("schema").path("columns")) {
                    cols.addObject().put("name", c.path("name").asText()).put("type", c.path("type").asText());
                }
                return cols;
            }
            case "sql_query": {
                String connection = runner.connectionOf(caller, projectKey, recipe, inputs);
                try {
                    return sql.describe(caller, connection, recipe.payload(), "payload");
                } catch (SQLException e) {
                    String msg = "The SQL of recipe " + recipe.name() + " is refused by connection " + connection + ": " + e.getMessage();
                    throw new ApiException(400, SqlQueryService.SQL_ERROR, msg, msg).at("payload", "valid SQL");
                }
            }
            default:
                throw new ApiException(400, ErrorTypes.UNSUPPORTED, "The output schema of a " + recipe.type()
                        + " recipe cannot be computed before it runs (computed for " + RecipeRunner.RUNNABLE + ")");
        }
    }

    public ObjectNode updates(Caller caller, String projectKey, String name) {
        RecipeService.Recipe recipe = recipes.require(caller, projectKey, name, ProjectAccess.READ);
        ArrayNode produced = produced(caller, projectKey, recipe);
        ObjectNode out = Json.object();
        ArrayNode computables = out.putArray("computables");
        int total = 0;
        for (String ref : RecipeService.refs(recipe.definition().path("outputs"))) {
            ObjectNode ds = recipes.dataset(caller, projectKey, ref);
            ObjectNode c = computables.addObject();
            c.put("type", "DATASET");
            c.put("id", ref);
            c.put("datasetName", ref);
            JsonNode current = ds.path("schema").path("columns");
            List<String> problems = differences(current, produced);
            total += problems.size();
            c.set("incompatibilities", Json.strings(problems));
            c.putObject("oldSchema").set("columns", current.deepCopy());
            c.putObject("newSchema").set("columns", produced.deepCopy());
        }
        out.put("totalIncompatibilities", total);
        return out;
    }

    private static List<String> differences(JsonNode current, ArrayNode produced) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(current.size(), produced.size()); i++) {
            JsonNode was = current.get(i);
            JsonNode will = produced.get(i);
            if (was == null) out.add("Column '" + will.path("name").asText() + "' is missing from the current schema");
            else if (will == null) out.add("Column '" + was.path("name").asText() + "' is not produced by the recipe");
            else if (!was.path("name").asText().equals(will.path("name").asText())) {
                out.add("Column " + (i + 1) + " is '" + was.path("name").asText() + "', the recipe produces '" + will.path("name").asText() + "'");
            } else if (!was.path("type").asText().equals(will.path("type").asText())) {
                out.add("Column '" + was.path("name").asText() + "' is " + was.path("type").asText() + ", the recipe produces "
                        + will.path("type").asText());
            }
        }
        return out;
    }

    public ObjectNode apply(Caller caller, String projectKey, String name, JsonNode body) {
        RecipeService.Recipe recipe = recipes.require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode req = Json.requireObject(body, "output schema update");
        String id = Json.requiredText(req, "computableId");
        String type = Json.optionalText(req, "computableType");
        if (type != null && !type.equals("DATASET")) throw ApiException.invalidField("computableType", "only DATASET outputs have a schema here, got '" + type + "'");
        if (!RecipeService.refs(recipe.definition().path("outputs")).contains(id)) {
            throw ApiException.invalidField("computableId", "'" + id + "' is not an output of recipe " + name);
        }
        ObjectNode schema = Json.optionalObject(req, "newSchema");
        if (schema == null) throw ApiException.invalidField("newSchema", "is required ({columns: [...]})");
        recipes.datasets().setSchema(caller, projectKey, id, schema);
        boolean drop = Json.optionalBoolean(req, "dropAndRecreate", false);
        if (drop) recipes.datasets().files().clear(projectKey, id);
        ObjectNode out = Json.object();
        out.put("success", true);
        out.put("message", "Schema of " + id + " updated (" + schema.path("columns").size() + " columns)" + (drop ? ", data cleared" : ""));
        return out;
    }
}
