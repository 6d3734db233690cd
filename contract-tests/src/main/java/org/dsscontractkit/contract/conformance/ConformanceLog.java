package org.dsscontractkit.contract.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsscontractkit.contract.SpecOperation;
import org.dsscontractkit.contract.Violation;

/** Every exchange of the run, and for operations not reached, why (the first reason the walk gave). */
public final class ConformanceLog {

    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<SpecOperation, String> notReached = new LinkedHashMap<>();

    void add(Exchange exchange) {
        exchanges.add(exchange);
    }

    /** Notes why an operation could not be called (or not successfully); kept only while it is not reached. */
    void notReached(SpecOperation operation, String reason) {
        notReached.putIfAbsent(operation, reason);
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public boolean called(SpecOperation operation) {
        return exchanges.stream().anyMatch(e -> operation.equals(e.operation()));
    }

    public boolean reached(SpecOperation operation) {
        return exchanges.stream().anyMatch(e -> operation.equals(e.operation()) && e.reached());
    }

    /** Why the operation was not reached: the walk's reason, else the last answer it got. */
    public Optional<String> whyNotReached(SpecOperation operation) {
        if (reached(operation)) {
            return Optional.empty();
        }
        String reason = notReached.get(operation);
        if (reason != null) {
            return Optional.of(reason);
        }
        return exchanges.stream().filter(e -> operation.equals(e.operation())).reduce((a, b) -> b)
                .map(e -> e.status() == 0 ? "no answer: " + e.note() : "answered " + e.status()
                        + (e.note() == null ? "" : ": " + e.note()));
    }

    public List<Violation> violations() {
        return exchanges.stream().flatMap(e -> e.violations().stream()).toList();
    }

    /** Violations of one operation (by the operation the call was meant for). */
    public List<Violation> violations(SpecOperation operation) {
        return exchanges.stream().filter(e -> operation.equals(e.operation()))
                .flatMap(e -> e.violations().stream()).toList();
    }
}
