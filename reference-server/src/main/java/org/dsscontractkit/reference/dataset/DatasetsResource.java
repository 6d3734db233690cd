package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.future.FutureService;
import org.dsscontractkit.reference.job.JobService;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.sql.TableSchemaDetector;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.api.DatasetsApi;
import org.dsscontractkit.server.generated.dss.model.DatasetCopyRequest;
import org.dsscontractkit.server.generated.dss.model.DatasetMetadata;
import org.dsscontractkit.server.generated.dss.model.DatasetSchema;
import org.dsscontractkit.server.generated.dss.model.FormatDetectionRequest;
import org.dsscontractkit.server.generated.dss.model.ManagedDatasetCreation;
import org.dsscontractkit.server.generated.dss.model.MetricIdsRequest;
import org.dsscontractkit.server.generated.dss.model.MetricProbes;

import java.nio.file.Path;
import java.util.List;

public final class DatasetsResource extends ApiResource implements DatasetsApi {
    private final DatasetService datasets;
    private final DatasetMetrics metrics;
    private final JobService jobs;
    private final FutureService futures;
    private final TableSchemaDetector tables;

    public DatasetsResource(DatasetService datasets, DatasetMetrics metrics, JobService jobs, FutureService futures,
                            TableSchemaDetector tables) {
        this.datasets = datasets;
        this.metrics = metrics;
        this.jobs = jobs;
        this.futures = futures;
        this.tables = tables;
    }

    @Override public Response detectSqlDatasetSchema(String projectKey, String datasetName) {
        Caller c = caller();
        ObjectNode connection = datasets.sqlConnectionOf(c, projectKey, datasetName);
        ObjectNode d = datasets.require(c, projectKey, datasetName, ProjectAccess.WRITE);
        return ok(tables.detect(connection, d.path("params") instanceof ObjectNode params ? params : Json.object()));
    }

    @Override public Response createManagedDataset(String projectKey, ManagedDatasetCreation creation) {
        return ok(datasets.createManaged(caller(), projectKey, tree(creation)));
    }

    @Override public Response getDatasetInfo(String projectKey, String datasetName) {
        Caller c = caller();
        ObjectNode info = Json.object();
        ObjectNode d = datasets.require(c, projectKey, datasetName, ProjectAccess.READ);
        info.set("dataset", d);
        long createdOn = d.path("creationTag").path("lastModifiedOn").asLong(0);
        // the newest finished job that built this dataset (not an earlier dataset of the same name)
        for (JsonNode job : jobs.list(c, projectKey, 0)) {
            String state = job.path("state").asText();
            if (!state.equals("DONE") && !state.equals("FAILED") && !state.equals("ABORTED")) continue;
            if (job.path("def").path("initiationTimestamp").asLong(0) < createdOn) continue;
            boolean builtIt = false;
            for (JsonNode o : job.path("def").path("outputs")) {
                builtIt |= "DATASET".equals(o.path("type").asText()) && datasetName.equals(o.path("id").asText())
                        && projectKey.equals(o.path("projectKey").asText(projectKey));
            }
            if (!builtIt) continue;
            ObjectNode last = info.putObject("lastBuild");
            last.put("jobId", job.path("def").path("id").asText());
            last.put("buildStartTime", job.path("jobStartTime").asLong());
            last.put("buildEndTime", job.path("jobEndTime").asLong());
            last.put("buildSuccess", state.equals("DONE"));
            break;
        }
        return ok(info);
    }

    @Override public Response getDatasetUsages(String projectKey, String datasetName) {
        datasets.require(caller(), projectKey, datasetName, ProjectAccess.READ);
        // Recipes and analyses are what use a dataset; this server keeps none yet, so nothing does.
        return ok(Json.array());
    }

    @Override public Response copyDataset(String projectKey, String datasetName, DatasetCopyRequest copy) {
        Caller c = caller();
        JsonNode body = tree(copy);
        String targetProjectKey = body.path("targetProjectKey").asText(null);
        String targetName = body.path("targetDatasetName").asText(null);
        var work = datasets.copy(c, projectKey, datasetName, targetProjectKey, targetName,
                body.path("syncSchema").asBoolean(true), body.path("writeMode").asText(null));
        String id = futures.submit(c, "dataset_copy", "Copy dataset " + projectKey + "." + datasetName + " to "
                + targetProjectKey + "." + targetName, work::get);
        return ok(futures.state(c, id));
    }

    @Override public Response detectDatasetFormat(String projectKey, String datasetName, FormatDetectionRequest options) {
        Caller c = caller();
        // rights, existence and type now: a refusal is an HTTP error, not a failed future
        List<Path> files = datasets.filesToDetect(c, projectKey, datasetName);
        boolean infer = options != null && Boolean.TRUE.equals(options.getInferStorageTypes());
        boolean list = options == null || !Boolean.FALSE.equals(options.getDetectPossibleFormats());
        String id = futures.submit(c, "format_detection", "Detect the format of " + projectKey + "." + datasetName,
                () -> FormatDetector.detect(files, infer, list));
        return ok(futures.await(id, 60_000));
    }

    @Override public Response listDatasets(String projectKey, String foreign, List<String> tags) {
        return ok(datasets.list(caller(), projectKey, multi(tags), flag("foreign", foreign, false)));
    }

    @Override public Response createDataset(String projectKey, ObjectNode datasetCreation) {
        return ok(datasets.create(caller(), projectKey, tree(datasetCreation)));
    }

    @Override public Response getDatasetSettings(String projectKey, String datasetName) {
        return ok(datasets.settings(caller(), projectKey, datasetName));
    }

    @Override public Response setDatasetSettings(String projectKey, String datasetName, ObjectNode datasetSettings) {
        return ok(datasets.saveSettings(caller(), projectKey, datasetName, tree(datasetSettings)));
    }

    @Override public Response deleteDataset(String projectKey, String datasetName, String dropData) {
        datasets.delete(caller(), projectKey, datasetName, flag("dropData", dropData, false));
        return noContent();
    }

    @Override public Response getDatasetSchema(String projectKey, String datasetName) {
        return ok(datasets.schema(caller(), projectKey, datasetName));
    }

    @Override public Response setDatasetSchema(String projectKey, String datasetName, DatasetSchema datasetSchema) {
        return ok(datasets.setSchema(caller(), projectKey, datasetName, tree(datasetSchema)));
    }

    @Override public Response getDatasetMetadata(String projectKey, String datasetName) {
        return ok(datasets.metadata(caller(), projectKey, datasetName));
    }

    @Override public Response setDatasetMetadata(String projectKey, String datasetName, DatasetMetadata datasetMetadata) {
        return ok(datasets.setMetadata(caller(), projectKey, datasetName, datasetMetadata));
    }

    @Override public Response listDatasetPartitions(String projectKey, String datasetName) {
        return ok(Json.strings(datasets.partitions(caller(), projectKey, datasetName)));
    }

    @Override public Response getDatasetLastMetricValues(String projectKey, String datasetName, String partitionId) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.READ);
        ObjectNode m = metrics.compute(d, partitionId);
        m.remove("partition");
        return ok(m);
    }

    @Override public Response computeDatasetMetrics(String projectKey, String datasetName, String partition, MetricProbes probes) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.WRITE);
        ObjectNode computed = metrics.compute(d, partition);
        metrics.record(d, computed);
        return ok(report(computed, null));
    }

    @Override public Response getDatasetMetricHistory(String projectKey, String datasetName, String partitionId, String metricLookup) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.READ);
        return ok(metrics.history(d, partitionId, metricLookup));
    }

    @Override public Response computeDatasetMetricsFromIds(String projectKey, String datasetName, MetricIdsRequest request, String partition) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.WRITE);
        if (request.getMetricIds() == null) throw ApiException.invalidField("metricIds", "is required (array of metric ids)");
        ObjectNode computed = metrics.compute(d, partition);
        ObjectNode report = report(computed, Json.strings(request.getMetricIds())); // refuses unknown ids before anything is recorded
        metrics.record(d, computed);
        return ok(report);
    }

    /** A computation report: one computed value per metric, optionally restricted to the asked ids. */
    private static ObjectNode report(ObjectNode computed, JsonNode ids) {
        ObjectNode out = Json.object();
        ArrayNode computedValues = out.putArray("computed");
        for (JsonNode m : computed.path("metrics")) {
            String id = m.path("metric").path("id").asText();
            if (ids != null) {
                boolean wanted = false;
                for (JsonNode i : ids) wanted |= i.asText().equals(id);
                if (!wanted) continue;
            }
            ObjectNode v = computedValues.addObject();
            v.put("metricId", id);
            v.set("metric", m.get("metric"));
            v.set("value", m.path("lastValues").path(0).get("value"));
            v.set("dataType", m.path("metric").get("dataType"));
        }
        if (ids != null) {
            for (JsonNode i : ids) {
                boolean known = false;
                for (JsonNode m : computed.path("metrics")) known |= m.path("metric").path("id").asText().equals(i.asText());
                if (!known) throw ApiException.invalidField("metricIds", "unknown metric '" + i.asText() + "'");
            }
        }
        out.put("partition", computed.path("partition").asText());
        out.put("hasErrors", false);
        return out;
    }

    @Override public Response runDatasetChecks(String projectKey, String datasetName, String partition, List<String> requestBody) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.WRITE);
        ObjectNode computed = metrics.compute(d, partition);
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        if (requestBody != null) {
            for (String check : requestBody) {
                throw ApiException.invalidField("checks", "unknown check '" + check + "': this dataset defines no checks");
            }
        }
        out.put("partition", computed.path("partition").asText());
        out.put("hasErrors", false);
        out.put("checksCount", results.size());
        return ok(out);
    }
}
