package org.dsscontractkit.reference.recipe;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.RecipesApi;
import org.dsscontractkit.server.generated.dss.model.OutputSchemaUpdate;
import org.dsscontractkit.server.generated.dss.model.RecipeCreation;

public final class RecipesResource extends ApiResource implements RecipesApi {
    private final RecipeService recipes;
    private final RecipeChecks checks;
    private final RecipeSchemas schemas;

    public RecipesResource(RecipeService recipes, RecipeChecks checks, RecipeSchemas schemas) {
        this.recipes = recipes;
        this.checks = checks;
        this.schemas = schemas;
    }

    @Override public Response createRecipe(String projectKey, RecipeCreation recipeCreation) {
        return ok(recipes.create(caller(), projectKey, tree(recipeCreation)));
    }

    @Override public Response getRecipeSettings(String projectKey, String recipeName) {
        return ok(recipes.settings(caller(), projectKey, recipeName));
    }

    @Override public Response saveRecipeSettings(String projectKey, String recipeName, com.fasterxml.jackson.databind.node.ObjectNode recipeSettings) {
        return ok(recipes.save(caller(), projectKey, recipeName, tree(recipeSettings)));
    }

    @Override public Response deleteRecipe(String projectKey, String recipeName) {
        recipes.delete(caller(), projectKey, recipeName);
        return noContent();
    }

    @Override public Response getRecipeStatus(String projectKey, String recipeName) {
        return ok(checks.status(caller(), projectKey, recipeName));
    }

    @Override public Response computeRecipeSchemaUpdates(String projectKey, String recipeName) {
        return ok(schemas.updates(caller(), projectKey, recipeName));
    }

    @Override public Response updateRecipeOutputSchema(String projectKey, String recipeName, OutputSchemaUpdate outputSchemaUpdate) {
        return ok(schemas.apply(caller(), projectKey, recipeName, tree(outputSchemaUpdate)));
    }

    @Override public Response getRecipeMetadata(String projectKey, String recipeName) {
        return ok(recipes.metadata(caller(), projectKey, recipeName));
    }

    @Override public Response setRecipeMetadata(String projectKey, String recipeName, com.fasterxml.jackson.databind.node.ObjectNode recipeMetadata) {
        return ok(recipes.setMetadata(caller(), projectKey, recipeName, tree(recipeMetadata)));
    }
}
