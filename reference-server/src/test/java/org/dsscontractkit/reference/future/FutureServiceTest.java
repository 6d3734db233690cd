package org.dsscontractkit.reference.future;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dsscontractkit.reference.auth.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FutureServiceTest {

    private static final Caller ADMIN = new Caller("admin", "k", "GLOBAL", Set.of(), true, true);

    private final FutureService futures = new FutureService();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        futures.close();
    }

    private Supplier<JsonNode> blocking(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return TextNode.valueOf("done");
        };
    }

    @Test
    void aTaskAbortedWhileQueuedEndsAbortedAndNeverRuns() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        String first = futures.submit(ADMIN, "t", "first", blocking(bothRunning));
        String second = futures.submit(ADMIN, "t", "second", blocking(bothRunning));
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("the two workers are busy").isTrue();
        AtomicBoolean ran = new AtomicBoolean();
        String queued = futures.submit(ADMIN, "t", "queued", () -> {
            ran.set(true);
            return TextNode.valueOf("queued ran");
        });

        futures.abort(ADMIN, queued);

        JsonNode state = futures.state(ADMIN, queued);
        assertThat(state.get("alive").asBoolean()).isFalse();
        assertThat(state.get("aborted").asBoolean()).isTrue();
        assertThat(state.get("hasResult").asBoolean()).isFalse();
        assertThat(state.has("endTime")).isTrue();
        assertThat(futures.list(ADMIN, true, true, true)).extracting(s -> s.get("jobId").asText())
                .containsExactlyInAnyOrder(first, second);

        release.countDown();
        assertThat(futures.await(first, 10_000).get("result").asText()).isEqualTo("done");
        assertThat(futures.await(second, 10_000).get("hasResult").asBoolean()).isTrue();
        Thread.sleep(100); // the freed workers would have picked the queued task up by now
        assertThat(ran).isFalse();
        assertThat(futures.state(ADMIN, queued).get("alive").asBoolean()).isFalse();
    }

    @Test
    void aRunningTaskAbortedIsInterruptedAndEndsAborted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        String id = futures.submit(ADMIN, "t", "running", blocking(running));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        futures.abort(ADMIN, id);

        JsonNode state = futures.await(id, 10_000);
        for (int i = 0; i < 100 && state.get("alive").asBoolean(); i++) {
            Thread.sleep(50);
            state = futures.state(ADMIN, id);
        }
        assertThat(state.get("alive").asBoolean()).isFalse();
        assertThat(state.get("aborted").asBoolean()).isTrue();
        assertThat(state.get("hasResult").asBoolean()).isFalse();
    }
}
