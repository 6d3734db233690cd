package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.dataset.DSSDatasetSettings;
import org.dsscontractkit.client.folder.DSSManagedFolder;
import org.dsscontractkit.client.folder.DSSManagedFolderSettings;
import org.dsscontractkit.client.generated.dss.model.ManagedFolderItem;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.rows.RowStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed folders through the Java handles, every call through the validating proxy. */
class ManagedFolderHandlesIT extends ReferenceServerIT {

    private DSSProject project;

    @BeforeEach
    void createProject() {
        project = client.createProject(uniqueKey("IT_MF"), "Managed folders", "admin");
    }

    @AfterEach
    void deleteProject() {
        project.delete(true, true, true, true);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void createListSettingsRenameAndDelete() {
        DSSManagedFolder folder = project.createManagedFolder("raw_files");
        assertThat(folder.getId()).hasSize(8);

        assertThat(project.listManagedFolders()).extracting(DSSManagedFolder::getId).containsExactly(folder.getId());
        JsonNode listed = project.listManagedFoldersRaw().get(0);
        assertThat(listed.path("name").asText()).isEqualTo("raw_files");
        assertThat(listed.path("type").asText()).isEqualTo("Filesystem");
        assertThat(listed.path("params").path("connection").asText()).isEqualTo("filesystem_folders");

        DSSManagedFolderSettings settings = folder.getSettings();
        settings.getRaw().put("description", "Files dropped by the partners");
        settings.getRaw().putObject("contractKitExtension").put("keep", "me");
        settings.addDiscretePartitioningDimension("country").setPartitioningFilePattern("/%{country}/.*");
        settings.save();
        JsonNode reread = folder.getDefinition();
        assertThat(reread.path("description").asText()).isEqualTo("Files dropped by the partners");
        assertThat(reread.path("contractKitExtension").path("keep").asText()).isEqualTo("me");
        assertThat(reread.path("partitioning").path("dimensions").get(0).path("name").asText()).isEqualTo("country");

        var definition = folder.getDefinition();
        definition.withArray("tags").add("partners");
        assertThat(folder.setDefinition(definition).path("msg").asText()).contains(folder.getId());
        assertThat(folder.getDefinition().path("tags").toString()).contains("partners");
        definition.put("name", "sneaky");
        assertThatThrownBy(() -> folder.setDefinition(definition))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("name"));

        folder.rename("partner_files");
        assertThat(folder.getDefinition().path("name").asText()).isEqualTo("partner_files");
        DSSManagedFolder other = project.createManagedFolder("other");
        assertThatThrownBy(() -> other.rename("partner_files"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));
        assertThatThrownBy(() -> project.createManagedFolder("partner_files"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));

        folder.delete();
        assertThat(project.listManagedFolders()).extracting(DSSManagedFolder::getId).containsExactly(other.getId());
        assertThatThrownBy(folder::getDefinition)
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void putListGetAndDeleteFilesInSubFolders(@TempDir Path local) throws IOException {
        DSSManagedFolder folder = project.createManagedFolder("drops");

        ManagedFolderItem stored = folder.putFile("/2015/orders.csv", text("id,country\n1,FR\n2,DE\n"));
        assertThat(stored.getPath()).isEqualTo("/2015/orders.csv");
        assertThat(stored.getSize()).isEqualTo(21L);
        assertThat(stored.getLastModified()).isPositive();
        folder.putFile("readme.txt", text("hello"));
        Files.writeString(local.resolve("local.bin"), "0123456789");
        assertThat(folder.putFile("/bin/local.bin", local.resolve("local.bin")).getSize()).isEqualTo(10L);

        assertThat(folder.listContents()).extracting(ManagedFolderItem::getPath)
                .containsExactly("/2015/orders.csv", "/bin/local.bin", "/readme.txt");
        assertThat(folder.listContentsRaw().path("items")).hasSize(3);
        assertThat(read(folder.getFile("/2015/orders.csv"))).isEqualTo("id,country\n1,FR\n2,DE\n");
        assertThat(read(folder.getFile("readme.txt"))).isEqualTo("hello");

        // replacing keeps one file
        folder.putFile("/readme.txt", text("hello again"));
        assertThat(read(folder.getFile("/readme.txt"))).isEqualTo("hello again");
        assertThat(folder.listContents()).hasSize(3);

        folder.deleteFile("/2015/orders.csv");
        folder.deleteFile("/2015/orders.csv"); // already gone: not an error, as in DSS
        assertThat(folder.listContents()).extracting(ManagedFolderItem::getPath).containsExactly("/bin/local.bin", "/readme.txt");
        assertThatThrownBy(() -> read(folder.getFile("/2015/orders.csv")))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));

        // a folder upload keeps relative paths under the target
        Files.createDirectories(local.resolve("tree/a"));
        Files.writeString(local.resolve("tree/a/b.csv"), "x\n1\n");
        Files.writeString(local.resolve("tree/top.csv"), "y\n2\n");
        assertThat(folder.uploadFolder("/target", local.resolve("tree"))).hasSize(2);
        assertThat(folder.listContents()).extracting(ManagedFolderItem::getPath).contains("/target/a/b.csv", "/target/top.csv");
    }

    @Test
    void pathsThatWouldLeaveTheFolderAreRefusedByName() {
        DSSManagedFolder folder = project.createManagedFolder("guarded");
        for (String bad : List.of("../escape.txt", "/a/../../escape.txt", "a//b.txt", "%2e%2e/x.txt")) {
            assertThatThrownBy(() -> folder.putFile(bad, text("x")))
                    .as(bad)
                    .isInstanceOfSatisfying(DataikuException.class, e -> {
                        assertThat(e.getHttpStatus()).isEqualTo(400);
                        assertThat(e.getDetailedMessage()).contains("filePath").contains(bad);
                    });
        }
        // a backslash travels as %5C, which the container refuses before the API
        assertThatThrownBy(() -> folder.putFile("a\\b.txt", text("x")))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
        assertThat(folder.listContents()).isEmpty();
        folder.putFile("/dir/file.txt", text("x"));
        assertThatThrownBy(() -> folder.putFile("/dir", text("y")))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));
        assertThatThrownBy(() -> folder.putFile("/dir/file.txt/under", text("y")))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));
    }

    @Test
    void metricsFollowTheFiles() {
        DSSManagedFolder folder = project.createManagedFolder("measured");
        folder.putFile("/a.txt", text("12345"));
        folder.putFile("/b.txt", text("123"));
        folder.deleteFile("/a.txt");

        JsonNode last = folder.getLastMetricValues();
        assertThat(metric(last, "basic:COUNT_FILES")).isEqualTo("1");
        assertThat(metric(last, "basic:SIZE")).isEqualTo("3");

        JsonNode history = folder.getMetricHistory("basic:COUNT_FILES");
        assertThat(history.path("metricId").asText()).isEqualTo("basic:COUNT_FILES");
        List<String> values = new ArrayList<>();
        history.path("values").forEach(v -> values.add(v.path("value").asText()));
        assertThat(values).containsExactly("1", "2", "1");
        assertThat(folder.getMetricHistory("basic:SIZE").path("lastValue").path("value").asText()).isEqualTo("3");
        assertThatThrownBy(() -> folder.getMetricHistory("records:COUNT_RECORDS"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("metricLookup"));
    }

    @Test
    void metricsAreComputedOnDemandAndFoldersCopied() {
        DSSManagedFolder folder = project.createManagedFolder("source");
        folder.putFile("/a/1.txt", text("one"));
        folder.putFile("/b.txt", text("three"));

        JsonNode computed = client.getFuture(folder.computeMetrics(null, null).path("jobId").asText()).waitForResult();
        assertThat(computed.path("computed")).hasSize(2);
        assertThat(computed.toString()).contains("\"metricId\":\"basic:SIZE\"").contains("\"value\":\"8\"");
        JsonNode some = client.getFuture(folder.computeMetrics(List.of("basic:COUNT_FILES"), null).path("jobId").asText())
                .waitForResult();
        assertThat(some.path("computed")).hasSize(1);
        assertThat(some.path("computed").get(0).path("value").asText()).isEqualTo("2");
        assertThat(folder.getMetricHistory("basic:COUNT_FILES").path("values")).hasSize(4); // 2 puts, 2 computations
        assertThatThrownBy(() -> folder.computeMetrics(List.of("records:COUNT_RECORDS"), null))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));

        DSSProject other = client.createProject(uniqueKey("IT_MF_COPY"), "Copy target", "admin");
        try {
            DSSManagedFolder target = other.createManagedFolder("target");
            target.putFile("/old.txt", text("old"));
            JsonNode appended = folder.copyTo(target, "APPEND").waitForResult();
            assertThat(appended.path("copiedFiles").asInt()).isEqualTo(2);
            assertThat(target.listContents()).extracting(ManagedFolderItem::getPath).containsExactly("/a/1.txt", "/b.txt", "/old.txt");
            JsonNode overwritten = folder.copyTo(target, "OVERWRITE").waitForResult();
            assertThat(overwritten.path("copiedBytes").asLong()).isEqualTo(8);
            assertThat(target.listContents()).extracting(ManagedFolderItem::getPath).containsExactly("/a/1.txt", "/b.txt");
            assertThatThrownBy(() -> folder.copyTo(folder, "APPEND"))
                    .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("itself"));
        } finally {
            other.delete(true, true, true, true);
        }
    }

    @Test
    void aDatasetOfTheFolderFilesIsDetectedAndRead() {
        DSSManagedFolder folder = project.createManagedFolder("sales_files");
        folder.putFile("/2015/sales.csv", text("id;country;amount\n1;FR;9.5\n2;\"DE;AT\";12\n"));
        folder.putFile("/2016/sales.csv", text("id;country;amount\n3;IT;1\n"));

        DSSDataset sales = folder.createDatasetFromFiles("sales");
        assertThat(folder.getUsages().get(0).path("objectId").asText()).isEqualTo("sales");

        DSSDatasetSettings detected = sales.autodetectSettings(true);
        assertThat(detected.getRaw().path("formatParams").path("separator").asText()).isEqualTo(";");
        assertThat(detected.getRaw().path("formatParams").path("parseHeaderRow").asBoolean()).isTrue();
        assertThat(detected.getRaw().path("schema").path("columns").toString())
                .contains("\"name\":\"id\",\"type\":\"bigint\"").contains("\"name\":\"amount\",\"type\":\"double\"");
        detected.save();

        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = sales.iterRows()) {
            stream.forEach(rows::add);
        }
        // every file of the folder, in path order, each with its header row skipped
        assertThat(rows).containsExactly(Arrays.asList(1L, "FR", 9.5), Arrays.asList(2L, "DE;AT", 12.0), Arrays.asList(3L, "IT", 1.0));
    }

    private static String metric(JsonNode computed, String id) {
        for (JsonNode m : computed.path("metrics")) {
            if (m.path("metric").path("id").asText().equals(id)) return m.path("lastValues").path(0).path("value").asText();
        }
        throw new AssertionError("no metric " + id + " in " + computed);
    }
}
