package org.dsscontractkit.client.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

/** The managed folder handle sends what the Python client sends, through the generated operations. */
class DSSManagedFolderTest extends DssStubTest {

    private static final String F = BASE + "/projects/PK/managedfolders/Xz81Lq0a";

    private DSSManagedFolder folder() {
        return client.getProject("PK").getManagedFolder("Xz81Lq0a");
    }

    @Test
    void createSendsThePythonClientsBodyAndKeepsTheIdDssGave() {
        stub.on("POST", BASE + "/projects/PK/managedfolders/", 200, "{\"id\":\"Xz81Lq0a\",\"name\":\"drops\"}");

        DSSManagedFolder created = client.getProject("PK").createManagedFolder("drops");

        assertThat(created.getId()).isEqualTo("Xz81Lq0a");
        assertThat(stub.only("POST", BASE + "/projects/PK/managedfolders/").json()).isEqualTo(json(
                "{'name':'drops','projectKey':'PK','type':null,'params':{'connection':'filesystem_folders','path':'/${projectKey}/${odbId}'}}"));
    }

    @Test
    void aFilePathTravelsAsOneEncodedSegmentAndTheContentIsStreamed() throws Exception {
        String file = F + "/contents/%2F2015%2Forders.csv";
        stub.on("POST", file, 200, "{\"path\":\"/2015/orders.csv\",\"size\":7,\"lastModified\":1}")
                .on("GET", file, (exchange, request) -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    byte[] body = "a,b\n1,2".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                })
                .on("DELETE", file, 204, "");

        var stored = folder().putFile("/2015/orders.csv", new ByteArrayInputStream("a,b\n1,2".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.getSize()).isEqualTo(7L);
        try (InputStream in = folder().getFile("/2015/orders.csv")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2");
        }
        folder().deleteFile("/2015/orders.csv");

        StubServer.Recorded upload = stub.only("POST", file);
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.bodyText()).contains("name=\"file\"", "a,b\n1,2");
        assertThat(upload.header("Transfer-Encoding")).as("a stream of unknown length is sent chunked").isEqualTo("chunked");
    }

    @Test
    void settingsRenameMetricsAndCopy() {
        stub.on("GET", F, 200, "{\"id\":\"Xz81Lq0a\",\"type\":\"Filesystem\",\"params\":{\"connection\":\"c\"},\"vendorOnly\":1}")
                .on("PUT", F, 200, "{\"msg\":\"ok\"}")
                .on("POST", BASE + "/projects/PK/actions/renameManagedFolder", 204, "")
                .on("POST", F + "/actions/computeMetricsFromIds", 200, "{\"jobId\":\"j1\",\"hasResult\":true,\"result\":{}}")
                .on("GET", F + "/metrics/history", 200, "{\"metricId\":\"basic:SIZE\",\"values\":[]}")
                .on("POST", F + "/actions/copyTo", 200, "{\"jobId\":\"j2\",\"hasResult\":false}");

        DSSManagedFolderSettings settings = folder().getSettings();
        settings.setConnectionAndPath(null, "/elsewhere").addDiscretePartitioningDimension("country");
        settings.save();
        folder().rename("partner_drops");
        folder().computeMetrics(List.of("basic:SIZE"), null);
        folder().getMetricHistory("basic:SIZE");
        DSSManagedFolder target = client.getProject("OTHER").getManagedFolder("Pq09Rs12");
        assertThat(folder().copyTo(target, "APPEND").getId()).isEqualTo("j2");

        assertThat(stub.only("PUT", F).json()).isEqualTo(json("{'id':'Xz81Lq0a','type':'Filesystem','params':{'connection':'c',"
                + "'path':'/elsewhere'},'vendorOnly':1,'partitioning':{'dimensions':[{'name':'country','type':'value'}]}}"));
        assertThat(stub.only("POST", BASE + "/projects/PK/actions/renameManagedFolder").json())
                .isEqualTo(json("{'id':'Xz81Lq0a','newName':'partner_drops'}"));
        assertThat(stub.only("POST", F + "/actions/computeMetricsFromIds").json()).isEqualTo(json("{'metricIds':['basic:SIZE']}"));
        assertThat(stub.only("GET", F + "/metrics/history").query()).isEqualTo("metricLookup=basic%3ASIZE");
        assertThat(stub.only("POST", F + "/actions/copyTo").json())
                .isEqualTo(json("{'targetProjectKey':'OTHER','targetFolderId':'Pq09Rs12','writeMode':'APPEND'}"));
    }
}
