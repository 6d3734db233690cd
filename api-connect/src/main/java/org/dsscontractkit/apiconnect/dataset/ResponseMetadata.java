package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.auth.Redactor;
import org.dsscontractkit.apiconnect.transport.ApiResponse;

import java.util.List;
import java.util.Map;

/**
 * The plugin's metadata columns (display_metadata): dku_status_code, dku_request_duration (seconds),
 * dku_response_headers (a JSON object here; the plugin writes a Python dict repr).
 */
public final class ResponseMetadata {
    public static final String ERROR = "dku_error";
    public static final String STATUS = "dku_status_code";
    public static final String DURATION = "dku_request_duration";
    public static final String HEADERS = "dku_response_headers";
    /** The columns {@code --metadata} adds, in their order. */
    public static final List<String> COLUMNS = List.of(STATUS, DURATION, HEADERS);

    private ResponseMetadata() {
    }

    public static void add(ObjectNode row, ApiResponse response, Redactor redactor) {
        row.put(STATUS, response.status());
        row.put(DURATION, response.durationSeconds());
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            if (e.getKey() == null || e.getKey().startsWith(":")) continue;
            headers.put(e.getKey(), redactor.redact(String.join(", ", e.getValue())));
        }
        row.put(HEADERS, headers.toString());
    }

    public static void addTransportFailure(ObjectNode row, long durationNanos) {
        row.putNull(STATUS);
        row.put(DURATION, durationNanos / 1e9);
        row.putNull(HEADERS);
    }
}
