package org.dsscontractkit.contract.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The outcome of a fuzz run: requests sent by status class, per operation and per mutation, the findings grouped by
 * what went wrong where (each with the indices that replay it), and what the intact check found.
 */
public final class FuzzReport {

    /** Status classes as counted: 1xx to 5xx, then requests that got no complete answer. */
    static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx", "none"};
    private static final int NONE = 5;

    private final long seed;
    private final String replayHint;
    private final AtomicLongArray byClass = new AtomicLongArray(CLASSES.length);
    private final Map<String, AtomicLongArray> byOperation = new ConcurrentHashMap<>();
    private final Map<Mutation, AtomicLongArray> byMutation = new ConcurrentHashMap<>();
    private final Map<Mutation, java.util.concurrent.atomic.AtomicLong> millisByMutation = new ConcurrentHashMap<>();
    private final java.util.concurrent.PriorityBlockingQueue<long[]> slowest =
            new java.util.concurrent.PriorityBlockingQueue<>(16, Comparator.comparingLong(a -> a[1]));
    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> declaredServerErrors = new ConcurrentLinkedQueue<>();
    private final Map<Long, String> confirmations = new ConcurrentHashMap<>();
    private final List<String> intactProblems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> operationsPerDocument = new LinkedHashMap<>();
    private volatile Duration wallTime = Duration.ZERO;
    private volatile int concurrency;
    private volatile long planned;

    FuzzReport(long seed, String replayHint) {
        this.seed = seed;
        this.replayHint = replayHint;
    }

    void record(FuzzRequest request, RawHttpClient.Outcome outcome, List<Finding> found, boolean declaredServerError) {
        int statusClass = outcome.answered() ? Math.min(Math.max(outcome.response().status() / 100, 1), 5) - 1 : NONE;
        byClass.incrementAndGet(statusClass);
        byOperation.computeIfAbsent(request.operation().operationId(), k -> new AtomicLongArray(CLASSES.length))
                .incrementAndGet(statusClass);
        byMutation.computeIfAbsent(request.mutation(), k -> new AtomicLongArray(CLASSES.length)).incrementAndGet(statusClass);
        findings.addAll(found);
        millisByMutation.computeIfAbsent(request.mutation(), k -> new java.util.concurrent.atomic.AtomicLong())
                .addAndGet(outcome.millis());
        synchronized (slowest) {
            slowest.add(new long[] {request.index(), outcome.millis()});
            if (slowest.size() > 5) {
                slowest.poll();
            }
        }
        if (declaredServerError) {
            declaredServerErrors.add("#" + request.index() + " " + request.operation().operationId() + " "
                    + outcome.response().status() + " " + ErrorBodies.errorType(outcome.response()));
        }
    }

    /** Notes what came of sending an unanswered request again alone. */
    void confirm(long index, String outcome) {
        confirmations.put(index, outcome);
    }

    /** @return what came of sending unanswered requests again alone, by index */
    public Map<Long, String> confirmations() {
        return new TreeMap<>(confirmations);
    }

    void finish(Duration wall, int connections, long requested, Map<String, Integer> operations, List<String> intact,
                List<String> runNotes) {
        this.wallTime = wall;
        this.planned = requested;
        this.concurrency = connections;
        this.operationsPerDocument.putAll(operations);
        this.intactProblems.addAll(intact);
        this.notes.addAll(runNotes);
    }

    public long seed() {
        return seed;
    }

    public long requests() {
        long total = 0;
        for (int i = 0; i < CLASSES.length; i++) {
            total += byClass.get(i);
        }
        return total;
    }

    /** @return requests per status class ("1xx" ... "5xx", "none" for no complete answer) */
    public Map<String, Long> byStatusClass() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < CLASSES.length; i++) {
            counts.put(CLASSES[i], byClass.get(i));
        }
        return counts;
    }

    /** @return requests per operation id */
    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((op, classes) -> {
            long total = 0;
            for (int i = 0; i < CLASSES.length; i++) {
                total += classes.get(i);
            }
            counts.put(op, total);
        });
        return counts;
    }

    /** @return every finding, by request index */
    public List<Finding> findings() {
        return findings.stream().sorted(Comparator.comparingLong(Finding::index)).toList();
    }

    /** @return what the intact check found wrong with the anchor resources after the run */
    public List<String> intactProblems() {
        return List.copyOf(intactProblems);
    }

    /** @return 5xx answers the document declares for their operation (e.g. a user function that raised) */
    public List<String> declaredServerErrors() {
        return List.copyOf(declaredServerErrors);
    }

    public Duration wallTime() {
        return wallTime;
    }

    /** @return whether the server passed: every request sent, no finding, and the anchors intact */
    public boolean passed() {
        return findings.isEmpty() && intactProblems.isEmpty() && requests() >= planned;
    }

    /**
     * Findings that share a cause: one problem, from one kind of request, answered the same way, on any operation.
     *
     * @param operations the operations it happened on
     */
    public record Group(Problem problem, Mutation mutation, String observed, List<String> operations, List<Finding> findings) {
    }

    /** @return the findings grouped by cause, most frequent first within each problem */
    public List<Group> groups() {
        Map<List<Object>, List<Finding>> grouped = new LinkedHashMap<>();
        for (Finding finding : findings()) {
            grouped.computeIfAbsent(List.of(finding.problem(), finding.mutation(), finding.observed()),
                    k -> new ArrayList<>()).add(finding);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((key, list) -> groups.add(new Group((Problem) key.get(0), (Mutation) key.get(1),
                (String) key.get(2), list.stream().map(Finding::operation).distinct().sorted().toList(), list)));
        groups.sort(Comparator.comparing(Group::problem)
                .thenComparing(Comparator.comparingInt((Group g) -> g.findings().size()).reversed()));
        return groups;
    }

    /** @return every finding, by index: the seed and index that replay it, the request, the answer */
    public String renderFindings() {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings()) {
            out.append(String.format("[%s] seed %d %s -> %s%n      answer: %s%s%n", finding.problem(), seed, finding.request(),
                    finding.observed(), finding.answer().replace("\n", " "), confirmation(finding)));
        }
        return out.toString();
    }

    /** @return the whole report as text */
    public String render() {
        StringBuilder out = new StringBuilder();
        long requests = requests();
        double seconds = Math.max(wallTime.toMillis(), 1) / 1000.0;
        int operations = operationsPerDocument.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format(Locale.ROOT, "Spec-driven fuzz: seed %d, %d requests over %d operations %s, %d connections,"
                        + " %.1f s (%.0f requests/s)%n", seed, requests, operations, operationsPerDocument, concurrency,
                seconds, requests / seconds));
        out.append("Status classes:");
        byStatusClass().forEach((k, v) -> out.append(' ').append(k).append(' ').append(v));
        out.append(String.format("; declared 5xx (not findings): %d%n", declaredServerErrors.size()));
        out.append("Per mutation (").append(String.join("/", CLASSES)).append(", mean ms):\n");
        for (Mutation mutation : Mutation.values()) {
            AtomicLongArray classes = byMutation.get(mutation);
            if (classes != null) {
                long n = 0;
                for (int i = 0; i < CLASSES.length; i++) {
                    n += classes.get(i);
                }
                out.append(String.format("  %-24s %-26s %5d ms%n", mutation, counts(classes),
                        millisByMutation.get(mutation).get() / Math.max(n, 1)));
            }
        }
        List<long[]> slow = new ArrayList<>(slowest);
        slow.sort(Comparator.comparingLong((long[] a) -> a[1]).reversed());
        out.append("Slowest requests:");
        slow.forEach(a -> out.append(" #").append(a[0]).append(' ').append(a[1]).append(" ms"));
        out.append('\n');
        out.append("Per operation (").append(String.join("/", CLASSES)).append("):\n");
        new TreeMap<>(byOperation).forEach((op, classes) -> out.append(String.format("  %-38s %s%n", op, counts(classes))));
        notes.forEach(note -> out.append(note).append('\n'));
        List<Group> groups = groups();
        if (groups.isEmpty()) {
            out.append("No finding.\n");
        } else {
            out.append(String.format("FINDINGS: %d findings on %d requests, in %d groups (problem, mutation, answer)%n",
                    findings.size(), findings.stream().mapToLong(Finding::index).distinct().count(), groups.size()));
            for (Group group : groups) {
                List<String> indices = group.findings().stream().limit(6).map(f -> "#" + f.index()).toList();
                out.append(String.format("  [%s] %s -> %s: %d request(s) on %d operation(s) %s, e.g. %s%n", group.problem(),
                        group.mutation(), group.observed(), group.findings().size(), group.operations().size(),
                        FuzzRequest.abbreviate(String.join(", ", group.operations()), 300), String.join(" ", indices)));
                Finding first = group.findings().get(0);
                out.append("      ").append(first.request()).append('\n');
                out.append("      answer: ").append(first.answer().replace("\n", " ")).append(confirmation(first)).append('\n');
            }
        }
        if (intactProblems.isEmpty()) {
            out.append("Intact check: passed\n");
        } else {
            out.append("INTACT CHECK FAILED:\n");
            intactProblems.forEach(problem -> out.append("  ").append(problem).append('\n'));
        }
        out.append("Replay: ").append(replayHint.replace("{seed}", String.valueOf(seed))).append('\n');
        return out.toString();
    }

    private String confirmation(Finding finding) {
        String outcome = confirmations.get(finding.index());
        return outcome == null ? "" : " [" + outcome + "]";
    }

    private static String counts(AtomicLongArray classes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < CLASSES.length; i++) {
            text.append(i == 0 ? "" : "/").append(classes.get(i));
        }
        return text.toString();
    }
}
