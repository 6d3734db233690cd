package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.dsscontractkit.client.DataikuException;
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
        assertThat(project.listJobs()).extracting(j -> j.getDef().path("id").asText()).contains(job.getId());

        orders.clear();
        orders.delete(true);
        assertThat(orders.exists()).isFalse();
    }
    @Test
    void listDatasetsWithTagFilter() {
        DSSDataset orders = uploadedOrders();
        project.createDataset("empty_one", "UploadedFiles", null, "csv", null);
        var metadata = orders.getMetadata();
        metadata.withArray("tags").add("it_tagged");
        orders.setMetadata(metadata);

        assertThat(project.listDatasets()).extracting(d -> d.getName()).containsExactlyInAnyOrder("orders", "empty_one");
        assertThat(project.listDatasets().get(0).getProjectKey()).isEqualTo(project.getProjectKey());
        assertThat(project.listDatasets(false, List.of("it_tagged"))).extracting(d -> d.getName()).containsExactly("orders");
        assertThat(project.listDatasets(true, List.of("no_such_tag"))).isEmpty();
    }

    @Test
    void metricsAndChecksAreComputedFromTheData() {
        DSSDataset orders = uploadedOrders();

        JsonNode last = orders.getLastMetricValues(null);
        assertThat(metricValue(last, "records:COUNT_RECORDS")).isEqualTo("2");
        assertThat(metricValue(last, "basic:COUNT_COLUMNS")).isEqualTo("4");
        assertThat(last.path("metrics").findValues("lastValues").get(0).get(0).path("partition").asText()).isEqualTo("NP");

        JsonNode all = orders.computeMetrics("", null, null);
        assertThat(all.path("partition").asText()).isEqualTo("NP");
        assertThat(computedValue(all, "records:COUNT_RECORDS")).isEqualTo("2");
        assertThat(computedValue(all, "basic:COUNT_COLUMNS")).isEqualTo("4");

        JsonNode some = orders.computeMetrics("", List.of("records:COUNT_RECORDS"), null);
        assertThat(some.path("computed")).hasSize(1);
        assertThat(computedValue(some, "records:COUNT_RECORDS")).isEqualTo("2");

        // one more file: the metrics follow the data
        orders.uploadedAddFile(new ByteArrayInputStream("id,price,ok,label\n3,1.0,true,more\n".getBytes(StandardCharsets.UTF_8)),
                "more.csv");
        assertThat(computedValue(orders.computeMetrics("", List.of("records:COUNT_RECORDS"), null), "records:COUNT_RECORDS"))
                .isEqualTo("3");
        assertThat(metricValue(orders.getLastMetricValues("NP"), "records:COUNT_RECORDS")).isEqualTo("3");

        // each computation is kept: 2 records, then 2 (ids), then 3 after the new file
        List<String> history = new ArrayList<>();
        orders.getMetricHistory("records:COUNT_RECORDS", null).path("values").forEach(v -> history.add(v.path("value").asText()));
        assertThat(history).containsExactly("2", "2", "3");
        assertThat(orders.getMetricHistory("records:COUNT_RECORDS", "NP").path("lastValue").path("value").asText()).isEqualTo("3");
        assertThatThrownBy(() -> orders.getMetricHistory("no:SUCH_METRIC", null))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("metricLookup"));

        JsonNode checks = orders.runChecks("", null);
        assertThat(checks.path("partition").asText()).isEqualTo("NP");
        assertThat(checks.path("results").isArray()).isTrue();
        assertThat(checks.path("results")).isEmpty(); // the dataset defines no check
        assertThatThrownBy(() -> orders.runChecks("", List.of("no_such_check")))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
        assertThatThrownBy(() -> orders.computeMetrics("", List.of("no:SUCH_METRIC"), null))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
    }

    private static String metricValue(JsonNode computedMetrics, String metricId) {
        for (JsonNode m : computedMetrics.path("metrics")) {
            if (m.path("metric").path("id").asText().equals(metricId)) {
                return m.path("lastValues").path(0).path("value").asText(null);
            }
        }
        throw new AssertionError("No metric " + metricId + " in " + computedMetrics);
    }

    private static String computedValue(JsonNode report, String metricId) {
        for (JsonNode v : report.path("computed")) {
            if (v.path("metricId").asText().equals(metricId)) {
                return v.path("value").asText(null);
            }
        }
        throw new AssertionError("No computed value of " + metricId + " in " + report);
    }

    @Test
    void deletingAnUploadedFileRemovesItAndItsRows() {
        DSSDataset orders = uploadedOrders();
        orders.uploadedAddFile(new ByteArrayInputStream("id,price,ok,label\n3,1.0,true,more\n".getBytes(StandardCharsets.UTF_8)),
                "more.csv");
        assertThat(orders.uploadedListFiles()).extracting(f -> f.getPath())
                .containsExactlyInAnyOrder("/orders.csv", "/more.csv");

        orders.uploadedDeleteFile("orders.csv");

        assertThat(orders.uploadedListFiles()).extracting(f -> f.getPath()).containsExactly("/more.csv");
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = orders.iterRows()) {
            stream.forEach(rows::add);
        }
        assertThat(rows).containsExactly(Arrays.asList(3L, 1.0, true, "more"));
        assertThatThrownBy(() -> orders.uploadedDeleteFile("orders.csv"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void abortedJobEndsAborted() throws Exception {
        // a gzipped file of 6 million rows (about 50 KB on the wire): reading it all takes the build a second or
        // more, far longer than the abort takes to arrive
        DSSDataset big = project.createDataset("big", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        byte[] block = "7,row\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("n,label\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 60; i++) {
                out.write(block);
            }
        }
        big.uploadedAddFile(new ByteArrayInputStream(gz.toByteArray()), "big.csv.gz");

        DSSJob job = project.newJob().withOutput("big", null, null, null).start();
        JsonNode answer = job.abort();
        assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();

        assertThat(job.waitForCompletion(Duration.ofSeconds(60), true)).isEqualTo("ABORTED");
        assertThat(job.getStatus().path("globalState").path("done").asInt()).isZero();
        assertThat(job.getLog()).contains("Abort requested");
        assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getMessage()).contains("ABORTED"));

        // aborting a finished job is answered, and changes nothing
        JsonNode again = job.abort();
        assertThat(again.path("success").asBoolean(true)).isFalse();
        assertThat(job.getState()).isEqualTo("ABORTED");
    }
    @Test
    void autodetectAfterAnUploadFindsTheFormatAndTheSchema() {
        DSSDataset people = project.createDataset("people", "UploadedFiles", null, null, null);
        people.uploadedAddFile(new ByteArrayInputStream("name\tage\tvip\nAda\t36\ttrue\n'Bob'\t41\tfalse\n"
                .getBytes(StandardCharsets.UTF_8)), "people.tsv");

        JsonNode result = people.testAndDetect(false).waitForResult(Duration.ofSeconds(30));
        assertThat(result.path("format").path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("format").path("schemaDetection").path("newSchema").path("columns").toString())
                .as("without inferStorageTypes every column is a string").doesNotContain("bigint");

        DSSDatasetSettings settings = people.autodetectSettings(true);
        assertThat(settings.getRaw().path("formatType").asText()).isEqualTo("csv");
        assertThat(settings.getRaw().path("formatParams").path("separator").asText()).isEqualTo("\t");
        assertThat(settings.getRaw().path("formatParams").path("parseHeaderRow").asBoolean()).isTrue();
        settings.save();
        assertThat(people.getSchema().path("columns").toString())
                .contains("{\"name\":\"name\",\"type\":\"string\"}").contains("{\"name\":\"age\",\"type\":\"bigint\"}")
                .contains("{\"name\":\"vip\",\"type\":\"boolean\"}");
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = people.iterRows()) {
            stream.forEach(rows::add);
        }
        assertThat(rows).containsExactly(Arrays.asList("Ada", 36L, true), Arrays.asList("'Bob'", 41L, false));

        DSSDataset empty = project.createDataset("nothing_yet", "UploadedFiles", null, null, null);
        assertThatThrownBy(() -> empty.autodetectSettings(false))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getMessage()).contains("no file"));
    }

    @Test
    void copyToAnotherDatasetInItsFormat() {
        DSSDataset orders = uploadedOrders();
        DSSDataset copy = project.createDataset("orders_copy", "UploadedFiles", null, "csv",
                Map.of("separator", ";", "style", "excel", "parseHeaderRow", false));

        JsonNode result = orders.copyTo(copy, true, "OVERWRITE").waitForResult(Duration.ofSeconds(30));
        assertThat(result.path("copiedRows").asLong()).isEqualTo(2);
        assertThat(copy.getSchema().path("columns")).hasSize(4);
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = copy.iterRows()) {
            stream.forEach(rows::add);
        }
        assertThat(rows).containsExactly(Arrays.asList(1L, 9.5, true, "plain"), Arrays.asList(2L, null, false, "with, comma"));

        orders.copyTo(copy, false, "APPEND").waitForResult(Duration.ofSeconds(30));
        assertThat(copy.uploadedListFiles()).hasSize(2);
        orders.copyTo(copy, false, "OVERWRITE").waitForResult(Duration.ofSeconds(30));
        assertThat(copy.uploadedListFiles()).hasSize(1);
        assertThatThrownBy(() -> orders.copyTo(orders, true, "APPEND"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("itself"));
    }

    @Test
    void theSchemaOfAnSqlDatasetIsReadFromItsTable() {
        DSSDataset customers = project.createDataset("customers", "H2", Map.of("connection", "demo_sql", "mode", "table",
                "table", "customers"), null, null);
        DSSDatasetSettings settings = customers.autodetectSettings(false);
        assertThat(settings.getRaw().path("schema").path("columns").toString()).contains("{\"name\":\"ID\",\"type\":\"int\"}")
                .contains("\"name\":\"NAME\",\"type\":\"string\"");
        settings.save();
        assertThat(customers.getSchema().path("columns").size()).isGreaterThan(1);

        DSSDataset missing = project.createDataset("nothing_there", "H2", Map.of("connection", "demo_sql", "mode", "table",
                "table", "no_such_table"), null, null);
        assertThatThrownBy(missing::testAndDetectSql)
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getDetailedMessage()).contains("no_such_table"));
        assertThatThrownBy(() -> uploadedOrders().testAndDetectSql())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
    }

    @Test
    void managedDatasetInfoAndUsages() {
        DSSDataset copy = project.newManagedDataset("orders_copy").withStoreInto("filesystem_managed").create(false);
        JsonNode info = copy.getInfo();
        assertThat(info.path("dataset").path("managed").asBoolean()).isTrue();
        assertThat(info.path("dataset").path("type").asText()).isEqualTo("Filesystem");
        assertThat(info.has("lastBuild")).as("never built").isFalse();
        assertThat(copy.getUsages()).isEmpty();

        DSSJob job = copy.build(null, null, true, true, Duration.ofSeconds(60));
        JsonNode built = copy.getInfo().path("lastBuild");
        assertThat(built.path("jobId").asText()).isEqualTo(job.getId());
        assertThat(built.path("buildEndTime").asLong()).isGreaterThanOrEqualTo(built.path("buildStartTime").asLong());

        assertThatThrownBy(() -> project.newManagedDataset("orders_copy").withStoreInto("filesystem_managed").create(false))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));
        DSSDataset replaced = project.newManagedDataset("orders_copy").withStoreInto("filesystem_managed").create(true);
        assertThat(replaced.getInfo().has("lastBuild")).isFalse();
        assertThatThrownBy(() -> project.newManagedDataset("elsewhere").withStoreInto("no_such_connection").create(false))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }
}
