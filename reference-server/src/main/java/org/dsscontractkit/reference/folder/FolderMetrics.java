package org.dsscontractkit.reference.folder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.dataset.DatasetMetrics;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.error.ApiException;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/** The built-in metrics of a managed folder (number of files, total size), as the API answers them. */
final class FolderMetrics {
    private FolderMetrics() {}

    enum Metric {
        COUNT_FILES("basic:COUNT_FILES", "COUNT_FILES", "File count", ManagedFolderService.Measured::files),
        SIZE("basic:SIZE", "SIZE", "Total size", ManagedFolderService.Measured::bytes);

        final String id;
        final String type;
        final String label;
        final ToLongFunction<ManagedFolderService.Measured> value;

        Metric(String id, String type, String label, ToLongFunction<ManagedFolderService.Measured> value) {
            this.id = id;
            this.type = type;
            this.label = label;
            this.value = value;
        }

        static Metric of(String lookup) {
            for (Metric m : values()) if (m.id.equals(lookup)) return m;
            throw ApiException.invalidField("metricLookup", "unknown metric '" + lookup + "' (managed folder metrics: "
                    + Arrays.stream(values()).map(m -> m.id).toList() + ")");
        }

        ObjectNode descriptor() {
            ObjectNode d = Json.object();
            d.put("id", id);
            d.put("metricType", type);
            d.put("type", "basic");
            d.put("dataType", "BIGINT");
            return d;
        }
    }

    static ObjectNode last(ManagedFolderService.Measured now) {
        ObjectNode out = Json.object();
        ArrayNode metrics = out.putArray("metrics");
        for (Metric m : Metric.values()) {
            DatasetMetrics.metric(metrics, m.id, m.type, "basic", m.label, "BIGINT", m.value.applyAsLong(now), "NP", now.time());
        }
        return out;
    }

    /** A computation report: one computed value per metric, restricted to {@code ids} when given (unknown ones refused). */
    static ObjectNode report(ManagedFolderService.Measured now, long startTime, List<String> ids) {
        List<Metric> wanted = ids == null ? List.of(Metric.values()) : ids.stream().map(Metric::of).toList();
        ObjectNode out = Json.object();
        out.put("partition", "NP");
        out.put("startTime", startTime);
        out.put("endTime", now.time());
        ArrayNode computed = out.putArray("computed");
        for (Metric m : wanted) {
            ObjectNode v = computed.addObject();
            v.put("metricId", m.id);
            v.set("metric", m.descriptor());
            v.put("value", String.valueOf(m.value.applyAsLong(now)));
            v.put("dataType", "BIGINT");
        }
        out.put("hasErrors", false);
        return out;
    }

    static ObjectNode history(Metric metric, List<ManagedFolderService.Measured> measures) {
        ObjectNode out = Json.object();
        out.put("metricId", metric.id);
        out.set("metric", metric.descriptor());
        ArrayNode values = out.putArray("values");
        for (ManagedFolderService.Measured m : measures) {
            ObjectNode v = values.addObject();
            v.put("time", m.time());
            v.put("value", String.valueOf(metric.value.applyAsLong(m)));
        }
        if (!values.isEmpty()) out.set("lastValue", values.get(values.size() - 1).deepCopy());
        return out;
    }
}
