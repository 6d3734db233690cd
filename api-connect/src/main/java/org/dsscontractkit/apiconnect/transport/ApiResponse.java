package org.dsscontractkit.apiconnect.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A complete HTTP answer (body already decompressed) and how long the call took, retries included. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body, URI uri, long durationNanos,
                          int attempts) {

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public List<String> headerValues(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return List.of();
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    public double durationSeconds() { return durationNanos / 1e9; }

    public String contentType() {
        String ct = header("Content-Type");
        if (ct == null) return "";
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).trim().toLowerCase(Locale.ROOT);
    }

    public boolean isError() { return status >= 400; }
}
