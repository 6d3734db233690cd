package org.dsscontractkit.apinode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the API node the way dataikuapi does: JSON bodies without Content-Type, no body when empty, Basic key auth. */
public final class HttpHelper {

    public record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        public String text(String jsonPointer) {
            return json.at(jsonPointer).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpHelper(URI base) {
        this.base = base.toString();
    }

    public static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String path, String body) {
        return send("POST", path, body, null);
    }

    public Answer post(String path, String body, String authorization) {
        return send("POST", path, body, authorization);
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer get(String path, String authorization) {
        return send("GET", path, null, authorization);
    }

    public Answer delete(String path, String authorization) {
        return send("DELETE", path, null, authorization);
    }

    public Answer send(String method, String path, String body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }
}
