package org.dsscontractkit.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.future.WaitTimeoutException;
import org.dsscontractkit.client.support.DssStubTest;
import org.junit.jupiter.api.Test;

class DSSJobTest extends DssStubTest {

    private static final String J = BASE + "/projects/PK/jobs/j1";

    private DSSJob job() {
        return client.getProject("PK").getJob("j1");
    }

    @Test
    void statusHasATrailingSlashLogIsTextAbortIsPost() {
        stub.on("GET", J + "/", 200, "{\"baseStatus\":{\"state\":\"RUNNING\"}}")
                .on("GET", J + "/log", 200, "[INFO] line one\n[INFO] line two\n")
                .on("POST", J + "/abort", 200, "{}");

        assertThat(job().getState()).isEqualTo("RUNNING");
        assertThat(job().getLog()).isEqualTo("[INFO] line one\n[INFO] line two\n");
        job().getLog("compute_sales_NP");
        job().abort();

        assertThat(stub.requests().get(1).query()).isNull();
        assertThat(stub.requests().get(2).query()).isEqualTo("activity=compute_sales_NP");
        assertThat(stub.only("POST", J + "/abort").body()).isEmpty();
    }

    @Test
    void waitForCompletionThrowsOnFailureUnlessNoFail() {
        stub.on("GET", J + "/", 200, "{\"baseStatus\":{\"state\":\"FAILED\"}}");

        assertThatThrownBy(() -> job().waitForCompletion(Duration.ofSeconds(5)))
                .isInstanceOf(DataikuException.class).hasMessageContaining("FAILED");
        assertThat(job().waitForCompletion(Duration.ofSeconds(5), true)).isEqualTo("FAILED");
    }

    @Test
    void waitForCompletionGivesUpAtTheTimeout() {
        stub.on("GET", J + "/", 200, "{\"baseStatus\":{}}");

        long start = System.nanoTime();
        assertThatThrownBy(() -> job().waitForCompletion(Duration.ofMillis(700)))
                .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("PK.j1");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(700);
        // 200, 220, 242 ms ... : a handful of polls, not a busy loop
        assertThat(stub.requests().size()).isBetween(3, 6);
    }

    @Test
    void startJobSendsTheDefinitionVerbatim() {
        stub.on("POST", BASE + "/projects/PK/jobs/", 200, "{\"id\":\"j9\"}");

        DSSJob started = client.getProject("PK").startJob(json("{'type':'RECURSIVE_BUILD','outputs':[{'id':'x'}],'extra':1}"));

        assertThat(started.getId()).isEqualTo("j9");
        assertThat(stub.last().json()).isEqualTo(json("{'type':'RECURSIVE_BUILD','outputs':[{'id':'x'}],'extra':1}"));
    }
}
