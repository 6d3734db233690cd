package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.rows.RowStream;
import org.dsscontractkit.client.sql.DSSSQLQuery;
import org.junit.jupiter.api.Test;

class SqlAndFutureHandlesIT extends ReferenceServerIT {

    @Test
    void sqlQueryOnTheDemoDatabase() {
        DSSSQLQuery query = client.sqlQuery("SELECT id, name, vip FROM customers ORDER BY id", "demo_sql");

        assertThat(query.getSchema()).hasSize(3);
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = query.iterRows()) {
            stream.forEach(rows::add);
        }
        query.verify();

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).get(1)).isEqualTo("Ada Lovelace");
        assertThat(rows.get(4).get(1)).isEqualTo("Marie \"Tab\"\tCurie");
    }

    @Test
    void asynchronousProjectDeletionIsAFuture() {
        String key = uniqueKey("IT_FUT");
        client.createProject(key, "Future", "admin");

        var future = client.getProject(key).delete(false, false, true, false);
        future.waitForResult(java.time.Duration.ofSeconds(30));

        assertThat(client.listProjectKeys()).doesNotContain(key);
        assertThat(client.listFutures(true).isArray()).isTrue();
        assertThat(client.listRunningScenarios(false).isArray()).isTrue();
    }
}
