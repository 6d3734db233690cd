package org.dsscontractkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validation proxy in front of a deliberately broken provider (a test double that renames {@code projectKey}):
 * proves the check can fail, names the operation and the rule, and passes the same call when the provider conforms.
 */
class ValidatingProxyTest {

    private static final List<OpenApiDocument> DOCUMENTS = OpenApiDocument.bundled();
    private static HttpServer provider;
    private static volatile String projectsBody;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ContractValidator validator;
    private ValidatingProxy proxy;

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        provider.createContext("/", exchange -> {
            byte[] body;
            int status = 200;
            if (exchange.getRequestURI().getPath().endsWith("/projects/")) {
                body = projectsBody.getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "{\"errorType\":\"NotFound\",\"message\":\"nothing here\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @BeforeEach
    void proxy() {
        validator = new ContractValidator(DOCUMENTS);
        proxy = ValidatingProxy.start(URI.create("http://127.0.0.1:" + provider.getAddress().getPort()), validator);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.uri() + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("key:".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            proxy.close();
        }
    }

    @Test
    void aRenamedRequiredFieldIsAViolationNamingOperationAndRule() throws Exception {
        projectsBody = "[{\"key\":\"SALES\",\"name\":\"Sales\"}]";

        HttpResponse<String> response = get("/public/api/projects/?includeLocation=False");

        assertThat(response.body()).as("the proxy forwards the answer unchanged").isEqualTo(projectsBody);
        assertThat(validator.violations()).singleElement().satisfies(v -> {
            assertThat(v.operation().operationId()).isEqualTo("listProjects");
            assertThat(v.rule()).isEqualTo("validation.response.body.schema.required");
            assertThat(v.message()).contains("projectKey");
        });
        assertThat(validator.coverage().exercised()).extracting(SpecOperation::operationId).containsExactly("listProjects");
    }

    @Test
    void theSameCallConformsWhenTheFieldIsThereUnderEitherBasePath() throws Exception {
        projectsBody = "[{\"projectKey\":\"SALES\",\"name\":\"Sales\",\"someFutureAttribute\":1}]";

        assertThat(get("/dip/publicapi/projects/?includeLocation=True").statusCode()).isEqualTo(200);

        assertThat(validator.violations()).isEmpty();
        assertThat(validator.exchangeCount()).isEqualTo(1);
    }

    @Test
    void aBooleanQueryParameterOutsideTheContractIsARequestViolation() throws Exception {
        projectsBody = "[]";

        get("/public/api/projects/?includeLocation=maybe");

        assertThat(validator.violations()).extracting(Violation::rule)
                .anySatisfy(rule -> assertThat(rule).startsWith("validation.request.parameter"));
    }

    @Test
    void aPathNoDocumentDeclaresIsAViolation() throws Exception {
        get("/public/api/no-such-resource");

        assertThat(validator.violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("validation.request.path.missing"));
        assertThat(validator.coverage().neverExercised()).hasSize(validator.coverage().operations().size());
    }

    @Test
    void coverageCountsBothDocuments() {
        CoverageReport coverage = validator.coverage();
        assertThat(coverage.operations()).extracting(SpecOperation::document).containsOnly(
                OpenApiDocument.DSS_PUBLIC_API, OpenApiDocument.APINODE_USER_API).hasSizeGreaterThan(100);
        assertThat(coverage.render()).contains("operations exercised 0 / " + coverage.operations().size());
    }
}
