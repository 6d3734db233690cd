package org.dsscontractkit.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.dsscontractkit.reference.server.ReferenceServer;
import org.dsscontractkit.server.http.HttpContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS over HTTP on a running server, on every part it serves on its port: the DSS API under both bases, the API
 * node's user API, the docs and the OpenAPI documents. (The browser's view is contract-tests'
 * ReferenceServerInTheBrowserIT.)
 */
class CorsIT {
    private static final String ADMIN_KEY = "cors-it-admin-key-0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ReferenceServer server;
    private static ReferenceServer closed;

    @BeforeAll
    static void start() throws Exception {
        server = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, Files.createTempDirectory("cors-it"),
                ADMIN_KEY, null, null, null, 1024 * 1024, HttpContainer.Limits.DEFAULT_MAX_REQUEST_BODY, CorsPolicy.parse("http://localhost:*,https://*.example.com")));
        closed = ReferenceServer.start(new ReferenceServer.Config("127.0.0.1", 0, Files.createTempDirectory("cors-it-off"),
                ADMIN_KEY, null, null, null, 1024 * 1024, HttpContainer.Limits.DEFAULT_MAX_REQUEST_BODY, CorsPolicy.off()));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (closed != null) closed.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/api/projects/", "/dip/publicapi/projects/", "/public/api/v1/fraud_svc/fraud_detection/predict",
            "/openapi/mock/dss-public-api.yaml"})
    void aPreflightFromAnAllowedOriginIsAnsweredBeforeAuthentication(String path) throws Exception {
        HttpResponse<String> answer = preflight(server, path, "https://pr-7.example.com", "POST");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo("https://pr-7.example.com");
        assertThat(header(answer, "Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(header(answer, "Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
        assertThat(header(answer, "Access-Control-Allow-Headers")).contains("Authorization", "Content-Type",
                "X-DKU-APITicket", "X-DKU-ProxyUser");
        assertThat(answer.headers().allValues("Vary").toString()).contains("Origin");
    }

    @Test
    void answersToAnAllowedOriginCarryTheAllowHeadersErrorsIncluded() throws Exception {
        HttpResponse<String> projects = get(server, "/dip/publicapi/projects/", "http://localhost:3000", ADMIN_KEY);
        HttpResponse<String> refused = get(server, "/dip/publicapi/projects/", "http://localhost:3000", null);
        HttpResponse<String> scored = get(server, "/public/api/v1/fraud_svc/fraud_detection/predict-simple?customer_id=1",
                "http://localhost:3000", "fraud-demo-key-0001");
        HttpResponse<String> docs = get(server, "/openapi/dss-public-api.json", "http://localhost:3000", null);

        for (HttpResponse<String> answer : List.of(projects, refused, scored, docs)) {
            assertThat(header(answer, "Access-Control-Allow-Origin")).as(answer.uri().toString()).isEqualTo("http://localhost:3000");
            assertThat(header(answer, "Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(header(answer, "Access-Control-Expose-Headers")).isEqualTo("DSS-Version, DSS-API-Version");
            assertThat(answer.headers().allValues("Vary").toString()).contains("Origin");
        }
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).as("the page can read why it was refused").isEqualTo(401);
        assertThat(refused.body()).contains("errorType");
        assertThat(scored.statusCode()).isEqualTo(200);
        assertThat(docs.statusCode()).isEqualTo(200);
    }

    @Test
    void anOriginThatIsNotAllowedGetsNoAccessControlHeader() throws Exception {
        HttpResponse<String> preflight = preflight(server, "/dip/publicapi/projects/", "https://example.com.evil.org", "GET");
        HttpResponse<String> answer = get(server, "/dip/publicapi/projects/", "https://example.com.evil.org", ADMIN_KEY);

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.body()).contains("https://example.com.evil.org", "--cors-origins");
        assertThat(answer.statusCode()).as("a server does not refuse the request itself: the browser withholds it").isEqualTo(200);
        for (HttpResponse<String> refused : List.of(preflight, answer)) {
            assertThat(refused.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
            assertThat(refused.headers().allValues("Vary").toString()).contains("Origin");
        }
    }

    @Test
    void offLeavesEveryAnswerAsWithoutCors() throws Exception {
        HttpResponse<String> preflight = preflight(closed, "/dip/publicapi/projects/", "http://localhost:3000", "GET");
        HttpResponse<String> plainOptions = HTTP.send(HttpRequest.newBuilder(URI.create(closed.baseUrl() + "/dip/publicapi/projects/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answer = get(closed, "/dip/publicapi/projects/", "http://localhost:3000", ADMIN_KEY);

        assertThat(preflight.statusCode()).as("a preflight is an OPTIONS like any other: no 204 short-cut, no 403")
                .isEqualTo(plainOptions.statusCode());
        assertThat(preflight.statusCode()).as("an unauthenticated OPTIONS is refused as every other method is").isEqualTo(401);
        assertThat(answer.statusCode()).isEqualTo(200);
        for (HttpResponse<String> plain : List.of(preflight, answer)) {
            assertThat(plain.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        }
    }

    private static HttpResponse<String> preflight(ReferenceServer target, String path, String origin, String method)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ReferenceServer target, String path, String origin, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).header("Origin", origin);
        if (key != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name).orElse(null);
    }
}
