package org.dsscontractkit.apiconnect.transport;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.dsscontractkit.apiconnect.pagination.HttpStatusException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitAndRetryTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer().on("/ok", (r, i) -> Reply.json("[{\"i\": " + i + "}]"));

    @AfterEach
    void stop() { server.close(); }

    private ApiConnect api(String yaml, Integer retries) {
        return Fixtures.api(Fixtures.write(dir, "p.yaml", yaml),
                ApiConnect.Options.defaults().withMaxRetries(retries), Set.of());
    }

    @Test
    void rateLimitSpacesRequestStartsAcrossConcurrentWorkers() throws Exception {
        // 600 requests/minute = one start every 100 ms, whatever the number of threads. A start is taken when the
        // transport sends (after the limiter); scheduling delays only make timestamps later, so the k-th start
        // can never be earlier than k periods after the test began: the check holds on a loaded machine.
        List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApiConnect api = Fixtures.api(Fixtures.write(dir, "p.yaml", "endpoint: {url: '%s', requestsPerMinute: 600}".formatted(server.url("/ok"))),
                ApiConnect.Options.defaults().withMaxRetries(0).withLog(line -> {
                    if (line.startsWith("GET ")) starts.add(System.nanoTime());
                }), Set.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < 8; i++) calls.add(pool.submit(() -> api.transport().send(api.render(api.variables(Map.of())))));
        for (Future<?> f : calls) f.get();
        pool.shutdown();
        List<Long> sorted = starts.stream().sorted().toList();
        assertThat(sorted).hasSize(8);
        assertThat(server.requests()).hasSize(8);
        for (int k = 0; k < sorted.size(); k++) {
            assertThat((sorted.get(k) - begin) / 1e6).as("start %d in ms after the first call was submitted", k).isGreaterThanOrEqualTo(k * 100 - 2.0);
        }
        // and no needless waiting: 7 periods plus (generous) scheduling slack
        assertThat((sorted.get(7) - begin) / 1e6).isLessThan(5000);
    }

    @Test
    void startsAreSpacedFromTheFirstRequestEvenWhenItIsSlowToLeave() throws Exception {
        // The first request waits 1.2 s for its OAuth token after being let through, as a cold HttpClient waits for
        // its classes: the next starts must still be a full interval (0.5 s) after the first one really started,
        // not bunched behind it (the two requests let through meanwhile used to start with it). Start times are taken by the server; the check (no two starts closer than 80% of the
        // interval) can only fail by bunching, however slow the machine.
        server.on("/token", (r, i) -> {
            sleep(1200);
            return Reply.json("{\"access_token\": \"at\", \"expires_in\": 3600}");
        });
        ApiConnect api = Fixtures.api(Fixtures.write(dir, "p.yaml", """
                auth: {type: oauth2_client_credentials, oauth2: {tokenUrl: '%s', clientId: app, clientSecret: s}}
                endpoint: {url: '%s', requestsPerMinute: 120}
                """.formatted(server.url("/token"), server.url("/ok"))),
                ApiConnect.Options.defaults().withMaxRetries(0), Set.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) calls.add(pool.submit(() -> api.transport().send(api.render(api.variables(Map.of())))));
        for (Future<?> f : calls) f.get();
        pool.shutdown();
        List<Long> starts = server.requests("/ok").stream().map(TestServer.Recorded::nanos).sorted().toList();
        assertThat(starts).hasSize(5);
        for (int k = 1; k < starts.size(); k++) {
            assertThat((starts.get(k) - starts.get(k - 1)) / 1e6).as("gap before start %d, ms", k).isGreaterThanOrEqualTo(0.8 * 500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void limiterSpacesAcquisitionsAndUnlimitedDoesNotWait() {
        RateLimiter limiter = new RateLimiter(1200); // 50 ms
        long begin = System.nanoTime();
        for (int i = 0; i < 5; i++) limiter.acquire().finished();
        assertThat((System.nanoTime() - begin) / 1e6).isGreaterThanOrEqualTo(4 * 50 - 2.0);
        long free = System.nanoTime();
        RateLimiter none = RateLimiter.unlimited();
        for (int i = 0; i < 1000; i++) none.acquire().finished();
        assertThat((System.nanoTime() - free) / 1e6).isLessThan(4 * 50);
    }

    @Test
    void retriesOn429HonouringRetryAfterSeconds() {
        server.on("/busy", (r, i) -> i == 0
                ? new Reply(429, Map.of("Retry-After", "1"), "slow down")
                : Reply.json("[{\"done\": true}]"));
        ApiConnect api = api("endpoint: {url: '%s', retry: {maxRetries: 2, initialBackoffMillis: 10}}".formatted(server.url("/busy")), null);
        ApiResponse response = api.transport().send(api.render(api.variables(Map.of())));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(2);
        List<TestServer.Recorded> calls = server.requests("/busy");
        assertThat((calls.get(1).nanos() - calls.get(0).nanos()) / 1e6).isBetween(950.0, 5000.0);
    }

    @Test
    void retriesOn503WithExponentialBackoffThenReportsTheLastError() {
        server.on("/down", (r, i) -> Reply.status(503, "{\"error\": \"down " + i + "\"}"));
        ApiConnect api = api("endpoint: {url: '%s', retry: {maxRetries: 2, initialBackoffMillis: 100}}".formatted(server.url("/down")), null);
        assertThatThrownBy(() -> Fixtures.fetch(api, false)).isInstanceOf(HttpStatusException.class)
                .hasMessage("Error 503: {\"error\": \"down 2\"}");
        List<TestServer.Recorded> calls = server.requests("/down");
        assertThat(calls).hasSize(3);
        double gap1 = (calls.get(1).nanos() - calls.get(0).nanos()) / 1e6;
        double gap2 = (calls.get(2).nanos() - calls.get(1).nanos()) / 1e6;
        assertThat(gap1).isBetween(90.0, 2000.0);
        assertThat(gap2).isGreaterThan(190.0);
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.on("/bad", (r, i) -> Reply.status(400, "{}"));
        ApiConnect api = api("endpoint: {url: '%s'}".formatted(server.url("/bad")), 3);
        assertThat(api.transport().send(api.render(api.variables(Map.of()))).status()).isEqualTo(400);
        assertThat(server.requests("/bad")).hasSize(1);
    }

    @Test
    void retryAfterAsHttpDateIsUnderstood() {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30));
        assertThat(RetryPolicy.retryAfterMillis(date)).isBetween(28_000L, 30_000L);
        assertThat(RetryPolicy.retryAfterMillis("2")).isEqualTo(2000L);
        assertThat(RetryPolicy.retryAfterMillis("soon")).isNull();
    }

    @Test
    void timeoutAndConnectionFailuresBecomeTransportErrors() throws Exception {
        server.on("/slow", (r, i) -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json("[]");
        });
        ApiConnect api = api("endpoint: {url: '%s', timeoutSeconds: 1}".formatted(server.url("/slow")), 0);
        assertThatThrownBy(() -> api.transport().send(api.render(api.variables(Map.of()))))
                .isInstanceOf(TransportException.class).hasMessageContaining("timed out");
        int closedPort = TestServer.closedPort();
        ApiConnect refused = api("endpoint: {url: 'http://127.0.0.1:%d/x'}".formatted(closedPort), 0);
        assertThatThrownBy(() -> refused.transport().send(refused.render(refused.variables(Map.of()))))
                .isInstanceOf(TransportException.class).hasMessageContaining("connection failed");
    }
}
