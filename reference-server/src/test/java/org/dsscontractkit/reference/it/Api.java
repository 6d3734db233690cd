package org.dsscontractkit.reference.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A thin HTTP client that talks to the server exactly as the Python client does: base {@code /dip/publicapi},
 * HTTP Basic with the key as user name, JSON bodies WITHOUT a Content-Type header, raw path segments.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String key;

    Api(String root, String key) {
        this(root, "/dip/publicapi", key);
    }

    Api(String root, String prefix, String key) {
        this.base = root + prefix;
        this.key = key;
    }

    String key() { return key; }

    record Res(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        @Override public String toString() { return status + " " + body; }
    }

    Res get(String path) { return send("GET", path, null, null); }
    Res delete(String path) { return send("DELETE", path, null, null); }
    Res post(String path, Object body) { return send("POST", path, body, null); }
    Res put(String path, Object body) { return send("PUT", path, body, null); }

    Res send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) b.header("Content-Type", contentType);
        HttpRequest.BodyPublisher pub;
        if (body == null) pub = HttpRequest.BodyPublishers.noBody();
        else if (body instanceof byte[] bytes) pub = HttpRequest.BodyPublishers.ofByteArray(bytes);
        else if (body instanceof String s) pub = HttpRequest.BodyPublishers.ofString(s);
        else {
            try {
                pub = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        b.method(method, pub);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** multipart/form-data with one part named {@code file}, as the client's uploaded_add_file. */
    Res upload(String path, String fileName, byte[] content) {
        String boundary = "----dss" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return send("POST", path, all, "multipart/form-data; boundary=" + boundary);
    }
}
