package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in metrics (record count, column count, file size), computed from the data itself; the values of each
 * computation asked for ({@link #record}) are kept for the metrics' history.
 */
public final class DatasetMetrics {
    private final DatasetService datasets;
    private final Database db;

    public DatasetMetrics(DatasetService datasets, Database db) {
        this.datasets = datasets;
        this.db = db;
    }

    /** Keeps the values of a computation ({@link #compute}) in the history of the dataset's metrics. */
    public void record(ObjectNode d, ObjectNode computed) {
        String partition = computed.path("partition").asText("NP");
        db.inTransaction(c -> {
            for (JsonNode m : computed.path("metrics")) {
                JsonNode last = m.path("lastValues").path(0);
                Database.update(c, "INSERT INTO dataset_metric_values (project_key, dataset_name, partition_id, metric_id, computed_on,"
                                + " metric_value) VALUES (?, ?, ?, ?, ?, ?)", d.path("projectKey").asText(), d.path("name").asText(),
                        partition, m.path("metric").path("id").asText(), last.path("computed").asLong(), last.path("value").asText());
            }
            return null;
        });
    }

    /**
     * @return the values {@code metricId} took at each recorded computation on {@code partition}, oldest first,
     *         with the metric ({@code {metricId, metric, values: [{time, value}], lastValue}})
     * @throws ApiException 400 when the dataset has no such metric
     */
    public ObjectNode history(ObjectNode d, String partition, String metricId) {
        String p = partition == null || partition.isEmpty() ? "NP" : partition;
        ObjectNode current = compute(d, p);
        JsonNode metric = null;
        List<String> ids = new ArrayList<>();
        for (JsonNode m : current.path("metrics")) {
            ids.add(m.path("metric").path("id").asText());
            if (m.path("metric").path("id").asText().equals(metricId)) metric = m.path("metric");
        }
        if (metric == null) throw ApiException.invalidField("metricLookup", "unknown metric '" + metricId + "' (dataset metrics: " + ids + ")");
        ObjectNode out = Json.object();
        out.put("metricId", metricId);
        out.set("metric", metric.deepCopy());
        ArrayNode values = out.putArray("values");
        db.query("SELECT computed_on, metric_value FROM dataset_metric_values WHERE project_key = ? AND dataset_name = ? AND metric_id = ?"
                        + " AND partition_id = ? ORDER BY computed_on, seq", rs -> {
                    ObjectNode v = values.addObject();
                    v.put("time", rs.getLong(1));
                    v.put("value", rs.getString(2));
                    return v;
                }, d.path("projectKey").asText(), d.path("name").asText(), metricId, p);
        if (!values.isEmpty()) out.set("lastValue", values.get(values.size() - 1).deepCopy());
        return out;
    }

    public ObjectNode compute(ObjectNode d, String partition) {
        String p = partition == null || partition.isEmpty() ? "NP" : partition;
        if (!p.equals("NP")) throw ApiException.invalidField("partition", "the dataset is not partitioned: only 'NP' is valid, got '" + p + "'");
        long[] rows = {0};
        try {
            rows[0] = datasets.read(d, datasets.select(d, null), RowSink.DISCARD);
        } catch (IOException e) {
            throw new ApiException(422, ErrorTypes.EXECUTION_FAILED, "Cannot compute metrics: " + e.getMessage(), e.getMessage());
        }
        long size = 0;
        if (datasets.isFileBased(d)) {
            try {
                for (var f : datasets.dataFiles(d)) size += java.nio.file.Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long now = System.currentTimeMillis();
        ObjectNode out = Json.object();
        ArrayNode metrics = out.putArray("metrics");
        metric(metrics, "records:COUNT_RECORDS", "COUNT_RECORDS", "records", "Record count", "BIGINT", rows[0], p, now);
        metric(metrics, "basic:COUNT_COLUMNS", "COUNT_COLUMNS", "basic", "Column count", "BIGINT", d.path("schema").path("columns").size(), p, now);
        metric(metrics, "basic:SIZE", "SIZE", "basic", "Size", "BIGINT", size, p, now);
        out.put("partition", p);
        return out;
    }

    /** Adds one metric with its last value, shaped as the API answers it (datasets and managed folders alike). */
    public static void metric(ArrayNode metrics, String id, String type, String probe, String label, String dataType,
                               long value, String partition, long now) {
        ObjectNode m = metrics.addObject();
        ObjectNode def = m.putObject("metric");
        def.put("id", id);
        def.put("metricType", type);
        def.put("type", probe);
        def.put("dataType", dataType);
        ObjectNode meta = m.putObject("meta");
        meta.put("name", label);
        meta.put("fullName", label);
        m.put("computingProbe", probe);
        m.put("displayedAsMetric", true);
        ObjectNode v = m.putArray("lastValues").addObject();
        v.put("partition", partition);
        v.put("value", String.valueOf(value));
        v.put("computed", now);
        v.put("dataType", dataType);
    }
}
