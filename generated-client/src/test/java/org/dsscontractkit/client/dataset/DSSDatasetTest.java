package org.dsscontractkit.client.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.rows.RowStream;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

class DSSDatasetTest extends DssStubTest {

    private static final String D = BASE + "/projects/PK/datasets/sales";
    private static final String SCHEMA = "{\"columns\":[{\"name\":\"id\",\"type\":\"bigint\"},{\"name\":\"price\",\"type\":\"double\"},"
            + "{\"name\":\"ok\",\"type\":\"boolean\"},{\"name\":\"when\",\"type\":\"date\"},{\"name\":\"day\",\"type\":\"dateonly\"},"
            + "{\"name\":\"label\",\"type\":\"string\"}]}";

    private DSSDataset dataset() {
        return client.getProject("PK").getDataset("sales");
    }

    @Test
    void existsIsTrueOnMetadataFalseOn404AndRethrowsOtherErrors() {
        stub.on("GET", D + "/metadata", 200, "{}");
        assertThat(dataset().exists()).isTrue();

        stub.on("GET", D + "/metadata", 404, "{\"errorType\":\"com.dataiku.dip.exceptions.UnknownObjectException\",\"message\":\"no\"}");
        assertThat(dataset().exists()).isFalse();

        stub.on("GET", D + "/metadata", 401, "{\"errorType\":\"com.dataiku.dip.exceptions.UnauthorizedException\",\"message\":\"bad key\"}");
        assertThatThrownBy(() -> dataset().exists()).isInstanceOf(DataikuException.class).hasMessageContaining("bad key");
    }

    @Test
    void settingsSaveSendsBackUnknownAttributesUntouched() {
        String settings = "{\"type\":\"Filesystem\",\"name\":\"sales\",\"params\":{\"connection\":\"fs\",\"path\":\"/a\",\"vendorOnly\":{\"deep\":[1,{\"z\":true}]}},"
                + "\"schema\":{\"columns\":[{\"name\":\"id\",\"type\":\"bigint\",\"meaning\":\"Integer\"}],\"userModified\":true},"
                + "\"formatParams\":{\"separator\":\"\\t\"},\"aNewDss15Attribute\":{\"x\":[null,\"y\"]},\"versionTag\":{\"versionNumber\":3}}";
        stub.on("GET", D, 200, settings).on("PUT", D, 200, "{}");

        DSSDatasetSettings s = dataset().getSettings();
        assertThat(s.getType()).isEqualTo("Filesystem");
        s.getParams().put("path", "/b");
        s.addRawSchemaColumn("price", "double");
        s.save();

        assertThat(stub.only("PUT", D).json()).isEqualTo(json(
                "{'type':'Filesystem','name':'sales','params':{'connection':'fs','path':'/b','vendorOnly':{'deep':[1,{'z':true}]}},"
                        + "'schema':{'columns':[{'name':'id','type':'bigint','meaning':'Integer'},{'name':'price','type':'double'}],'userModified':true},"
                        + "'formatParams':{'separator':'\\t'},'aNewDss15Attribute':{'x':[null,'y']},'versionTag':{'versionNumber':3}}"));
    }

    @Test
    void schemaAndMetadata() {
        stub.on("GET", D + "/schema", 200, SCHEMA).on("PUT", D + "/schema", 200, "{\"msg\":\"ok\"}")
                .on("GET", D + "/metadata", 200, "{\"tags\":[\"a\"]}").on("PUT", D + "/metadata", 200, "{}");

        var schema = dataset().getSchema();
        assertThat(schema.path("columns")).hasSize(6);
        assertThat(dataset().setSchema(schema).path("msg").asText()).isEqualTo("ok");
        var metadata = dataset().getMetadata();
        metadata.withArray("tags").add("b");
        dataset().setMetadata(metadata);

        assertThat(stub.only("PUT", D + "/schema").json()).isEqualTo(json(SCHEMA));
        var columns = dataset().getSchemaColumns();
        assertThat(columns).extracting(c -> c.getName()).containsExactly("id", "price", "ok", "when", "day", "label");
        assertThat(columns.get(0).getType()).hasToString("bigint");
        assertThat(stub.only("PUT", D + "/metadata").json()).isEqualTo(json("{'tags':['a','b']}"));
    }

    @Test
    void iterRowsStreamsTypedRowsThenFinishesTheReadSession() {
        String tsv = "1\t9.5\ttrue\t2024-03-01T10:00:00.000Z\t2024-03-01\tplain\n"
                + "2\t\tFALSE\t\t\t\"with \"\"quotes\"\"\tand tab\"\n"
                + "x\t1e3\t\tnot-a-date\t2024-02-30\t\"multi\nline\"\n";
        stub.on("GET", D + "/data/", 200, tsv).on("GET", D + "/schema", 200, SCHEMA)
                .on("GET", D + "/finish-streaming/", 200, "");

        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = dataset().iterRows()) {
            stream.forEach(rows::add);
        }

        assertThat(rows).containsExactly(
                Arrays.asList(1L, 9.5, true, Instant.parse("2024-03-01T10:00:00Z"), LocalDate.of(2024, 3, 1), "plain"),
                Arrays.asList(2L, null, false, null, null, "with \"quotes\"\tand tab"),
                Arrays.asList(null, 1000.0, false, null, null, "multi\nline"));
        List<StubServer.Recorded> calls = stub.requests();
        assertThat(calls).extracting(StubServer.Recorded::path).containsExactly(D + "/data/", D + "/schema", D + "/finish-streaming/");
        var dataQuery = calls.get(0).queryParams();
        assertThat(dataQuery.keySet()).containsExactly("format", "readSessionId");
        assertThat(dataQuery.get("format")).containsExactly("tsv-excel-noheader");
        String session = dataQuery.get("readSessionId").get(0);
        assertThat(session).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(calls.get(2).query()).isEqualTo("readSessionId=" + session);
    }

    @Test
    void iterRowsWithPartitionsRepeatsThem() {
        stub.on("GET", D + "/data/", 200, "").on("GET", D + "/schema", 200, SCHEMA).on("GET", D + "/finish-streaming/", 200, "");

        try (RowStream rows = dataset().iterRows(List.of("2024-01", "2024-02"))) {
            assertThat(rows.hasNext()).isFalse();
        }

        assertThat(stub.requests().get(0).queryParams().get("partitions")).containsExactly("2024-01", "2024-02");
    }

    @Test
    void closingEarlySkipsTheFinishCall() {
        stub.on("GET", D + "/data/", 200, "1\t1\ttrue\t\t\ta\n2\t2\ttrue\t\t\tb\n").on("GET", D + "/schema", 200, SCHEMA)
                .on("GET", D + "/finish-streaming/", 200, "");

        try (RowStream rows = dataset().iterRows()) {
            assertThat(rows.next().get(5)).isEqualTo("a");
        }

        assertThat(stub.requests()).extracting(StubServer.Recorded::path).doesNotContain(D + "/finish-streaming/");
    }

    @Test
    void aFailureReportedAtFinishSurfacesFromTheIterator() {
        stub.on("GET", D + "/data/", 200, "1\t1\ttrue\t\t\ta\n").on("GET", D + "/schema", 200, SCHEMA)
                .on("GET", D + "/finish-streaming/", 500, "{\"errorType\":\"java.io.IOException\",\"message\":\"read failed mid-stream\"}");

        try (RowStream rows = dataset().iterRows()) {
            rows.next();
            assertThatThrownBy(rows::hasNext).isInstanceOf(DataikuException.class).hasMessage("java.io.IOException: read failed mid-stream");
        }
    }

    @Test
    void dataErrorIsThrownBeforeAnyRow() {
        stub.on("GET", D + "/data/", 403, "{\"errorType\":\"java.lang.SecurityException\",\"message\":\"no read\"}");

        assertThatThrownBy(() -> dataset().iterRows()).hasMessage("java.lang.SecurityException: no read");
    }

    @Test
    void clearDeleteAndPartitions() {
        stub.on("DELETE", D + "/data", 200, "{}").on("DELETE", D, 204, "")
                .on("GET", D + "/partitions", 200, "[\"2024-01\",\"2024-02\"]");

        dataset().clear();
        dataset().clear(List.of("2024-01"));
        dataset().delete();
        dataset().delete(true);

        assertThat(dataset().listPartitions()).containsExactly("2024-01", "2024-02");
        List<StubServer.Recorded> calls = stub.requests();
        assertThat(calls.get(0).query()).isNull();
        assertThat(calls.get(1).query()).isEqualTo("partitions=2024-01");
        assertThat(calls.get(2).query()).isEqualTo("dropData=false");
        assertThat(calls.get(3).query()).isEqualTo("dropData=true");
    }

    @Test
    void uploadIsMultipartWithOnePartNamedFile() {
        stub.on("POST", D + "/uploaded/files", 204, "").on("GET", D + "/uploaded/files", 200, "[{\"path\":\"/a.csv\",\"size\":7}]")
                .on("DELETE", D + "/uploaded/files/a.csv", 204, "");

        dataset().uploadedAddFile(new ByteArrayInputStream("a,b\n1,2".getBytes(StandardCharsets.UTF_8)), "a.csv");
        assertThat(dataset().uploadedListFiles().get(0).getSize()).isEqualTo(7L);
        dataset().uploadedDeleteFile("a.csv");

        StubServer.Recorded upload = stub.only("POST", D + "/uploaded/files");
        String contentType = upload.header("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(upload.bodyText()).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "a,b\n1,2\r\n--" + boundary + "--\r\n");
    }

    @Test
    void aLocalFileIsUploadedWithAContentLengthNotChunked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        stub.on("POST", D + "/uploaded/files", 204, "");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("b.csv"), "x,y\n3,4\n");

        dataset().uploadedAddFile(file);
        dataset().uploadedAddFile(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "s.csv");

        List<StubServer.Recorded> uploads = stub.requests();
        StubServer.Recorded fromFile = uploads.get(0);
        assertThat(fromFile.header("Transfer-Encoding")).isNull();
        assertThat(Long.parseLong(fromFile.header("Content-Length"))).isEqualTo(fromFile.body().length);
        assertThat(fromFile.bodyText()).contains("filename=\"b.csv\"", "x,y\n3,4\n");
        assertThat(uploads.get(1).header("Transfer-Encoding")).as("a stream of unknown length is sent chunked")
                .isEqualTo("chunked");
    }

    @Test
    void metricsAndChecks() {
        stub.on("GET", D + "/metrics/last/NP", 200, "{\"metrics\":[]}")
                .on("POST", D + "/actions/computeMetricsFromIds", 200, "{}")
                .on("POST", D + "/actions/computeMetrics", 200, "{}")
                .on("POST", D + "/actions/runChecks", 200, "{}");

        dataset().getLastMetricValues("");
        dataset().computeMetrics("", List.of("records:COUNT_RECORDS"), null);
        dataset().computeMetrics("p1", null, null);
        dataset().runChecks(null, List.of("c1"));

        List<StubServer.Recorded> calls = stub.requests();
        assertThat(calls.get(1).query()).isEqualTo("partition=");
        assertThat(calls.get(1).json()).isEqualTo(json("{'metricIds':['records:COUNT_RECORDS']}"));
        assertThat(calls.get(2).query()).isEqualTo("partition=p1");
        assertThat(calls.get(2).body()).isEmpty();
        assertThat(calls.get(3).json()).isEqualTo(json("['c1']"));
    }

    @Test
    void buildStartsANonRecursiveJobAndWaitsForIt() {
        AtomicInteger polls = new AtomicInteger();
        stub.on("POST", BASE + "/projects/PK/jobs/", 200, "{\"id\":\"build_1\"}")
                .on("GET", BASE + "/projects/PK/jobs/build_1/", (exchange, request) -> StubServer.send(exchange, 200,
                        polls.incrementAndGet() < 3 ? "{\"baseStatus\":{\"state\":\"RUNNING\"}}" : "{\"baseStatus\":{\"state\":\"DONE\"}}"));

        assertThat(dataset().build().getId()).isEqualTo("build_1");

        assertThat(polls.get()).isEqualTo(3);
        assertThat(stub.only("POST", BASE + "/projects/PK/jobs/").json()).isEqualTo(json("{'type':'NON_RECURSIVE_FORCED_BUILD',"
                + "'refreshHiveMetastore':false,'outputs':[{'type':null,'id':'sales','projectKey':null,'partition':null}],"
                + "'autoUpdateSchemaBeforeEachRecipeRun':false}"));
    }

    @Test
    void uploadingAMissingFileIsADataikuExceptionWithStatusZeroAndNothingIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> dataset().uploadedAddFile(missing))
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(DataikuException.NO_RESPONSE);
                    assertThat(e.getErrorType()).isEqualTo("java.io.FileNotFoundException");
                    assertThat(e.getMessage()).contains("nope.csv");
                    assertThat(e.getCause()).isInstanceOf(java.io.UncheckedIOException.class)
                            .hasCauseInstanceOf(java.io.FileNotFoundException.class);
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void rowsCanBeReadOnceASecondReadIsAnErrorNotAnEmptyResult() {
        stub.on("GET", D + "/data/", 200, "1\t9.5\ttrue\t\t\tx\n").on("GET", D + "/schema", 200, SCHEMA)
                .on("GET", D + "/finish-streaming/", 200, "");

        try (RowStream rows = dataset().iterRows()) {
            int count = 0;
            for (List<Object> row : rows) {
                count++;
            }
            assertThat(count).isEqualTo(1);
            assertThatThrownBy(() -> rows.iterator()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read once");
            assertThatThrownBy(rows::stream).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void buildWaitsAtMostTheClientsWaitLimit() {
        stub.on("POST", BASE + "/projects/PK/jobs/", 200, "{\"id\":\"build_2\"}")
                .on("GET", BASE + "/projects/PK/jobs/build_2/", 200, "{\"baseStatus\":{\"state\":\"RUNNING\"}}");
        var limited = new org.dsscontractkit.client.DSSClient(stub.url(), KEY,
                org.dsscontractkit.client.ClientOptions.builder().waitTimeout(java.time.Duration.ofMillis(500)).build());

        assertThatThrownBy(() -> limited.getProject("PK").getDataset("sales").build())
                .isInstanceOfSatisfying(org.dsscontractkit.client.future.WaitTimeoutException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(DataikuException.NO_RESPONSE);
                    assertThat(e.getMessage()).contains("PK.build_2", "PT0.5S", "ClientOptions.waitTimeout");
                });
        assertThat(org.dsscontractkit.client.ClientOptions.defaults().waitTimeout()).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void aFailedBuildIsADataikuExceptionWithTheStatusOfTheSuccessfulStatusCall() {
        stub.on("POST", BASE + "/projects/PK/jobs/", 200, "{\"id\":\"build_3\"}")
                .on("GET", BASE + "/projects/PK/jobs/build_3/", 200, "{\"baseStatus\":{\"state\":\"FAILED\"}}");

        assertThatThrownBy(() -> dataset().build())
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(200);
                    assertThat(e.getErrorType()).isEqualTo("JobFailed");
                    assertThat(e.getMessage()).isEqualTo("JobFailed: Job PK.build_3 ended in state FAILED");
                });
    }

    @Test
    void listsAreTypedItemsOrHandlesAndRawKeepsEveryAttribute() {
        stub.on("GET", BASE + "/projects/PK/datasets/", 200,
                        "[{\"projectKey\":\"PK\",\"name\":\"sales\",\"type\":\"Filesystem\",\"undocumented\":1},"
                                + "{\"projectKey\":\"OTHER\",\"name\":\"shared\"}]")
                .on("GET", D + "/uploaded/files", 200, "[{\"path\":\"/a.csv\",\"size\":7,\"checksum\":\"x\"}]");

        var datasets = client.getProject("PK").listDatasets();
        assertThat(datasets).extracting(DSSDataset::getProjectKey, DSSDataset::getName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PK", "sales"), org.assertj.core.groups.Tuple.tuple("OTHER", "shared"));
        assertThat(client.getProject("PK").listDatasetsRaw().get(0).path("undocumented").asInt()).isEqualTo(1);
        assertThat(dataset().uploadedListFiles().get(0).getPath()).isEqualTo("/a.csv");
        assertThat(dataset().uploadedListFilesRaw().get(0).path("checksum").asText()).isEqualTo("x");
    }

    @Test
    void absentOptionalBodiesAreNotSentAsNull() {
        stub.on("POST", D + "/actions/computeMetrics", 200, "{}").on("POST", D + "/actions/runChecks", 200, "{}");

        dataset().computeMetrics(null, null, null);
        dataset().runChecks(null, null);

        for (StubServer.Recorded call : stub.requests()) {
            assertThat(call.body()).as(call.toString()).isEmpty();
            assertThat(call.header("Content-Type")).as(call.toString()).isNull();
        }
        assertThatThrownBy(() -> dataset().computeMetrics("", null, json("[1]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThat(stub.requests()).hasSize(2);
    }
}
