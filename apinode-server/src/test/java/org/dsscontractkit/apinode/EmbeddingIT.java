package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API node inside a host's own Jersey application, on the host's port, leaving the host's paths alone. */
class EmbeddingIT {

    @jakarta.ws.rs.Path("/public/api/projects/")
    public static class HostResource {
        @GET
        public Response projects() {
            return Response.ok("[]").header("DSS-Version", "host-version").build();
        }
    }

    @TempDir
    Path dir;

    @Test
    void sharesTheHostPortWithoutTakingOverItsPaths() throws Exception {
        ResourceConfig host = new ResourceConfig(HostResource.class);
        ApiNode node = ApiNode.create(ApiNodeConfig.defaults(dir).withAdminKeys(List.of("embedded-admin-key")));
        node.registerInto(host);
        host.register(ApiNodeApplication.closeOnShutdown(node));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), host, true);
        try {
            HttpHelper http = new HttpHelper(URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort()));
            Answer hostCall = http.get("/public/api/projects/");
            assertThat(hostCall.status()).isEqualTo(200);
            assertThat(hostCall.raw().headers().firstValue("DSS-Version")).contains("host-version");
            Answer hostMissing = http.get("/public/api/nothing-here");
            assertThat(hostMissing.status()).isEqualTo(404);
            assertThat(hostMissing.raw().body()).doesNotContain("API node");

            Answer predict = http.post("/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {\"petal_length\": 1.2}}");
            assertThat(predict.status()).isEqualTo(200);
            assertThat(predict.json().at("/result/prediction").asText()).isEqualTo("setosa");
            assertThat(predict.raw().headers().firstValue("DSS-API-Version")).isPresent();
            Answer bad = http.post("/public/api/v1/sql_svc/simple_filter/query", "{\"param1\": 1}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errorType").asText()).isEqualTo("SqlParameterCountMismatch");
            assertThat(http.get("/admin/api/services", HttpHelper.basic("embedded-admin-key")).status()).isEqualTo(200);
        } finally {
            server.shutdownNow();
        }
    }
}
