package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.dataset.DSSDatasetSettings;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.rows.RowStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetHandlesIT extends ReferenceServerIT {

    private DSSProject project;

    @BeforeEach
    void createProject() {
        project = client.createProject(uniqueKey("IT_DS"), "Datasets", "admin");
    }

    @AfterEach
    void deleteProject() {
        project.delete(true, true, true, true);
    }

    private DSSDataset uploadedOrders() {
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        orders.uploadedAddFile(new ByteArrayInputStream(("id,price,ok,label\n1,9.5,true,plain\n2,,false,\"with, comma\"\n")
                .getBytes(StandardCharsets.UTF_8)), "orders.csv");
        orders.setSchema(json("{\"columns\":[{\"name\":\"id\",\"type\":\"bigint\"},{\"name\":\"price\",\"type\":\"double\"},"
                + "{\"name\":\"ok\",\"type\":\"boolean\"},{\"name\":\"label\",\"type\":\"string\"}]}"));
        return orders;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void uploadSchemaAndTypedStreamingRead() {
        DSSDataset orders = uploadedOrders();

        assertThat(orders.exists()).isTrue();
        assertThat(project.getDataset("nope").exists()).isFalse();
        assertThat(orders.uploadedListFiles().toString()).contains("orders.csv");
        assertThat(orders.getSchema().path("columns")).hasSize(4);
        assertThat(orders.listPartitions()).containsExactly("NP");

        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = orders.iterRows()) {
            stream.forEach(rows::add);
        }
        assertThat(rows).containsExactly(Arrays.asList(1L, 9.5, true, "plain"), Arrays.asList(2L, null, false, "with, comma"));
    }

    @Test
    void settingsRoundTripKeepsUnknownAttributes() {
        DSSDataset orders = uploadedOrders();

        DSSDatasetSettings settings = orders.getSettings();
        settings.getRaw().putObject("contractKitExtension").put("keep", "me").putArray("list").add(1).add(2);
        settings.getParams().put("notReadyIfEmpty", true);
        settings.save();

        DSSDatasetSettings reread = orders.getSettings();
        assertThat(reread.getRaw().path("contractKitExtension").path("keep").asText()).isEqualTo("me");
        assertThat(reread.getRaw().path("contractKitExtension").path("list")).hasSize(2);
        assertThat(reread.getParams().path("notReadyIfEmpty").asBoolean()).isTrue();
    }

    @Test
    void metadataBuildClearAndDelete() {
        DSSDataset orders = uploadedOrders();

        var metadata = orders.getMetadata();
        metadata.withArray("tags").add("it");
        orders.setMetadata(metadata);
        assertThat(orders.getMetadata().path("tags").toString()).contains("it");

        DSSJob job = orders.build(null, null, true, true, java.time.Duration.ofSeconds(60));
        assertThat(job.getState()).isIn("DONE", "FAILED");
        assertThat(job.getLog()).isNotBlank();
        assertThat(project.listJobs().toString()).contains(job.getId());

        orders.clear();
        orders.delete(true);
        assertThat(orders.exists()).isFalse();
    }
}
