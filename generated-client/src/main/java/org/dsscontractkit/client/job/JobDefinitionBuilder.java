package org.dsscontractkit.client.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;

/**
 * Builds and starts a job, like the Python client's {@code project.new_job(type).with_output(...).start()}.
 * The body sent is {@code {type, refreshHiveMetastore:false, outputs:[{type,id,projectKey,partition}...],
 * autoUpdateSchemaBeforeEachRecipeRun:false}}.
 */
public final class JobDefinitionBuilder {

    /** Job types named by the Python client. */
    public static final String RECURSIVE_BUILD = "RECURSIVE_BUILD";
    /** Builds only the outputs, always (the default type). */
    public static final String NON_RECURSIVE_FORCED_BUILD = "NON_RECURSIVE_FORCED_BUILD";
    /** Builds the outputs and everything upstream, always. */
    public static final String RECURSIVE_FORCED_BUILD = "RECURSIVE_FORCED_BUILD";
    /** Builds what is missing upstream. */
    public static final String RECURSIVE_MISSING_ONLY_BUILD = "RECURSIVE_MISSING_ONLY_BUILD";

    private final DssApi api;
    private final String projectKey;
    private final ObjectNode definition;
    private final ArrayNode outputs;

    /**
     * @param api        the client's generated operations
     * @param projectKey project the job runs in
     * @param jobType    one of the job type constants
     */
    public JobDefinitionBuilder(DssApi api, String projectKey, String jobType) {
        this.api = api;
        this.projectKey = DssApi.requireId("projectKey", projectKey);
        this.definition = api.newObject();
        definition.put("type", jobType == null ? NON_RECURSIVE_FORCED_BUILD : jobType);
        definition.put("refreshHiveMetastore", false);
        this.outputs = definition.putArray("outputs");
        definition.put("autoUpdateSchemaBeforeEachRecipeRun", false);
    }

    /** Adds a dataset output of this project. @return this */
    public JobDefinitionBuilder withOutput(String name) {
        return withOutput(name, null, null, null);
    }

    /**
     * Adds an output to build.
     *
     * @param name             output id (dataset name, folder id...)
     * @param objectType       {@code DATASET}, {@code MANAGED_FOLDER}, {@code SAVED_MODEL}... or null to let DSS infer it
     * @param objectProjectKey project of the output, or null for this project
     * @param partition        partition spec, or null
     * @return this
     */
    public JobDefinitionBuilder withOutput(String name, String objectType, String objectProjectKey, String partition) {
        ObjectNode output = outputs.addObject();
        output.put("type", objectType);
        output.put("id", name);
        output.put("projectKey", objectProjectKey);
        output.put("partition", partition);
        return this;
    }

    /** Sets {@code refreshHiveMetastore}. @return this */
    public JobDefinitionBuilder withRefreshMetastore(boolean refresh) {
        definition.put("refreshHiveMetastore", refresh);
        return this;
    }

    /** Sets {@code autoUpdateSchemaBeforeEachRecipeRun}. @return this */
    public JobDefinitionBuilder withAutoUpdateSchemaBeforeEachRecipeRun(boolean autoUpdate) {
        definition.put("autoUpdateSchemaBeforeEachRecipeRun", autoUpdate);
        return this;
    }

    /** @return the definition as it will be sent */
    public ObjectNode getDefinition() {
        return definition;
    }

    /** Starts the job: {@code startJob}. @return its handle */
    public DSSJob start() {
        return startJob(api, projectKey, definition);
    }

    /**
     * Starts the job and waits for it (see {@link DSSJob#waitForCompletion(Duration, boolean)}).
     *
     * @param timeout maximum wait; null waits forever
     * @return the job handle, once it is {@code DONE}
     */
    public DSSJob startAndWait(Duration timeout) {
        DSSJob job = start();
        job.waitForCompletion(timeout);
        return job;
    }

    /**
     * Starts a job from a full definition, sent verbatim: {@code startJob}.
     *
     * @param api        the client's generated operations
     * @param projectKey project the job runs in
     * @param definition the job definition, a JSON object
     * @return the job handle, from the {@code id} of the answer
     * @throws IllegalArgumentException when the definition is not a JSON object (nothing is sent)
     */
    public static DSSJob startJob(DssApi api, String projectKey, JsonNode definition) {
        ObjectNode body = java.util.Objects.requireNonNull(DssApi.requireObject("Job definition", definition), "definition");
        JsonNode answer = api.json(() -> api.jobs().startJobRequestBuilder(projectKey, body));
        JsonNode id = answer.get("id");
        if (id == null || !id.isTextual()) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null, "Starting a job returned no job id: " + answer);
        }
        return new DSSJob(api, projectKey, id.asText());
    }
}
