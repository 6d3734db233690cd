package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.dsscontractkit.server.http.HttpContainer;
import org.dsscontractkit.server.http.JerseyApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API node as its own application next to a host's on one port: neither reaches into the other's paths. */
class EmbeddingIT {

    @jakarta.ws.rs.Path("projects/")
    public static class HostResource {
        @GET
        public Response projects() {
            return Response.ok("[]").build();
        }
    }

    @TempDir
    Path dir;

    @Test
    void sharesTheHostPortWithoutTakingOverItsPaths() throws Exception {
        ResourceConfig host = JerseyApplication.create("host", (credentials, request, target) -> null).register(HostResource.class);
        try (ApiNode node = ApiNode.create(ApiNodeConfig.defaults(dir).withAdminKeys(List.of("embedded-admin-key")));
             HttpContainer server = HttpContainer.on("127.0.0.1", 0)
                     .jersey("host", () -> host, HttpContainer.Startup.WITH_CONTAINER, false, "/public/api/*")
                     .jersey("apinode", node::application, HttpContainer.Startup.IN_BACKGROUND, true, ApiNode.PATHS)
                     .start()) {
            HttpHelper http = new HttpHelper(URI.create("http://127.0.0.1:" + server.port()));
            Answer hostCall = http.get("/public/api/projects/");
            assertThat(hostCall.status()).isEqualTo(200);
            assertThat(hostCall.raw().headers().firstValue("DSS-Version")).contains("14.3.3");
            Answer hostMissing = http.get("/public/api/nothing-here");
            assertThat(hostMissing.status()).isEqualTo(404);
            assertThat(hostMissing.text("/errorType")).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");

            Answer predict = http.post("/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {\"petal_length\": 1.2}}");
            assertThat(predict.status()).isEqualTo(200);
            assertThat(predict.json().at("/result/prediction").asText()).isEqualTo("setosa");
            assertThat(predict.raw().headers().firstValue("DSS-Version")).contains("14.3.3");
            Answer bad = http.post("/public/api/v1/sql_svc/simple_filter/query", "{\"param1\": 1}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text("/code")).isEqualTo("ERR_SQL_PARAMETER_COUNT_MISMATCH");
            assertThat(http.get("/admin/api/services", HttpHelper.basic("embedded-admin-key")).status()).isEqualTo(200);

            // only under its real prefixes: not under the host's base, and nothing of the host under the node's
            assertThat(http.post("/public/api/public/api/v1/iris_svc/iris_species/predict", "{\"features\": {}}").status()).isEqualTo(404);
            assertThat(http.get("/public/api/v1/projects/").status()).isEqualTo(404);
            Answer elsewhere = http.get("/somewhere/else");
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.text("/errorType")).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");
        }
    }
}
