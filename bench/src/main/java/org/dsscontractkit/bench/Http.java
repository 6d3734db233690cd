package org.dsscontractkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The calls the benchmark makes to set servers up. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    Http(String base, String apiKey) {
        this.base = base;
        this.authorization = basic(apiKey);
    }

    static String basic(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).timeout(Duration.ofMinutes(10));
    }

    /** The status of a GET, or -1 when nothing answers yet. */
    int status(String path) {
        try {
            return client.send(request(path).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls {@code path} every 10 ms until it answers 200; the nanoTime when it did. */
    long awaitOk(String path, ManagedProcess process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(path) == 200) return System.nanoTime();
            if (!process.isAlive()) throw process.failure("stopped before answering " + path);
            Thread.sleep(10);
        }
        throw process.failure("did not answer 200 on " + path + " within " + limit.toSeconds() + " s");
    }

    JsonNode postJson(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        return checked("POST " + path, r);
    }

    /** A multipart upload of one file as part {@code file}, streamed from disk. */
    JsonNode upload(String path, Path file) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpResponse<String> r = client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        return checked("upload to " + path, r);
    }

    int get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode checked(String what, HttpResponse<String> r) throws IOException {
        if (r.statusCode() / 100 != 2) throw new IOException(what + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
