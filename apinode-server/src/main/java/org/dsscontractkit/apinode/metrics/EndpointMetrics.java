package org.dsscontractkit.apinode.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts and measured latencies per service endpoint, as {@code GET /admin/api/metrics} reports them.
 * Percentiles come from the last {@value #WINDOW} calls of each endpoint.
 */
public final class EndpointMetrics {

    static final int WINDOW = 4096;

    private static final class Series {
        long requests;
        long errors;
        long clientErrors;
        long totalMicros;
        long maxMicros;
        final long[] window = new long[WINDOW];
        int next;
        int filled;

        synchronized void record(long micros, int status) {
            requests++;
            if (status >= 500) {
                errors++;
            } else if (status >= 400) {
                clientErrors++;
            }
            totalMicros += micros;
            maxMicros = Math.max(maxMicros, micros);
            window[next] = micros;
            next = (next + 1) % WINDOW;
            filled = Math.min(filled + 1, WINDOW);
        }

        synchronized ObjectNode snapshot() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("requests", requests);
            node.put("clientErrors", clientErrors);
            node.put("serverErrors", errors);
            ObjectNode latency = node.putObject("latencyMicros");
            long[] sorted = Arrays.copyOf(window, filled);
            Arrays.sort(sorted);
            latency.put("mean", requests == 0 ? 0 : totalMicros / requests);
            latency.put("p50", percentile(sorted, 0.50));
            latency.put("p95", percentile(sorted, 0.95));
            latency.put("p99", percentile(sorted, 0.99));
            latency.put("max", maxMicros);
            return node;
        }

        private static long percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final long startedAt = System.currentTimeMillis();

    public void record(String serviceId, String endpointId, long micros, int status) {
        series.computeIfAbsent(serviceId + "\u0000" + endpointId, k -> new Series()).record(micros, status);
    }

    public ObjectNode snapshot() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("since", startedAt);
        ObjectNode services = root.putObject("services");
        long total = 0;
        for (Map.Entry<String, Series> e : new TreeMap<>(series).entrySet()) {
            String[] ids = e.getKey().split("\u0000", 2);
            ObjectNode endpoint = e.getValue().snapshot();
            total += endpoint.get("requests").asLong();
            ObjectNode service = services.has(ids[0]) ? (ObjectNode) services.get(ids[0]) : services.putObject(ids[0]);
            ObjectNode endpoints = service.has("endpoints") ? (ObjectNode) service.get("endpoints") : service.putObject("endpoints");
            endpoints.set(ids[1], endpoint);
        }
        root.put("totalRequests", total);
        return root;
    }
}
