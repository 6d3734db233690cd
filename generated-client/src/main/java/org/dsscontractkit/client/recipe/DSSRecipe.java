package org.dsscontractkit.client.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.job.JobDefinitionBuilder;

/**
 * Handle on a recipe of a project, the Java twin of the Python client's {@code DSSRecipe}. Creating it sends no
 * request; create recipes with {@link org.dsscontractkit.client.project.DSSProject#newRecipe(String, String)}.
 */
public final class DSSRecipe {

    private final DssApi api;
    private final String projectKey;
    private final String name;

    /**
     * @param api        the client's generated operations
     * @param projectKey key of the recipe's project
     * @param name       recipe name
     */
    public DSSRecipe(DssApi api, String projectKey, String name) {
        this.api = Objects.requireNonNull(api, "api");
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.name = DssApi.requireId("recipeName", name);
    }

    /** @return the recipe name */
    public String getName() {
        return name;
    }

    /** @return the key of the recipe's project */
    public String getProjectKey() {
        return projectKey;
    }

    /** @return the definition and payload, to change and {@link DSSRecipeSettings#save() save}: {@code getRecipeSettings} */
    public DSSRecipeSettings getSettings() {
        ObjectNode raw = api.object(() -> api.recipes().getRecipeSettingsRequestBuilder(projectKey, name), "recipe settings");
        return new DSSRecipeSettings(raw, settings -> api.send(() -> api.recipes().saveRecipeSettingsRequestBuilder(projectKey, name, settings)));
    }

    /** Deletes the recipe (its datasets stay): {@code deleteRecipe} */
    public void delete() {
        api.send(() -> api.recipes().deleteRecipeRequestBuilder(projectKey, name));
    }

    /**
     * @return whether the recipe can run and why not ({@code selectedEngine}, {@code allMessagesForFrontend.maxSeverity}
     * and {@code messages}): {@code getRecipeStatus}
     */
    public JsonNode getStatus() {
        return api.json(() -> api.recipes().getRecipeStatusRequestBuilder(projectKey, name));
    }

    /** @return the worst severity of the recipe's checks: {@code SUCCESS}, {@code INFO}, {@code WARNING} or {@code ERROR} */
    public String getStatusSeverity() {
        return getStatus().path("allMessagesForFrontend").path("maxSeverity").asText(null);
    }

    /** @return the schema updates the recipe requires of its outputs, to {@link DSSRecipeSchemaUpdates#apply() apply}: {@code computeRecipeSchemaUpdates} */
    public DSSRecipeSchemaUpdates computeSchemaUpdates() {
        return new DSSRecipeSchemaUpdates(api, this, api.json(() -> api.recipes().computeRecipeSchemaUpdatesRequestBuilder(projectKey, name)));
    }

    /** @return tags, checklists and custom metadata: {@code getRecipeMetadata} */
    public ObjectNode getMetadata() {
        return api.object(() -> api.recipes().getRecipeMetadataRequestBuilder(projectKey, name), "recipe metadata");
    }

    /** Replaces the metadata (read it with {@link #getMetadata()} first): {@code setRecipeMetadata} */
    public void setMetadata(JsonNode metadata) {
        ObjectNode body = DssApi.requireObject("recipe metadata", Objects.requireNonNull(metadata, "metadata"));
        api.send(() -> api.recipes().setRecipeMetadataRequestBuilder(projectKey, name, body));
    }

    /**
     * Builds the recipe's first output with a {@code NON_RECURSIVE_FORCED_BUILD} job and waits for it, like the Python
     * client's {@code run()} (which finds the output through the flow graph; here it is read from the settings).
     *
     * @param timeout maximum wait; null waits forever
     * @return the finished job
     * @throws org.dsscontractkit.client.DataikuException when the job fails (error type {@code JobFailed})
     */
    public DSSJob run(Duration timeout) {
        List<String> outputs = getSettings().getOutputRefs();
        if (outputs.isEmpty()) {
            throw new IllegalStateException("Recipe " + projectKey + "." + name + " has no outputs: nothing to run");
        }
        return new JobDefinitionBuilder(api, projectKey, JobDefinitionBuilder.NON_RECURSIVE_FORCED_BUILD)
                .withOutput(outputs.get(0)).startAndWait(timeout);
    }

    @Override
    public String toString() {
        return "DSSRecipe[" + projectKey + "." + name + "]";
    }
}
