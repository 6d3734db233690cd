package org.dsscontractkit.reference.it;

import static org.dsscontractkit.reference.it.MatrixWorld.DATASET;
import static org.dsscontractkit.reference.it.MatrixWorld.PROJECT;
import static org.dsscontractkit.reference.it.MatrixWorld.map;
import static org.dsscontractkit.reference.it.MatrixWorld.ok;

import java.util.List;
import java.util.Map;

/** A sync recipe from the prepared dataset to a managed output it creates; the created recipe's names kept free. */
final class RecipeFixtures implements MatrixFixtures {
    private static final String RECIPE = "mx_recipe";
    private static final String OUTPUT = "mx_recipe_out";
    private static final String CREATED = "mx_created_recipe";
    private static final String CREATED_OUTPUT = "mx_created_out";

    private final MatrixWorld world;

    RecipeFixtures(MatrixWorld world) {
        this.world = world;
    }

    @Override
    public void prepare(MatrixCall call) {
        if (!call.template().contains("/recipes/")) return;
        if (world.admin.get(MatrixWorld.project() + "/recipes/" + RECIPE).status() == 404) {
            boolean outputExists = world.admin.get(MatrixWorld.project() + "/datasets/" + OUTPUT).status() == 200;
            ok(world.admin.post(MatrixWorld.project() + "/recipes/", creation(RECIPE, OUTPUT, !outputExists)));
        }
        if (call.id().equals("createRecipe")) {
            world.deleteIfPresent(MatrixWorld.project() + "/recipes/" + CREATED);
            world.deleteIfPresent(MatrixWorld.project() + "/datasets/" + CREATED_OUTPUT);
        }
    }

    /** What the recipe creator sends for a sync recipe writing a new managed dataset. */
    private static Map<String, Object> creation(String name, String output, boolean createOutput) {
        return map("recipePrototype", map("type", "sync", "name", name, "projectKey", PROJECT,
                        "inputs", map("main", map("items", List.of(map("ref", DATASET)))),
                        "outputs", map("main", map("items", List.of(map("ref", output, "appendMode", false))))),
                "creationSettings", map("createOutputDataset", createOutput, "outputDatasetSettings",
                        map("connectionId", "filesystem_managed", "typeOptionId", null, "specificSettings",
                                map("formatOptionId", null, "overrideSQLSchema", null), "partitioningOptionId", null),
                        "createOutputFolder", null, "outputFolderSettings", null));
    }

    @Override
    public String pathValue(String operationId, String param) {
        return param.equals("recipeName") ? RECIPE : null;
    }

    @Override
    public Object body(MatrixCall call) {
        return switch (call.id()) {
            case "createRecipe" -> creation(CREATED, CREATED_OUTPUT, true);
            case "updateRecipeOutputSchema" -> map("computableType", "DATASET", "computableId", OUTPUT,
                    "newSchema", map("columns", List.of(map("name", "a", "type", "bigint"), map("name", "b", "type",
                            "bigint"))), "dropAndRecreate", true, "synchronizeMetastore", false);
            default -> NO_OPINION;
        };
    }
}
