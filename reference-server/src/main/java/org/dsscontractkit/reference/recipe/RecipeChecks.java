package org.dsscontractkit.reference.recipe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.error.ApiException;

import java.util.List;

/** The status of a recipe: whether it can run here, on which engine, and why not. */
public final class RecipeChecks {
    private static final List<String> SEVERITIES = List.of("SUCCESS", "INFO", "WARNING", "ERROR");

    private final RecipeService recipes;
    private final RecipeSchemas schemas;

    public RecipeChecks(RecipeService recipes, RecipeSchemas schemas) {
        this.recipes = recipes;
        this.schemas = schemas;
    }

    public ObjectNode status(Caller caller, String projectKey, String name) {
        RecipeService.Recipe recipe = recipes.require(caller, projectKey, name, ProjectAccess.READ);
        ArrayNode messages = Json.array();
        for (String side : new String[]{"inputs", "outputs"}) {
            for (String ref : RecipeService.refs(recipe.definition().path(side))) {
                try {
                    recipes.dataset(caller, projectKey, ref);
                } catch (ApiException e) {
                    message(messages, "ERROR", "ERR_RECIPE_" + side.toUpperCase() + "_MISSING", "Missing " + side.substring(0, side.length() - 1),
                            e.detailedMessage());
                }
            }
        }
        boolean runnable = RecipeRunner.RUNNABLE.contains(recipe.type());
        if (!runnable) {
            message(messages, "WARNING", "ERR_RECIPE_CANNOT_RUN", "Cannot run here",
                    "Recipes of type " + recipe.type() + " cannot run on this server (it runs " + RecipeRunner.RUNNABLE + ")");
        } else if (messages.isEmpty()) {
            try {
                ArrayNode produced = schemas.produced(caller, projectKey, recipe);
                if (produced.isEmpty()) message(messages, "WARNING", "WARN_RECIPE_NO_COLUMNS", "No columns", "The recipe produces no column");
            } catch (ApiException e) {
                message(messages, "ERROR", "ERR_RECIPE_INVALID", "Invalid recipe", e.detailedMessage());
            }
        }
        ObjectNode out = Json.object();
        String engine = recipe.type().equals("sql_query") ? "SQL" : "DSS";
        if (runnable) {
            out.putObject("selectedEngine").put("type", engine).put("label", engine).put("recipeType", recipe.type());
            out.putArray("engines").addObject().put("type", engine).put("label", engine).put("isSelectable", true);
        }
        String max = "SUCCESS";
        for (var m : messages) {
            String s = m.path("severity").asText();
            if (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(max)) max = s;
        }
        ObjectNode all = out.putObject("allMessagesForFrontend");
        all.put("maxSeverity", max);
        all.set("messages", messages);
        return out;
    }

    private static void message(ArrayNode messages, String severity, String code, String title, String text) {
        ObjectNode m = messages.addObject();
        m.put("severity", severity);
        m.put("isFatal", severity.equals("ERROR"));
        m.put("code", code);
        m.put("title", title);
        m.put("message", text);
        m.put("details", text);
    }
}
