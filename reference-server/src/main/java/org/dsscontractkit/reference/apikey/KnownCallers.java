package org.dsscontractkit.reference.apikey;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Secrets;

/**
 * The callers resolved from key secrets since the store last changed. Resolving a key reads the key, its user, and
 * the user's groups: four queries on every request, a quarter of the CPU of a {@code GET /projects/}. An answer stays
 * valid while no write transaction ran (any write may have revoked a key, disabled a user or changed a group) and for
 * at most {@link #MAX_AGE_NANOS}, which bounds how long a change made by another process sharing the PostgreSQL
 * database goes unseen. Unknown keys are not remembered: a flood of random keys cannot grow the map.
 */
final class KnownCallers {
    static final long MAX_AGE_NANOS = 1_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Known(Caller caller, long generation, long resolvedAt) {}

    private final ConcurrentHashMap<String, Known> bySecretHash = new ConcurrentHashMap<>();
    private final LongSupplier writeGeneration;
    private final LongSupplier clock;

    KnownCallers(LongSupplier writeGeneration, LongSupplier clock) {
        this.writeGeneration = writeGeneration;
        this.clock = clock;
    }

    Optional<Caller> resolve(String secret, Supplier<Optional<Caller>> fromStore) {
        String hash = Secrets.sha256(secret);
        long generation = writeGeneration.getAsLong();
        long now = clock.getAsLong();
        Known known = bySecretHash.get(hash);
        if (known != null && known.generation() == generation && now - known.resolvedAt() < MAX_AGE_NANOS) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = fromStore.get();
        if (caller.isEmpty()) {
            bySecretHash.remove(hash);
        } else {
            if (bySecretHash.size() >= MAX_ENTRIES) bySecretHash.clear();
            // the generation read before the lookup: a write that ran meanwhile makes the entry stale at once
            bySecretHash.put(hash, new Known(caller.get(), generation, now));
        }
        return caller;
    }
}
