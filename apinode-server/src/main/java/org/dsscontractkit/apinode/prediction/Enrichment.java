package org.dsscontractkit.apinode.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.ApiNodeEnvironment;
import org.dsscontractkit.apinode.TabularDataset;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.lookup.JsonValues;

/**
 * Adds features looked up in a dataset of the host before scoring, matched on some of the record's features.
 * Several matching rows are ambiguous: by default the record is then not scored
 * ({@code ignored: true, ignoreReason: MULTIPLE_LOOKUP_MATCHES}, seed 002).
 */
public record Enrichment(String dataset, Map<String, String> keys, Map<String, String> columns, Policy onMultipleMatches) {

    public enum Policy { IGNORE, KEEP_FIRST, ERROR }

    /** Why a record was not scored, or null when it was enriched (or nothing matched). */
    public String apply(ObjectNode features, ApiNodeEnvironment environment) {
        TabularDataset table = environment.dataset(dataset).orElseThrow(() -> NodeErrors.of(503,
                "EnrichmentUnavailable", "Enrichment dataset '" + dataset + "' is not available on this API node"));
        Map<String, Object> keyValues = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            JsonNode value = features.get(key.getKey());
            if (value == null || value.isNull()) {
                return null;
            }
            keyValues.put(key.getValue(), value.isNumber() ? value.numberValue() : value.asText());
        }
        List<Map<String, Object>> rows = table.find(keyValues, 2);
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1) {
            switch (onMultipleMatches) {
                case IGNORE:
                    return "MULTIPLE_LOOKUP_MATCHES";
                case ERROR:
                    throw NodeErrors.of(409, "MultipleLookupMatches", "Enrichment on dataset '" + dataset
                            + "' matched several rows for " + keyValues);
                default:
                    break;
            }
        }
        Map<String, Object> row = rows.get(0);
        if (columns.isEmpty()) {
            for (Map.Entry<String, Object> cell : row.entrySet()) {
                if (!keys.containsValue(cell.getKey())) {
                    features.set(cell.getKey(), JsonValues.toJson(cell.getValue()));
                }
            }
        } else {
            columns.forEach((column, feature) -> features.set(feature, JsonValues.toJson(row.get(column))));
        }
        return null;
    }

    public static Enrichment parse(JsonNode node) {
        Map<String, String> keys = new LinkedHashMap<>();
        node.get("keys").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
        Map<String, String> columns = new LinkedHashMap<>();
        node.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().asText()));
        Policy policy = Policy.valueOf(node.path("onMultipleMatches").asText("IGNORE"));
        return new Enrichment(node.get("dataset").asText(), keys, columns, policy);
    }
}
