package org.dsscontractkit.contract.fuzz;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded, spec-driven fuzz of one or more servers: every operation of their OpenAPI documents gets wrong-typed
 * properties and parameters, hostile path segments, malformed, deeply nested and oversized bodies, and calls without
 * or with unknown credentials. A request fails the run when it gets
 * <ul>
 *   <li>a 5xx (unless the document declares that status for the operation, e.g. the API node's "the function
 *       raised", and {@link Options#allowDeclaredServerErrors} holds),</li>
 *   <li>no complete answer (refused, dropped, reset, or none within the time limit),</li>
 *   <li>an error (4xx/5xx) whose body is not a DSSError JSON object ({@code errorType}, {@code message}),</li>
 *   <li>a 2xx without valid credentials on an operation that requires them.</li>
 * </ul>
 * After the requests, each target checks that its anchor resources are intact.
 *
 * <pre>{@code
 * try (DssFuzzTarget dss = DssFuzzTarget.setUp(URI.create("http://127.0.0.1:11200"), adminKey, OpenApiDocument.fromClasspath(OpenApiDocument.DSS_PUBLIC_API))) {
 *     FuzzReport report = new Fuzzer(List.of(dss), Fuzzer.Options.defaults().withRequests(10_000)).run();
 *     System.out.println(report.render());
 * }
 * }</pre>
 */
public final class Fuzzer {

    /** The default seed: runs are the same from one build to the next unless a seed is given. */
    public static final long DEFAULT_SEED = 18L;

    /**
     * @param seed        makes the run: the same seed, targets and documents give the same requests
     * @param requests    how many requests to send
     * @param connections how many requests are in flight at once
     * @param timeout     how long a request may take to be answered completely
     * @param budget      how long the whole run may take: past it, no new request is sent and the run is reported
     *                    incomplete (a server that stops answering would otherwise cost requests x timeout)
     * @param allowDeclaredServerErrors whether a 5xx the document declares for the operation is accepted (counted
     *                    apart), when its body is a DSSError
     * @param replayHint  how to replay one request, shown in the report; {@code {seed}} is replaced by the seed
     */
    public record Options(long seed, int requests, int connections, Duration timeout, Duration budget,
                          boolean allowDeclaredServerErrors, String replayHint) {

        public static Options defaults() {
            return new Options(DEFAULT_SEED, 10_000, 4, Duration.ofSeconds(30), Duration.ofMinutes(10), true,
                    "the same seed and the request's index replay it alone");
        }

        public Options withSeed(long value) {
            return new Options(value, requests, connections, timeout, budget, allowDeclaredServerErrors, replayHint);
        }

        public Options withRequests(int value) {
            return new Options(seed, value, connections, timeout, budget, allowDeclaredServerErrors, replayHint);
        }

        public Options withConnections(int value) {
            return new Options(seed, requests, value, timeout, budget, allowDeclaredServerErrors, replayHint);
        }

        public Options withTimeout(Duration value) {
            return new Options(seed, requests, connections, value, budget, allowDeclaredServerErrors, replayHint);
        }

        public Options withBudget(Duration value) {
            return new Options(seed, requests, connections, timeout, value, allowDeclaredServerErrors, replayHint);
        }

        public Options withAllowDeclaredServerErrors(boolean value) {
            return new Options(seed, requests, connections, timeout, budget, value, replayHint);
        }

        public Options withReplayHint(String value) {
            return new Options(seed, requests, connections, timeout, budget, allowDeclaredServerErrors, value);
        }
    }

    private final List<? extends FuzzTarget> targets;
    private final Options options;
    private final HostileRequestGenerator generator;

    public Fuzzer(List<? extends FuzzTarget> targets, Options options) {
        if (options.requests() < 0 || options.connections() < 1) {
            throw new IllegalArgumentException("requests must be >= 0 and connections >= 1, got " + options.requests()
                    + " and " + options.connections());
        }
        this.targets = List.copyOf(targets);
        this.options = options;
        this.generator = new HostileRequestGenerator(targets, options.seed());
    }

    /** @return how many operations the run cycles through (both documents' when both are fuzzed) */
    public int operationCount() {
        return generator.operations().size();
    }

    /** @return request {@code index} of this run, without sending it */
    public FuzzRequest request(long index) {
        return generator.request(index);
    }

    /** Sends every request, then runs the targets' intact checks. */
    public FuzzReport run() {
        return run(null);
    }

    /** As {@link #run()}, printing a progress line now and then. */
    public FuzzReport run(PrintWriter progress) {
        FuzzReport report = new FuzzReport(options.seed(), options.replayHint());
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + options.budget().toNanos();
        long step = Math.max(1000, options.requests() / 5);
        Map<FuzzTarget, RawHttpClient> clients = new LinkedHashMap<>();
        targets.forEach(target -> clients.put(target, new RawHttpClient(target.url(), options.timeout())));
        ExecutorService pool = Executors.newFixedThreadPool(options.connections(), r -> {
            Thread thread = new Thread(r, "fuzz");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int c = 0; c < options.connections(); c++) {
                pool.execute(() -> {
                    for (long i = next.getAndIncrement(); i < options.requests(); i = next.getAndIncrement()) {
                        if (System.nanoTime() - deadline > 0) {
                            break;
                        }
                        FuzzRequest request = generator.request(i);
                        RawHttpClient.Outcome outcome = clients.get(generator.targetOf(request)).send(request);
                        Judgement judgement = judge(request, outcome);
                        report.record(request, outcome, judgement.findings(), judgement.declaredServerError());
                        if (progress != null && (i + 1) % step == 0) {
                            progress.printf("  fuzz: %d / %d requests, %d findings so far%n", i + 1, options.requests(),
                                    report.findings().size());
                            progress.flush();
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(6, TimeUnit.HOURS)) {
                throw new IllegalStateException("the fuzz did not finish");
            }
            confirmAlone(report, clients, deadline);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzz interrupted", e);
        } finally {
            clients.values().forEach(RawHttpClient::close);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<String> intact = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (report.requests() < options.requests()) {
            notes.add(String.format("INCOMPLETE: the run's budget of %s ran out after %d of %d requests (the server"
                    + " answers too slowly, or not at all)", options.budget(), report.requests(), options.requests()));
        }
        Map<String, Integer> operations = new LinkedHashMap<>();
        for (FuzzTarget target : targets) {
            operations.merge(target.document().name().replaceFirst("^.*/", ""), target.document().operations().size(),
                    Integer::sum);
            intact.addAll(target.checkIntact());
            if (!target.describeFixtures().isEmpty()) {
                notes.add(target.describeFixtures());
            }
        }
        report.finish(wall, options.connections(), options.requests(), operations, intact, notes);
        return report;
    }

    /** How many unanswered requests are sent again alone after the run, at most (each may cost the timeout). */
    static final int CONFIRMATIONS = 5;

    /**
     * Sends a few of the unanswered requests again, one at a time, and notes whether they go unanswered alone too:
     * a request that is answered alone went unanswered because of what else the server was doing (a stall caused by
     * another request), which tells the reader where to look.
     */
    private void confirmAlone(FuzzReport report, Map<FuzzTarget, RawHttpClient> clients, long deadline) {
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        int sent = 0;
        for (Finding finding : report.findings()) {
            if (finding.problem() != Problem.NO_ANSWER || !seen.add(List.of(finding.operation(), finding.mutation()))) {
                continue;
            }
            if (sent++ >= CONFIRMATIONS || System.nanoTime() - deadline > 0) {
                return;
            }
            FuzzRequest request = generator.request(finding.index());
            RawHttpClient.Outcome alone = clients.get(generator.targetOf(request)).send(request);
            report.confirm(finding.index(), alone.answered()
                    ? "answered when sent alone: " + alone.response().status() + " in " + alone.millis() + " ms"
                    : "unanswered when sent alone too (" + alone.failure().name().toLowerCase() + ")");
        }
    }

    /** One request sent again alone: what it was, what came back, and what the fuzz makes of it. */
    public record Replay(FuzzRequest request, String answer, List<Finding> findings) {

        public String render() {
            StringBuilder out = new StringBuilder();
            out.append("Request ").append(request.summary()).append("\n\n").append(request.render(2000)).append('\n');
            out.append("Answer:\n").append(answer).append('\n');
            if (findings.isEmpty()) {
                out.append("No finding.\n");
            } else {
                findings.forEach(f -> out.append("FINDING [").append(f.problem()).append("] ").append(f.observed()).append('\n'));
            }
            return out.toString();
        }
    }

    /** Sends request {@code index} of this run alone (the targets' fixtures are the ones set up now). */
    public Replay replay(long index) {
        FuzzRequest request = generator.request(index);
        try (RawHttpClient client = new RawHttpClient(generator.targetOf(request).url(), options.timeout())) {
            RawHttpClient.Outcome outcome = client.send(request);
            String answer;
            if (outcome.answered()) {
                RawHttpClient.Response response = outcome.response();
                StringBuilder text = new StringBuilder().append(response.status()).append(' ').append(response.reason()).append('\n');
                response.headers().forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
                text.append('\n').append(FuzzRequest.abbreviate(response.bodyText(), 4000));
                answer = text.toString();
            } else {
                answer = outcome.failure() + ": " + outcome.failureDetail();
            }
            return new Replay(request, answer, judge(request, outcome).findings());
        }
    }

    record Judgement(List<Finding> findings, boolean declaredServerError) {
    }

    Judgement judge(FuzzRequest request, RawHttpClient.Outcome outcome) {
        List<Finding> findings = new ArrayList<>();
        if (!outcome.answered()) {
            findings.add(finding(request, Problem.NO_ANSWER, outcome.failure().name().toLowerCase(),
                    outcome.failureDetail() + " (" + outcome.millis() + " ms)"));
            return new Judgement(findings, false);
        }
        RawHttpClient.Response response = outcome.response();
        int status = response.status();
        String notDssError = status >= 400 ? ErrorBodies.whyNotDssError(response) : null;
        String errorType = status >= 400 && notDssError == null ? ErrorBodies.errorType(response) : null;
        String observed = status + (errorType != null ? " " + errorType : notDssError != null ? " (" + notDssError + ")" : "");
        String answer = FuzzRequest.abbreviate(new String(response.body(), 0, Math.min(response.body().length, 4096),
                java.nio.charset.StandardCharsets.UTF_8), 300);
        boolean declaredServerError = false;
        if (status >= 500) {
            if (options.allowDeclaredServerErrors() && request.operation().declares(status) && notDssError == null) {
                declaredServerError = true;
            } else {
                findings.add(finding(request, Problem.SERVER_ERROR, observed, answer));
            }
        }
        if (notDssError != null) {
            findings.add(finding(request, Problem.NON_JSON_ERROR, observed, answer));
        }
        if (status >= 200 && status < 300 && !request.credentials().valid() && request.keyRequired()) {
            findings.add(finding(request, Problem.SUCCESS_WITHOUT_CREDENTIALS, String.valueOf(status), answer));
        }
        return new Judgement(findings, declaredServerError);
    }

    private static Finding finding(FuzzRequest request, Problem problem, String observed, String answer) {
        return new Finding(request.index(), request.operation().operationId(), request.mutation(), problem, observed,
                request.summary(), answer);
    }
}
