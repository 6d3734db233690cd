package org.dsscontractkit.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.rows.RowStream;
import org.dsscontractkit.client.support.DssStubTest;
import org.junit.jupiter.api.Test;

class DSSSQLQueryTest extends DssStubTest {

    @Test
    void startSendsEveryKeyStreamsTypedRowsAndVerifies() {
        stub.on("POST", BASE + "/sql/queries/", 200,
                        "{\"queryId\":\"q1\",\"hasResults\":true,\"schema\":[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"s\",\"type\":\"string\"}]}")
                .on("GET", BASE + "/sql/queries/q1/stream", 200, "1\ta\n2\t\"b\tc\"\n")
                .on("GET", BASE + "/sql/queries/q1/finish-streaming", 200, "");

        DSSSQLQuery query = client.sqlQuery("select n, s from t", "pg");
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = query.iterRows()) {
            stream.forEach(rows::add);
        }
        query.verify();

        assertThat(query.getQueryId()).isEqualTo("q1");
        assertThat(query.getSchema()).hasSize(2);
        assertThat(rows).containsExactly(Arrays.asList(1L, "a"), Arrays.asList(2L, "b\tc"));
        assertThat(stub.only("POST", BASE + "/sql/queries/").json()).isEqualTo(json("{'query':'select n, s from t','preQueries':null,"
                + "'postQueries':null,'connection':'pg','database':null,'datasetFullName':null,'projectKey':null,'type':'sql',"
                + "'extraConf':{},'scriptSteps':null,'scriptInputSchema':null,'scriptOutputSchema':null,'scriptReportLocation':null,"
                + "'datetimenotzReadMode':'AS_IS','dateonlyReadMode':'AS_IS','readTimestampWithoutTimezoneAsString':true,"
                + "'readDateAsString':false}"));
        assertThat(stub.only("GET", BASE + "/sql/queries/q1/stream").query()).isEqualTo("format=tsv-excel-noheader");
        assertThat(stub.only("GET", BASE + "/sql/queries/q1/finish-streaming").query()).isNull();
    }

    @Test
    void optionsOfTheSpecAreSent() {
        stub.on("POST", BASE + "/sql/queries/", 200, "{\"queryId\":\"q2\",\"schema\":[]}");

        client.sqlQuery(SqlQuerySpec.of("select 1").datasetFullName("PK.sales").type("hive").preQueries(List.of("set x=1"))
                .projectKey("PK").readDateAsString(true));

        var body = stub.last().json();
        assertThat(body.path("datasetFullName").asText()).isEqualTo("PK.sales");
        assertThat(body.path("type").asText()).isEqualTo("hive");
        assertThat(body.path("preQueries")).isEqualTo(json("['set x=1']"));
        assertThat(body.path("readDateAsString").asBoolean()).isTrue();
        assertThat(body.size()).isEqualTo(17);
    }

    @Test
    void aSchemaObjectInsteadOfAnArrayIsRejectedClearly() {
        stub.on("POST", BASE + "/sql/queries/", 200, "{\"queryId\":\"q3\",\"schema\":{\"columns\":[]}}");

        assertThatThrownBy(() -> client.sqlQuery("select 1", "pg"))
                .isInstanceOf(DataikuException.class).hasMessageContaining("no schema array");
    }

    @Test
    void verifyReportsAFailedQuery() {
        stub.on("POST", BASE + "/sql/queries/", 200, "{\"queryId\":\"q4\",\"schema\":[]}")
                .on("GET", BASE + "/sql/queries/q4/finish-streaming", 500,
                        "{\"errorType\":\"java.sql.SQLException\",\"message\":\"m\",\"detailedMessage\":\"relation t does not exist\"}");

        DSSSQLQuery query = client.sqlQuery("select * from t", "pg");

        assertThatThrownBy(query::verify).hasMessage("java.sql.SQLException: relation t does not exist");
    }
}
