package org.dsscontractkit.client.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dsscontractkit.client.JsonSettings;

/**
 * Definition ({@code recipe}) and payload of a recipe ({@code getRecipeSettings}/{@code saveRecipeSettings}), like the
 * Python client's {@code DSSRecipeSettings}. Change {@link #getRaw()} or use the helpers, then {@link #save()};
 * unknown attributes are kept.
 */
public final class DSSRecipeSettings extends JsonSettings {

    DSSRecipeSettings(ObjectNode raw, Consumer<ObjectNode> save) {
        super(raw, save);
    }

    /** @return the definition ({@code recipe}: type, params, inputs and outputs by role) */
    public ObjectNode getRecipeRawDefinition() {
        JsonNode recipe = getRaw().get("recipe");
        return recipe instanceof ObjectNode object ? object : getRaw().putObject("recipe");
    }

    /** @return the recipe type ({@code sync}, {@code sql_query}...) */
    public String getType() {
        return getRecipeRawDefinition().path("type").asText(null);
    }

    /** @return the payload: the code of a code recipe (the SQL of a {@code sql_query}), JSON text for others */
    public String getPayload() {
        JsonNode payload = getRaw().get("payload");
        return payload == null || payload.isNull() ? null : payload.asText();
    }

    /** @return this, with a new payload */
    public DSSRecipeSettings setPayload(String payload) {
        getRaw().put("payload", payload);
        return this;
    }

    /** @return the non-payload settings ({@code recipe.params}), created empty when absent */
    public ObjectNode getRawParams() {
        JsonNode params = getRecipeRawDefinition().get("params");
        return params instanceof ObjectNode object ? object : getRecipeRawDefinition().putObject("params");
    }

    /** @return the refs of the inputs, all roles */
    public List<String> getInputRefs() {
        return refs("inputs");
    }

    /** @return the refs of the outputs, all roles */
    public List<String> getOutputRefs() {
        return refs("outputs");
    }

    private List<String> refs(String side) {
        List<String> out = new ArrayList<>();
        getRecipeRawDefinition().path(side).forEach(role -> role.path("items").forEach(item -> out.add(item.path("ref").asText())));
        return out;
    }
}
