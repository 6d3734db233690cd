package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.admin.DSSPersonalApiKey;
import org.dsscontractkit.client.admin.DSSUser;
import org.dsscontractkit.client.future.DSSFuture;
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
        assertThat(client.listFuturesRaw(true).isArray()).isTrue();
        assertThat(client.listRunningScenariosRaw(false).isArray()).isTrue();
    }
    @Test
    void abortingAFutureIsAnsweredPerTheSpec() {
        String key = uniqueKey("IT_ABORT");
        client.createProject(key, "Abort", "admin");
        DSSFuture future = client.getProject(key).delete(false, false, true, false);
        assertThat(future.getId()).isNotBlank();
        JsonNode result = future.waitForResult(Duration.ofSeconds(30));
        assertThat(result.path("projectKey").asText()).isEqualTo(key);

        // the deletion is over: the abort is accepted, and the finished task keeps its result
        future.abort();
        JsonNode state = future.peekState();
        assertThat(state.path("alive").asBoolean()).isFalse();
        assertThat(state.path("aborted").asBoolean()).isFalse();
        assertThat(state.path("hasResult").asBoolean()).isTrue();
        assertThat(state.path("result").path("projectKey").asText()).isEqualTo(key);
        assertThat(client.listFutures(true)).extracting(f -> f.getJobId()).doesNotContain(future.getId());

        // another user does not see the task; an unknown one is not found
        String login = uniqueName("it_futures");
        DSSUser user = client.createUser(login, "pw-" + login, "Futures");
        DSSPersonalApiKey key2 = client.createPersonalApiKeyForUser(login, "it", "futures");
        DSSClient other = new DSSClient(ReferenceServerProcess.get().baseUrl(), key2.getKey());
        assertThatThrownBy(() -> other.getFuture(future.getId()).abort())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> client.getFuture("no_such_future").abort())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
        assertThat(future.peekState().path("hasResult").asBoolean()).isTrue();
        user.delete();
    }
}
