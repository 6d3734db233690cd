package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.api.DatasetsApi;
import org.dsscontractkit.server.generated.dss.model.DatasetMetadata;
import org.dsscontractkit.server.generated.dss.model.DatasetSchema;
import org.dsscontractkit.server.generated.dss.model.MetricIdsRequest;
import org.dsscontractkit.server.generated.dss.model.MetricProbes;

import java.util.List;

public final class DatasetsResource extends ApiResource implements DatasetsApi {
    private final DatasetService datasets;
    private final DatasetMetrics metrics;

    public DatasetsResource(DatasetService datasets, DatasetMetrics metrics) {
        this.datasets = datasets;
        this.metrics = metrics;
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
        return ok(report(metrics.compute(d, partition), null));
    }

    @Override public Response computeDatasetMetricsFromIds(String projectKey, String datasetName, MetricIdsRequest request, String partition) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.WRITE);
        return ok(report(metrics.compute(d, partition), Json.strings(request.getMetricIds())));
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
