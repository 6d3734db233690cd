package org.dsscontractkit.client.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;

/**
 * Builds the creation of a recipe, like the Python client's recipe creators
 * ({@code project.new_recipe("sync").with_input("orders").with_new_output("orders_copy", "filesystem_managed").create()}):
 *
 * <pre>{@code
 * DSSRecipe copy = project.newRecipe("sync", "compute_orders_copy")
 *         .withInput("orders")
 *         .withNewOutput("orders_copy", "filesystem_managed")
 *         .create();
 * }</pre>
 *
 * It sends what they send: {@code {recipePrototype: {type, name, projectKey, inputs, outputs}, creationSettings}}.
 */
public final class DSSRecipeCreator {

    private final DssApi api;
    private final String projectKey;
    private final ObjectNode prototype;
    private final ObjectNode creationSettings;
    private Boolean createOutputDataset;
    private ObjectNode outputDatasetSettings;

    /**
     * @param type recipe type ({@code sync}, {@code sql_query}, {@code python}...)
     * @param name recipe name, unique in the project
     */
    public DSSRecipeCreator(DssApi api, String projectKey, String type, String name) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.prototype = api.newObject();
        prototype.putObject("inputs");
        prototype.putObject("outputs");
        prototype.put("type", DssApi.requireId("type", type));
        prototype.put("name", DssApi.requireId("name", name));
        this.creationSettings = api.newObject();
    }

    /** Adds an existing dataset of this project as input, role {@code main}. @return this */
    public DSSRecipeCreator withInput(String datasetName) {
        return withInput(datasetName, null, "main");
    }

    /**
     * @param projectKey the dataset's project when it is another one (the ref becomes {@code PROJECTKEY.name}), or null
     * @param role       role of the input ({@code main} for most recipes)
     * @return this
     */
    public DSSRecipeCreator withInput(String datasetName, String projectKey, String role) {
        DssApi.requireId("datasetName", datasetName);
        String ref = projectKey != null && !projectKey.equals(this.projectKey) ? projectKey + "." + datasetName : datasetName;
        items("inputs", DssApi.requireId("role", role)).addObject().put("ref", ref);
        return this;
    }

    /** Adds an existing dataset as output, role {@code main}; it must exist. @return this */
    public DSSRecipeCreator withExistingOutput(String datasetName, boolean append) {
        if (Boolean.TRUE.equals(createOutputDataset)) {
            throw new IllegalStateException("This recipe already gets a new output: one output only");
        }
        createOutputDataset = false;
        items("outputs", "main").addObject().put("ref", DssApi.requireId("datasetName", datasetName)).put("appendMode", append);
        return this;
    }

    /** Same as {@link #withExistingOutput(String, boolean)}, not appending. @return this */
    public DSSRecipeCreator withOutput(String datasetName) {
        return withExistingOutput(datasetName, false);
    }

    /**
     * Asks for a new managed dataset as the output, created with the recipe on a connection.
     *
     * @param connection connection to store it in ({@code filesystem_managed}...)
     * @return this
     */
    public DSSRecipeCreator withNewOutput(String datasetName, String connection) {
        if (createOutputDataset != null) {
            throw new IllegalStateException("This recipe already has an output: a new output must be the only one");
        }
        createOutputDataset = true;
        outputDatasetSettings = api.newObject();
        outputDatasetSettings.put("connectionId", DssApi.requireId("connection", connection));
        outputDatasetSettings.putNull("typeOptionId");
        outputDatasetSettings.putObject("specificSettings").putNull("formatOptionId").putNull("overrideSQLSchema");
        outputDatasetSettings.putNull("partitioningOptionId");
        items("outputs", "main").addObject().put("ref", DssApi.requireId("datasetName", datasetName)).put("appendMode", false);
        return this;
    }

    /** Sets the code of a code recipe (the SQL of a {@code sql_query}). @return this */
    public DSSRecipeCreator withScript(String script) {
        creationSettings.put("script", Objects.requireNonNull(script, "script"));
        return this;
    }

    private ArrayNode items(String side, String role) {
        ObjectNode roles = (ObjectNode) prototype.get(side);
        JsonNode existing = roles.get(role);
        ObjectNode roleObject = existing instanceof ObjectNode object ? object : roles.putObject(role);
        JsonNode items = roleObject.get("items");
        return items instanceof ArrayNode array ? array : roleObject.putArray("items");
    }

    /** @return the body {@link #create()} sends */
    public ObjectNode getDefinition() {
        ObjectNode body = api.newObject();
        ObjectNode proto = prototype.deepCopy();
        proto.put("projectKey", projectKey);
        body.set("recipePrototype", proto);
        ObjectNode settings = creationSettings.deepCopy();
        if (createOutputDataset == null) settings.putNull("createOutputDataset");
        else settings.put("createOutputDataset", createOutputDataset);
        settings.set("outputDatasetSettings", outputDatasetSettings == null ? api.toTree(null) : outputDatasetSettings);
        settings.putNull("createOutputFolder");
        settings.putNull("outputFolderSettings");
        body.set("creationSettings", settings);
        return body;
    }

    /** Creates the recipe (and its new output): {@code createRecipe}. @return its handle */
    public DSSRecipe create() {
        ObjectNode body = getDefinition();
        JsonNode created = api.json(() -> api.recipes().createRecipeRequestBuilder(projectKey, body));
        return new DSSRecipe(api, projectKey, created.path("name").asText());
    }
}
