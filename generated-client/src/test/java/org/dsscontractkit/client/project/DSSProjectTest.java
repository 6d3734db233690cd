package org.dsscontractkit.client.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.future.DSSFuture;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DSSProjectTest extends DssStubTest {

    private static final String P = BASE + "/projects/PK";

    @Test
    void metadataAndPermissionsRoundTrip() {
        stub.on("GET", P + "/metadata", 200, "{\"label\":\"L\",\"tags\":[],\"custom\":{\"kv\":{}},\"unknownFuture\":1}")
                .on("PUT", P + "/metadata", 204, "")
                .on("GET", P + "/permissions", 200, "{\"owner\":\"admin\",\"permissions\":[]}")
                .on("PUT", P + "/permissions", 204, "");
        DSSProject project = client.getProject("PK");

        ObjectNode metadata = (ObjectNode) project.getMetadata();
        metadata.put("label", "New");
        project.setMetadata(metadata);
        ObjectNode permissions = (ObjectNode) project.getPermissions();
        permissions.withArray("permissions").addObject().put("group", "g").put("readProjectContent", true);
        project.setPermissions(permissions);

        assertThat(stub.only("PUT", P + "/metadata").json()).isEqualTo(json("{'label':'New','tags':[],'custom':{'kv':{}},'unknownFuture':1}"));
        assertThat(stub.only("PUT", P + "/permissions").json())
                .isEqualTo(json("{'owner':'admin','permissions':[{'group':'g','readProjectContent':true}]}"));
    }

    @Test
    void variablesNeedStandardAndLocal() {
        stub.on("GET", P + "/variables/", 200, "{\"standard\":{\"a\":1},\"local\":{}}")
                .on("PUT", P + "/variables/", 204, "")
                .on("GET", P + "/variables-resolved", 200, "{\"a\":1}");
        DSSProject project = client.getProject("PK");

        ObjectNode variables = project.getVariables();
        ((ObjectNode) variables.get("local")).put("b", "x");
        project.setVariables(variables);
        project.getResolvedVariables(true);

        assertThat(stub.only("PUT", P + "/variables/").json()).isEqualTo(json("{'standard':{'a':1},'local':{'b':'x'}}"));
        assertThat(stub.only("GET", P + "/variables-resolved").query()).isEqualTo("typed=true");
        assertThatThrownBy(() -> project.setVariables(json("{'standard':{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'standard' and 'local'");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void deleteSendsAllFourFlagsAndWrapsTheAnswerInAFuture() {
        stub.on("DELETE", P, 200, "{\"msg\":\"deleted\"}");

        DSSFuture future = client.getProject("PK").delete();

        assertThat(stub.only("DELETE", P).query())
                .isEqualTo("clearManagedDatasets=false&clearOutputManagedFolders=false&clearJobAndScenarioLogs=true&wait=true");
        assertThat(future.getId()).isNull();
        assertThat(future.waitForResult().path("msg").asText()).isEqualTo("deleted");
    }

    @Test
    void asynchronousDeleteGivesARunningFuture() {
        stub.on("DELETE", P, 200, "{\"jobId\":\"fut-1\",\"hasResult\":false}");

        DSSFuture future = client.getProject("PK").delete(true, true, false, false);

        assertThat(future.getId()).isEqualTo("fut-1");
        assertThat(stub.last().query())
                .isEqualTo("clearManagedDatasets=true&clearOutputManagedFolders=true&clearJobAndScenarioLogs=false&wait=false");
    }

    @Test
    void exportIsAPostStreamedToTheCaller(@TempDir Path dir) throws Exception {
        byte[] zip = new byte[100_000];
        for (int i = 0; i < zip.length; i++) {
            zip[i] = (byte) i;
        }
        stub.on("POST", P + "/export", (exchange, request) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, zip.length);
            try (var out = exchange.getResponseBody()) {
                out.write(zip);
            }
        });
        DSSProject project = client.getProject("PK");

        try (InputStream in = project.getExportStream(null)) {
            assertThat(in.readAllBytes()).isEqualTo(zip);
        }
        Path file = dir.resolve("export.zip");
        project.exportToFile(file, Map.of("exportUploads", true));

        assertThat(Files.readAllBytes(file)).isEqualTo(zip);
        assertThat(stub.requests().get(0).json()).isEqualTo(json("{}"));
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'exportUploads':true}"));
    }

    @Test
    void listDatasetsRepeatsTags() {
        stub.on("GET", P + "/datasets/", 200, "[{\"name\":\"d\",\"projectKey\":\"PK\",\"type\":\"Filesystem\"}]");
        DSSProject project = client.getProject("PK");

        project.listDatasets();
        project.listDatasets(true, List.of("t1", "t 2"));

        assertThat(stub.requests().get(0).query()).isEqualTo("foreign=false");
        assertThat(stub.requests().get(1).query()).isEqualTo("foreign=true&tags=t1&tags=t%202");
    }

    @Test
    void createDatasetSendsAllSixKeys() {
        stub.on("POST", P + "/datasets/", 200, "{}");

        var dataset = client.getProject("PK").createDataset("sales", "Filesystem", Map.of("connection", "fs", "path", "/x"), null, null);

        assertThat(dataset.getName()).isEqualTo("sales");
        assertThat(stub.last().json()).isEqualTo(json("{'name':'sales','projectKey':'PK','type':'Filesystem',"
                + "'params':{'connection':'fs','path':'/x'},'formatType':null,'formatParams':{}}"));
    }

    @Test
    void newJobBuilderSendsThePythonBody() {
        stub.on("POST", P + "/jobs/", 200, "{\"id\":\"job_1\",\"projectKey\":\"PK\"}");

        DSSJob job = client.getProject("PK").newJob("RECURSIVE_BUILD").withOutput("out").withOutput("f", "MANAGED_FOLDER", "OTHER", "2024-01").start();

        assertThat(job.getId()).isEqualTo("job_1");
        assertThat(stub.last().json()).isEqualTo(json("{'type':'RECURSIVE_BUILD','refreshHiveMetastore':false,"
                + "'outputs':[{'type':null,'id':'out','projectKey':null,'partition':null},"
                + "{'type':'MANAGED_FOLDER','id':'f','projectKey':'OTHER','partition':'2024-01'}],"
                + "'autoUpdateSchemaBeforeEachRecipeRun':false}"));
    }

    @Test
    void listsAndFolderLocation() {
        stub.on("GET", P + "/jobs/", 200, "[]")
                .on("GET", P + "/recipes/", 200, "[{\"name\":\"r\"}]")
                .on("GET", P + "/scenarios/", 200, "[{\"id\":\"s\"}]")
                .on("GET", P, 200, "{\"projectKey\":\"PK\"}")
                .on("GET", BASE + "/project-folders/locate-project/PK", 200, "{\"id\":\"f1\",\"name\":\"F\"}");
        DSSProject project = client.getProject("PK");

        assertThat(project.listJobs()).isEmpty();
        assertThat(project.listRecipes().get(0).getName()).isEqualTo("r");
        assertThat(project.listScenarios().get(0).getId()).isEqualTo("s");
        assertThat(project.getSummary().path("projectKey").asText()).isEqualTo("PK");
        assertThat(project.getProjectFolder().getId()).isEqualTo("f1");
        assertThat(stub.requests()).extracting(StubServer.Recorded::method).containsOnly("GET");
    }

    @Test
    void metadataAndPermissionsAreObjectsToEditAndMustBeObjectsToSave() {
        stub.on("GET", P + "/metadata", 200, "{\"tags\":[],\"custom\":{\"kv\":{}}}").on("PUT", P + "/metadata", 204, "")
                .on("GET", P + "/permissions", 200, "{\"owner\":\"admin\",\"permissions\":[]}");
        DSSProject project = client.getProject("PK");

        com.fasterxml.jackson.databind.node.ObjectNode metadata = project.getMetadata();
        metadata.withObjectProperty("custom").withObjectProperty("kv").put("team", "sales");
        project.setMetadata(metadata);
        assertThat(project.getPermissions().path("owner").asText()).isEqualTo("admin");

        assertThat(stub.only("PUT", P + "/metadata").json()).isEqualTo(json("{'tags':[],'custom':{'kv':{'team':'sales'}}}"));
        assertThatThrownBy(() -> project.setMetadata(json("['not an object']")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThat(stub.requests()).hasSize(3);
    }
}
