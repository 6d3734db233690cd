package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlAndLookupIT {

    static final String SQL = "/public/api/v1/sql_svc/simple_filter";
    static final String LOOKUP = "/public/api/v1/lookup_svc/passenger_info";

    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Map.of("policies_svc.yaml", """
                serviceId: policies_svc
                endpoints:
                  - {id: first, type: DATASET_LOOKUP, dataset: customers, keys: [customer_id], onMultipleMatches: KEEP_FIRST}
                  - {id: empty, type: DATASET_LOOKUP, dataset: customers, keys: [customer_id], onMultipleMatches: EMPTY}
                  - {id: strict, type: DATASET_LOOKUP, dataset: customers, keys: [customer_id], onMultipleMatches: ERROR}
                  - {id: nodata, type: DATASET_LOOKUP, dataset: no_such_dataset, keys: [id]}
                  - id: by_sex
                    type: SQL_QUERY
                    connection: demo
                    query: SELECT COUNT(*) AS "n" FROM "passengers" WHERE "Sex" = ? AND "Age" >= ?
                    parameters: [{name: sex, type: STRING}, {name: min_age, type: DOUBLE}]
                  - {id: all, type: SQL_QUERY, connection: demo, query: 'SELECT "Name" FROM "passengers" WHERE "Name" LIKE ''%?%'' ORDER BY 1'}
                  - {id: broken_conn, type: SQL_QUERY, connection: nowhere, query: SELECT 1}
                """));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void postQueryAnswersTheSeedShape() {
        Answer a = node.http.post(SQL + "/query", "{\"param1\": 60, \"param2\": \"female\"}");
        assertThat(a.status()).isEqualTo(200);
        JsonNode result = a.json().at("/results/0");
        assertThat(result.get("columns")).hasSize(4);
        assertThat(result.at("/columns/0/name").asText()).isEqualTo("PassengerId");
        assertThat(result.at("/columns/0/type").asText()).isEqualTo("bigint");
        assertThat(result.at("/columns/2/type").asText()).isEqualTo("double precision");
        assertThat(result.get("rows")).hasSize(3);
        assertThat(result.at("/rows/0/0").asText()).isEqualTo("276");
        assertThat(result.at("/rows/0/0").isTextual()).isTrue();
        assertThat(result.at("/rows/0/1").asText()).isEqualTo("Andrews, Miss. Kornelia Theodosia");
        assertThat(result.at("/rows/0/2").asText()).isEqualTo("63.0");
        assertThat(result.at("/rows/2/1").asText()).isEqualTo("Stone, Mrs. George Nelson (Martha Evelyn)");
        assertThat(result.get("updatedRows").asInt()).isZero();
        assertThat(a.text("/apiContext/endpointId")).isEqualTo("simple_filter");
        assertThat(a.json().at("/timing/execution").isIntegralNumber()).isTrue();
    }

    @Test
    void getQueryBindsStringParametersAndFilters() {
        Answer a = node.http.get(SQL + "/query/?param1=60&param2=male");
        assertThat(a.status()).isEqualTo(200);
        JsonNode rows = a.json().at("/results/0/rows");
        assertThat(rows.size()).isGreaterThanOrEqualTo(4);
        rows.forEach(r -> assertThat(Double.parseDouble(r.get(2).asText())).isGreaterThan(60));
    }

    @Test
    void parameterCountMismatchIs400() {
        Answer none = node.http.post(SQL + "/query", null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text("/code")).isEqualTo("ERR_SQL_PARAMETER_COUNT_MISMATCH");
        assertThat(none.text("/message")).contains("param1").contains("param2");
        Answer extra = node.http.post(SQL + "/query", "{\"param1\": 1, \"param2\": \"x\", \"param3\": 2}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.text("/field")).isEqualTo("param3");
        assertThat(node.http.post(SQL + "/query", "{\"param1\": [1], \"param2\": \"x\"}").status()).isEqualTo(400);
        assertThat(node.http.post(SQL + "/query", "{\"param1\": \"old\", \"param2\": \"female\"}").status()).isEqualTo(400);
    }

    @Test
    void declaredParameterNamesAndTypes() {
        Answer a = node.http.post("/public/api/v1/policies_svc/by_sex/query", "{\"sex\": \"female\", \"min_age\": \"58\"}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/results/0/rows/0/0").asText()).isEqualTo("7");
        Answer bad = node.http.post("/public/api/v1/policies_svc/by_sex/query", "{\"sex\": \"female\", \"min_age\": \"old\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/message")).contains("min_age").contains("DOUBLE");
        // a ? inside a string literal is not a placeholder
        assertThat(node.http.post("/public/api/v1/policies_svc/all/query", null).status()).isEqualTo(200);
        Answer conn = node.http.post("/public/api/v1/policies_svc/broken_conn/query", null);
        assertThat(conn.status()).isEqualTo(503);
        assertThat(conn.text("/message")).contains("nowhere");
    }

    @Test
    void lookupFindsTheSeedPassenger() {
        Answer a = node.http.post(LOOKUP + "/lookup", "{\"data\": {\"PassengerId\": 42}}");
        assertThat(a.status()).isEqualTo(200);
        JsonNode data = a.json().at("/results/0/data");
        assertThat(data.get("PassengerId").asText()).isEqualTo("42");
        assertThat(data.get("Name").asText()).isEqualTo("Turpin, Mrs. William John Robert (Dorothy Ann Wonnacott)");
        assertThat(data.get("Age").isIntegralNumber()).isTrue();
        assertThat(data.get("Age").asInt()).isEqualTo(27);
        assertThat(data.get("Fare").asInt()).isEqualTo(21);
        assertThat(a.json().at("/results/0/ignored").asBoolean()).isFalse();
    }

    @Test
    void lookupMultiAndSimple() {
        Answer multi = node.http.post(LOOKUP + "/lookup-multi", "{\"items\": [{\"data\": {\"PassengerId\": 42}}, {\"data\": {\"PassengerId\": \"24\"}}, {\"data\": {\"PassengerId\": 123456}}]}");
        assertThat(multi.status()).isEqualTo(200);
        JsonNode results = multi.json().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.at("/1/data/Name").asText()).isEqualTo("Sloper, Mr. William Thompson");
        assertThat(results.at("/1/data/Fare").asDouble()).isEqualTo(35.5);
        assertThat(results.at("/2/ignored").asBoolean()).isTrue();
        assertThat(results.at("/2/ignoreReason").asText()).isEqualTo("NO_MATCH");
        Answer simple = node.http.get(LOOKUP + "/lookup-simple?PassengerId=24");
        assertThat(simple.json().at("/results/0/data/Age").asInt()).isEqualTo(28);
    }

    @Test
    void missingKeysAre400() {
        Answer a = node.http.post(LOOKUP + "/lookup", "{\"data\": {\"id_key\": 42}}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("/field")).isEqualTo("data.PassengerId");
        assertThat(node.http.post(LOOKUP + "/lookup", null).status()).isEqualTo(400);
        assertThat(node.http.post(LOOKUP + "/lookup-multi", "{\"items\": [{\"nodata\": 1}]}").status()).isEqualTo(400);
        assertThat(node.http.get(LOOKUP + "/lookup-simple").status()).isEqualTo(400);
        assertThat(node.http.post(LOOKUP + "/lookup", "{\"data\": {\"PassengerId\": \"not a number\"}}").json().at("/results/0/ignoreReason").asText())
                .isEqualTo("NO_MATCH");
    }

    @Test
    void multipleMatchPolicies() {
        String body = "{\"data\": {\"customer_id\": 9999}}";
        Answer first = node.http.post("/public/api/v1/policies_svc/first/lookup", body);
        assertThat(first.json().at("/results/0/ignored").asBoolean()).isFalse();
        assertThat(first.json().at("/results/0/data/country").asText()).isIn("FR", "US");
        Answer empty = node.http.post("/public/api/v1/policies_svc/empty/lookup", body);
        assertThat(empty.json().at("/results/0/ignored").asBoolean()).isTrue();
        assertThat(empty.json().at("/results/0/ignoreReason").asText()).isEqualTo("MULTIPLE_LOOKUP_MATCHES");
        assertThat(empty.json().at("/results/0/data/country").isMissingNode()).isTrue();
        Answer strict = node.http.post("/public/api/v1/policies_svc/strict/lookup", body);
        assertThat(strict.status()).isEqualTo(409);
        assertThat(strict.text("/code")).isEqualTo("ERR_MULTIPLE_LOOKUP_MATCHES");
        assertThat(node.http.post("/public/api/v1/policies_svc/strict/lookup", "{\"data\": {\"customer_id\": 2136}}").status()).isEqualTo(200);
        assertThat(node.http.post("/public/api/v1/policies_svc/nodata/lookup", "{\"data\": {\"id\": 1}}").status()).isEqualTo(503);
    }
}
