package org.dsscontractkit.client.future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

class DSSFutureTest extends DssStubTest {

    @Test
    void stateAndPeekAndAbort() {
        stub.on("GET", BASE + "/futures/f1", 200, "{\"jobId\":\"f1\",\"hasResult\":false,\"alive\":true}")
                .on("DELETE", BASE + "/futures/f1", 204, "");
        DSSFuture future = client.getFuture("f1");

        assertThat(future.getState().path("alive").asBoolean()).isTrue();
        future.peekState();
        future.abort();

        assertThat(stub.requests().get(0).query()).isEqualTo("peek=false");
        assertThat(stub.requests().get(1).query()).isEqualTo("peek=true");
        assertThat(stub.requests().get(2).method()).isEqualTo("DELETE");
    }

    @Test
    void waitForResultPollsUntilHasResult() {
        AtomicInteger polls = new AtomicInteger();
        stub.on("GET", BASE + "/futures/f2", (exchange, request) -> StubServer.send(exchange, 200, polls.incrementAndGet() < 3
                ? "{\"hasResult\":false,\"alive\":true}" : "{\"hasResult\":true,\"result\":{\"imported\":12}}"));

        assertThat(client.getFuture("f2").waitForResult(Duration.ofSeconds(10)).path("imported").asInt()).isEqualTo(12);
        assertThat(polls.get()).isEqualTo(3);
    }

    @Test
    void waitForResultTimesOut() {
        stub.on("GET", BASE + "/futures/f3", 200, "{\"hasResult\":false}");

        assertThatThrownBy(() -> client.getFuture("f3").waitForResult(Duration.ofMillis(300)))
                .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("f3");
    }

    @Test
    void backoffGrowsByTenPercentUpToFifteenSeconds() {
        Backoff backoff = new Backoff();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(220));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(242));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            last = backoff.next();
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(15));
    }
}
