package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;
import org.dsscontractkit.reference.server.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The built-in metrics (record count, column count, file size), computed from the data itself. */
public final class DatasetMetrics {
    private final DatasetService datasets;

    public DatasetMetrics(DatasetService datasets) { this.datasets = datasets; }

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
