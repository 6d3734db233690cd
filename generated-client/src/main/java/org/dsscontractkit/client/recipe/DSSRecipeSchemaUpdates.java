package org.dsscontractkit.client.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.DssApi;

/**
 * The schema updates a recipe requires of its outputs ({@code computeRecipeSchemaUpdates}), like the Python
 * client's {@code RequiredSchemaUpdates}.
 */
public final class DSSRecipeSchemaUpdates {

    private final DssApi api;
    private final DSSRecipe recipe;
    private final JsonNode raw;
    private boolean dropAndRecreate = true;
    private boolean synchronizeMetastore = true;

    DSSRecipeSchemaUpdates(DssApi api, DSSRecipe recipe, JsonNode raw) {
        this.api = api;
        this.recipe = recipe;
        this.raw = raw;
    }

    /** @return the updates as DSS sent them ({@code totalIncompatibilities}, {@code computables}) */
    public JsonNode getRaw() {
        return raw;
    }

    /** @return whether any output's schema differs from what the recipe produces */
    public boolean anyActionRequired() {
        return raw.path("totalIncompatibilities").asInt(0) > 0;
    }

    /** @return this; with false, {@link #apply()} keeps the outputs' data (default true: cleared, as it no longer fits) */
    public DSSRecipeSchemaUpdates dropAndRecreate(boolean drop) {
        this.dropAndRecreate = drop;
        return this;
    }

    /** @return this; whether {@link #apply()} asks to synchronise the Hive metastore (default true) */
    public DSSRecipeSchemaUpdates synchronizeMetastore(boolean synchronize) {
        this.synchronizeMetastore = synchronize;
        return this;
    }

    /** Applies every update, one {@code updateRecipeOutputSchema} per output (a no-op list when none is required). @return the answers */
    public List<JsonNode> apply() {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode computable : raw.path("computables")) {
            ObjectNode body = api.newObject();
            body.put("computableType", computable.path("type").asText());
            body.put("computableId", "DATASET".equals(computable.path("type").asText())
                    ? computable.path("datasetName").asText() : computable.path("id").asText());
            body.set("newSchema", computable.path("newSchema"));
            body.put("dropAndRecreate", dropAndRecreate);
            body.put("synchronizeMetastore", synchronizeMetastore);
            results.add(api.json(() -> api.recipes().updateRecipeOutputSchemaRequestBuilder(recipe.getProjectKey(), recipe.getName(), body)));
        }
        return results;
    }
}
