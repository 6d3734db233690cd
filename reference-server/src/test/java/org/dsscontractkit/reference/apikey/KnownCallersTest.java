package org.dsscontractkit.reference.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dsscontractkit.reference.auth.Caller;
import org.junit.jupiter.api.Test;

class KnownCallersTest {
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final KnownCallers callers = new KnownCallers(generation::get, clock::get);
    private final AtomicInteger lookups = new AtomicInteger();
    private Optional<Caller> stored = Optional.of(new Caller("alice", "k1", "PERSONAL", Set.of("readers"), false, false));

    private Optional<Caller> resolve(String secret) {
        return callers.resolve(secret, () -> {
            lookups.incrementAndGet();
            return stored;
        });
    }

    @Test
    void aKnownKeyIsResolvedOnceWhileNothingIsWritten() {
        assertThat(resolve("secret-1")).isEqualTo(stored);
        assertThat(resolve("secret-1")).isEqualTo(stored);
        clock.addAndGet(KnownCallers.MAX_AGE_NANOS - 1);
        assertThat(resolve("secret-1")).isEqualTo(stored);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anyWriteMakesTheNextRequestReadTheStore() {
        resolve("secret-1");
        generation.incrementAndGet();
        stored = Optional.empty(); // the write revoked the key
        assertThat(resolve("secret-1")).isEmpty();
        assertThat(resolve("secret-1")).as("a refused key is looked up every time").isEmpty();
        assertThat(lookups).hasValue(3);
    }

    @Test
    void anAnswerIsForgottenAfterItsMaximumAge() {
        resolve("secret-1");
        clock.addAndGet(KnownCallers.MAX_AGE_NANOS);
        resolve("secret-1");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void eachSecretHasItsOwnAnswer() {
        resolve("secret-1");
        stored = Optional.empty();
        assertThat(resolve("secret-2")).isEmpty();
        assertThat(resolve("secret-1")).isPresent();
        assertThat(lookups).hasValue(2);
    }
}
