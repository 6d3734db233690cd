package org.dsscontractkit.reference.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference server on the wire, off the happy path: bodies labelled with any Content-Type, multipart calls without
 * a multipart body, hostile paths, oversized bodies, URIs and headers, {@code Upgrade: h2c}; every answer a DSSError
 * with the version headers, every oversized body answered (not reset).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireToleranceIT {
    private static final String KEY = "wire-admin-key";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Java's default client: HTTP/2 first, so cleartext requests with a body carry "Upgrade: h2c". */
    private final HttpClient h2cClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ReferenceServer server;
    private String base;

    @BeforeAll
    void start() throws Exception {
        server = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, Files.createTempDirectory("wire-dss"),
                KEY, null, null, null, 10_000_000));
        base = server.baseUrl();
        assertThat(send("POST", "/public/api/projects/", "{\"projectKey\":\"WIRE\",\"name\":\"Wire\",\"owner\":\"admin\"}", "application/json").status).isEqualTo(200);
        assertThat(send("POST", "/public/api/projects/WIRE/datasets/", "{\"name\":\"up\",\"projectKey\":\"WIRE\",\"type\":\"UploadedFiles\",\"params\":{}}",
                "application/json").status).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    private Answer send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", AUTH)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = h2cClient.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.headers().firstValue("DSS-Version")).contains("14.3.3");
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x", ""})
    void jsonBodiesAreReadAsJsonWhateverTheirContentType(String type) throws Exception {
        String contentType = type.isEmpty() ? null : type;
        String key = "CT" + Math.abs(type.hashCode() % 100000);
        Answer created = send("POST", "/dip/publicapi/projects/", "{\"projectKey\":\"" + key + "\",\"name\":\"n\",\"owner\":\"admin\"}", contentType);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        Answer predicted = send("POST", "/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {\"petal_length\": 1.2}}", contentType);
        assertThat(predicted.status()).as(predicted.raw().body()).isEqualTo(200);
        assertThat(predicted.json().at("/result/prediction").asText()).isEqualTo("setosa");
    }

    @Test
    void aMultipartCallWithoutAMultipartBodyNamesTheFilePart() throws Exception {
        for (String[] call : new String[][]{{null, null}, {"{\"file\": \"x\"}", "application/json"}, {"{}", null}}) {
            Answer a = send("POST", "/public/api/projects/WIRE/datasets/up/uploaded/files", call[0], call[1]);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("field").asText()).isEqualTo("file");
            assertThat(a.json().get("rule").asText()).isEqualTo("required");
        }
    }

    @Test
    void hostilePathSegmentsGetAJsonClientError() throws Exception {
        for (String path : new String[]{"/public/api/admin/logs/%00", "/public/api/projects/%00/", "/public/api/projects/a%2Fb/",
                "/public/api/admin/logs/..%2F..%2Fetc%2Fpasswd", "/public/api/v1/%00/x/predict", "/%zz"}) {
            RawAnswer a = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH + "\r\nConnection: close\r\n\r\n", new byte[0], false);
            assertThat(a.status()).as(path).isBetween(400, 499);
            assertThat(a.json().get("errorType").asText()).as(path).contains(".");
        }
    }

    @Test
    void containerLevelErrorsAreDssErrors() throws Exception {
        Answer outside = send("DELETE", "/nothing/here", null, null);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().get("errorType").asText()).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");
        Answer method = send("PUT", "/public/api/projects/", "{}", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        RawAnswer uri = raw("GET /public/api/projects/" + "z".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0], false);
        assertThat(uri.status()).isEqualTo(414);
        assertThat(uri.json().get("errorType").asText()).isEqualTo("com.dataiku.dip.exceptions.RequestTooLargeException");
        RawAnswer headers = raw("GET /public/api/projects/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(40_000) + "\r\n\r\n", new byte[0], false);
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.json().get("errorType").asText()).isEqualTo("com.dataiku.dip.exceptions.RequestTooLargeException");
        RawAnswer garbage = raw("GARBAGE\r\n\r\n", new byte[0], false);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void theApiNodeAnswersOnlyUnderItsRealPrefixes() throws Exception {
        String body = "{\"features\": {\"petal_length\": 1.2}}";
        assertThat(send("POST", "/public/api/v1/iris_svc/iris_species/predict", body, null).status()).isEqualTo(200);
        for (String wrong : new String[]{"/public/api/public/api/v1/iris_svc/iris_species/predict",
                "/dip/publicapi/public/api/v1/iris_svc/iris_species/predict", "/dip/publicapi/v1/iris_svc/iris_species/predict"}) {
            Answer a = send("POST", wrong, body, null);
            assertThat(a.status()).as(wrong).isEqualTo(404);
            assertThat(a.json().get("errorType").asText()).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");
        }
        assertThat(send("GET", "/admin/api/services", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/public/api/admin/api/services", null, null).status()).isEqualTo(404);
    }

    @Test
    void oversizedBodiesAre413AndTheClientReadsTheAnswer() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(2 * 1024 * 1024 + 10) + "\"}";
        for (String path : new String[]{"/public/api/projects/WIRE/datasets/up/actions/runChecks", "/public/api/project-folders/ROOT/move",
                "/public/api/project-folders/ROOT/children", "/dip/publicapi/projects/", "/public/api/v1/iris_svc/iris_species/predict",
                "/admin/api/keys"}) {
            Answer a = send("POST", path, big, "application/json");
            assertThat(a.status()).as(path).isEqualTo(413);
            assertThat(a.json().get("errorType").asText()).isEqualTo("com.dataiku.dip.exceptions.RequestTooLargeException");

            byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH + "\r\nContent-Type: application/json\r\n";
            RawAnswer declared = raw(head + "Content-Length: " + bytes.length + "\r\n\r\n", bytes, false);
            assertThat(declared.status()).as(path).isEqualTo(413);
            RawAnswer chunked = raw(head + "Transfer-Encoding: chunked\r\n\r\n", bytes, true);
            // a body the operation does not take is answered without reading it (400/404); one it reads is cut at the cap
            assertThat(chunked.status()).as(path).isBetween(400, 499);
            assertThat(chunked.json().get("errorType").asText()).contains(".");
        }
    }

    record RawAnswer(int status, JsonNode json) {}

    /** Sends a request on a plain socket, all of the body even when the answer comes first, then reads the answer. */
    private RawAnswer raw(String head, byte[] body, boolean chunked) throws Exception {
        URI uri = URI.create(base);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < body.length; i += 64 * 1024) {
                int n = Math.min(64 * 1024, body.length - i);
                if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, i, n);
                if (chunked) out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            String text;
            while (true) {
                int n = in.read(buf);
                if (n < 0) break;
                got.write(buf, 0, n);
                text = got.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0) {
                    java.util.regex.Matcher len = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
                    if (len.find() && got.size() >= end + 4 + Integer.parseInt(len.group(1))) break;
                }
            }
            text = got.toString(StandardCharsets.UTF_8);
            assertThat(text).as("an HTTP answer, not a reset").startsWith("HTTP/1.1 ");
            assertThat(text).containsIgnoringCase("DSS-Version: 14.3.3");
            assertThat(text).containsIgnoringCase("Content-Type: application/json");
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawAnswer(status, JSON.readTree(text.substring(text.indexOf("\r\n\r\n") + 4)));
        }
    }
}
