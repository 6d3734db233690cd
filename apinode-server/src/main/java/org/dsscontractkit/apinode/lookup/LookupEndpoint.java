package org.dsscontractkit.apinode.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.TabularDataset;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;

/**
 * A dataset lookup endpoint: finds the row whose key columns equal the record's keys and returns the chosen columns.
 * The answer never holds more than one row per record; several matches follow the endpoint's policy (keep the first,
 * answer an empty ignored record, or fail with 409). A record without a match answers
 * {@code {data:{keys}, ignored:true, ignoreReason:"NO_MATCH"}}.
 */
public final class LookupEndpoint implements Endpoint {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public enum MultipleMatchPolicy { KEEP_FIRST, EMPTY, ERROR }

    private final String id;
    private final String dataset;
    private final List<String> keys;
    private final List<String> columns;
    private final MultipleMatchPolicy policy;

    public LookupEndpoint(String id, String dataset, List<String> keys, List<String> columns, MultipleMatchPolicy policy) {
        this.id = id;
        this.dataset = dataset;
        this.keys = List.copyOf(keys);
        this.columns = List.copyOf(columns);
        this.policy = policy;
    }

    public static LookupEndpoint compile(JsonNode config) {
        List<String> keys = new ArrayList<>();
        config.get("keys").forEach(k -> keys.add(k.asText()));
        List<String> columns = new ArrayList<>();
        config.path("columns").forEach(c -> columns.add(c.asText()));
        return new LookupEndpoint(config.get("id").asText(), config.get("dataset").asText(), keys, columns,
                MultipleMatchPolicy.valueOf(config.path("onMultipleMatches").asText("KEEP_FIRST")));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "DATASET_LOOKUP";
    }

    public List<String> keys() {
        return keys;
    }

    /** POST lookup: {@code {data:{keys}, context?}} -> {@code {results:[one record]}}. */
    public ObjectNode lookup(JsonNode body, CallContext call) {
        JsonNode data = body == null ? null : body.get("data");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw NodeErrors.badInput("InvalidRequest", "The request body must be a JSON object {\"data\": {...}}");
        }
        call.timing().end("preProcessing");
        ArrayNode results = F.arrayNode();
        results.add(lookupOne(data, "data", table(call)));
        call.timing().end("execution");
        return answer(results);
    }

    /** POST lookup-multi: {@code {items:[{data:{keys}}]}} -> {@code {results:[one record per item]}}. */
    public ObjectNode lookupMulti(JsonNode body, CallContext call) {
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || !items.isArray()) {
            throw NodeErrors.badInput("MissingItems", "'items' is required: an array of {\"data\": {...}}");
        }
        call.timing().end("preProcessing");
        TabularDataset table = table(call);
        ArrayNode results = F.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            results.add(lookupOne(item.isObject() ? item.get("data") : null, "items[" + i + "].data", table));
        }
        call.timing().end("execution");
        return answer(results);
    }

    /** GET lookup-simple: query parameters are the keys. */
    public ObjectNode lookupSimple(Map<String, String> query, CallContext call) {
        ObjectNode body = F.objectNode();
        ObjectNode data = body.putObject("data");
        query.forEach(data::put);
        return lookup(body, call);
    }

    private ObjectNode lookupOne(JsonNode data, String where, TabularDataset table) {
        if (data == null || !data.isObject()) {
            throw NodeErrors.badInput("MissingLookupKeys", "'" + where + "' is required: an object with the lookup keys " + keys);
        }
        Map<String, Object> keyValues = new LinkedHashMap<>();
        ObjectNode echoedKeys = F.objectNode();
        for (String key : keys) {
            JsonNode value = data.get(key);
            if (value == null || value.isNull()) {
                throw NodeErrors.badInput("MissingLookupKeys", "'" + where + "." + key + "' is required (lookup keys: " + keys + ")").at(where + "." + key, "required");
            }
            if (value.isContainerNode()) {
                throw NodeErrors.badInput("InvalidLookupKey", "'" + where + "." + key + "' must be a scalar value");
            }
            keyValues.put(key, value.isNumber() ? value.numberValue() : value.asText());
            echoedKeys.put(key, value.asText());
        }
        List<Map<String, Object>> rows = table.find(keyValues, policy == MultipleMatchPolicy.KEEP_FIRST ? 1 : 2);
        ObjectNode result = F.objectNode();
        ObjectNode out = result.putObject("data");
        out.setAll(echoedKeys);
        if (rows.isEmpty()) {
            result.put("ignored", true);
            result.put("ignoreReason", "NO_MATCH");
            return result;
        }
        if (rows.size() > 1) {
            if (policy == MultipleMatchPolicy.ERROR) {
                throw NodeErrors.of(409, "MultipleLookupMatches", "Lookup endpoint '" + id + "' found several rows of dataset '"
                        + dataset + "' for " + keyValues + " and is configured to fail on multiple matches");
            }
            result.put("ignored", true);
            result.put("ignoreReason", "MULTIPLE_LOOKUP_MATCHES");
            return result;
        }
        Map<String, Object> row = rows.get(0);
        List<String> returned = columns.isEmpty() ? table.columns() : columns;
        for (String column : returned) {
            if (!keys.contains(column)) {
                out.set(column, JsonValues.toJson(row.get(column)));
            }
        }
        result.put("ignored", false);
        return result;
    }

    private TabularDataset table(CallContext call) {
        return call.environment().dataset(dataset).orElseThrow(() -> NodeErrors.of(503, "DatasetUnavailable",
                "Lookup endpoint '" + id + "' reads dataset '" + dataset + "' which does not exist on this API node"));
    }

    private static ObjectNode answer(ArrayNode results) {
        ObjectNode answer = F.objectNode();
        answer.set("results", results);
        return answer;
    }
}
