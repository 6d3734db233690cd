package org.dsscontractkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Requests per second and latency, with wrk on loopback: the Prism mock of the bundled documents and the reference
 * server on {@code GET /projects/} and on the API node's {@code predict}, and the bare Jersey hello. Rounds are
 * interleaved (every run of round 1, then every run of round 2...) so that a change of the machine's load hits all
 * targets alike; each figure is the median over the rounds.
 */
final class ThroughputBench {
    static final String PRISM = "Prism mock";
    static final String SERVER = "reference server";
    static final String HELLO = "bare Jersey hello";
    static final String LIST_PROJECTS = "GET /projects/";
    static final String PREDICT = "predict";
    static final String GET_HELLO = "GET /hello";

    /** What a user of the Python client sends: predict_record("iris_species", features). */
    private static final String PREDICT_BODY = "{\"features\":{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,"
            + "\"petal_width\":0.2},\"explanations\":{\"enabled\":null,\"method\":null,\"nExplanations\":null,\"nMonteCarloSteps\":null}}";
    private static final String PREDICT_PATH = "/public/api/v1/iris_svc/iris_species/predict";

    /** One wrk target: who serves it (the process whose CPU time is counted), which call. */
    record Run(String target, String endpoint, Wrk.Request request, ManagedProcess server) {
        String key() { return target + " / " + endpoint; }
    }

    /**
     * The medians of one run over the rounds, and every round's figures. {@code cpuMicrosPerRequest}: CPU time the
     * serving process used per answered request; unlike requests per second it hardly depends on what else the
     * machine runs, so it tells how the targets compare on a loaded machine.
     */
    record Figures(Run run, double requestsPerSecond, double p50Millis, double p99Millis, double cpuMicrosPerRequest, long non2xx,
                   long socketErrors, List<Wrk.Result> rounds) {}

    private final ReferenceServerLauncher launcher;
    private final Path prism;
    private final String prismLogLevel;
    private final HelloServer.Container container;
    private final Path work;
    private final Wrk wrk;
    private final int rounds;
    private final int seconds;
    private final int warmupSeconds;
    private final int projects;

    ThroughputBench(ReferenceServerLauncher launcher, Path prism, String prismLogLevel, HelloServer.Container container, Path work,
                    Wrk wrk, int rounds, int seconds, int warmupSeconds, int projects) {
        this.launcher = launcher;
        this.prism = prism;
        this.prismLogLevel = prismLogLevel;
        this.container = container;
        this.work = work;
        this.wrk = wrk;
        this.rounds = rounds;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.projects = projects;
    }

    Map<String, Figures> run() throws Exception {
        Path logs = work.resolve("logs");
        int prismDssPort = ReferenceServerLauncher.freePort();
        int prismNodePort = ReferenceServerLauncher.freePort();
        int serverPort = ReferenceServerLauncher.freePort();
        int helloPort = ReferenceServerLauncher.freePort();
        Path dataDir = Files.createTempDirectory(work, "throughput-data-");
        try (ManagedProcess prismDss = startPrism("prism-dss", mounted("openapi/dss-public-api.json", "/public/api"), prismDssPort, logs);
             ManagedProcess prismNode = startPrism("prism-apinode", mounted("openapi/apinode-user-api.json", ""), prismNodePort, logs);
             ManagedProcess server = launcher.start("reference-server", dataDir, serverPort, List.of(), List.of());
             ManagedProcess hello = ManagedProcess.start("hello", List.of(javaBin(), "-cp", benchClasspath(),
                     HelloServer.class.getName(), container.name, Integer.toString(helloPort)), logs.resolve("hello.log"))) {
            Http api = ReferenceServerLauncher.client(serverPort);
            api.awaitOk("/public/api/projects/", server, Duration.ofMinutes(3));
            createProjects(api);
            new Http("http://127.0.0.1:" + helloPort, "none").awaitOk("/hello", hello, Duration.ofMinutes(1));
            awaitPrism(prismDss, logs.resolve("prism-dss.log"));
            awaitPrism(prismNode, logs.resolve("prism-apinode.log"));

            Map<String, String> auth = Map.of("Authorization", Http.basic(ReferenceServerLauncher.API_KEY));
            Map<String, String> json = new LinkedHashMap<>(auth);
            json.put("Content-Type", "application/json");
            List<Run> runs = List.of(
                    new Run(PRISM, LIST_PROJECTS, new Wrk.Request("http://127.0.0.1:" + prismDssPort + "/public/api/projects/", "GET", null, auth), prismDss),
                    new Run(SERVER, LIST_PROJECTS, new Wrk.Request("http://127.0.0.1:" + serverPort + "/public/api/projects/", "GET", null, auth), server),
                    new Run(PRISM, PREDICT, new Wrk.Request("http://127.0.0.1:" + prismNodePort + PREDICT_PATH, "POST", PREDICT_BODY, json), prismNode),
                    new Run(SERVER, PREDICT, new Wrk.Request("http://127.0.0.1:" + serverPort + PREDICT_PATH, "POST", PREDICT_BODY, json), server),
                    new Run(HELLO, GET_HELLO, new Wrk.Request("http://127.0.0.1:" + helloPort + "/hello", "GET", null, Map.of()), hello));

            for (Run r : runs) {
                System.out.printf("  warm-up %-40s %ds%n", r.key(), warmupSeconds);
                wrk.run(r.request(), warmupSeconds);
            }
            Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Run r : runs) {
                    long cpu0 = r.server().cpuNanos();
                    Wrk.Result res = wrk.run(r.request(), seconds);
                    long cpu1 = r.server().cpuNanos();
                    double perRequest = cpu0 < 0 || res.requests() == 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / res.requests();
                    results.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(res);
                    cpu.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(perRequest);
                    System.out.printf("  round %d/%d %-40s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.0f us/request%s%n", round, rounds,
                            r.key(), res.requestsPerSecond(), res.p50Millis(), res.p99Millis(), perRequest, problems(res));
                }
            }
            Map<String, Figures> out = new LinkedHashMap<>();
            for (Run r : runs) {
                List<Wrk.Result> rs = results.get(r.key());
                out.put(r.key(), new Figures(r, Stats.median(rs, Wrk.Result::requestsPerSecond), Stats.median(rs, Wrk.Result::p50Millis),
                        Stats.median(rs, Wrk.Result::p99Millis), Stats.median(cpu.get(r.key()), Double::doubleValue),
                        rs.stream().mapToLong(Wrk.Result::non2xx).sum(),
                        rs.stream().mapToLong(Wrk.Result::socketErrors).sum(), rs));
            }
            return out;
        }
    }

    static String problems(Wrk.Result r) {
        String s = "";
        if (r.non2xx() > 0) s += "  (" + r.non2xx() + " non-2xx answers!)";
        if (r.socketErrors() > 0) s += "  (" + r.socketErrors() + " socket errors)";
        return s;
    }

    /** A few projects with descriptions and tags, so that the list is what a real instance returns. */
    private void createProjects(Http api) throws IOException, InterruptedException {
        for (int i = 1; i <= projects; i++) {
            ObjectNode p = Http.JSON.createObjectNode();
            p.put("projectKey", "BENCH_" + i);
            p.put("name", "Benchmark project " + i);
            p.put("owner", "admin");
            p.put("description", "Customer churn analysis, wave " + i + ": datasets, recipes and models.");
            p.putArray("tags").add("benchmark").add("wave-" + i);
            api.postJson("/public/api/projects/", p);
        }
    }

    private ManagedProcess startPrism(String name, Path document, int port, Path logs) throws IOException {
        return ManagedProcess.start(name, List.of(prism.toString(), "mock", document.toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(port), "--verboseLevel", prismLogLevel), logs.resolve(name + ".log"));
    }

    private static void awaitPrism(ManagedProcess p, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("Prism is listening")) return;
            if (!p.isAlive()) throw p.failure("stopped before listening");
            Thread.sleep(200);
        }
        throw p.failure("not listening after 3 minutes");
    }

    /**
     * The bundled document from the reference server's jar, its paths under {@code base}: Prism matches request paths
     * against the paths as written and ignores the base path of {@code servers} (as contract-tests' PrismProcess does).
     */
    private Path mounted(String entry, String base) throws IOException {
        ObjectNode api;
        try (ZipFile jar = new ZipFile(launcher.jar().toFile()); InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            api = (ObjectNode) Http.JSON.readTree(in);
        }
        ObjectNode paths = Http.JSON.createObjectNode();
        api.path("paths").fields().forEachRemaining(e -> paths.set(base + e.getKey(), e.getValue()));
        api.set("paths", paths);
        api.putArray("servers").addObject().put("url", "http://127.0.0.1");
        Path file = work.resolve("prism-" + Path.of(entry).getFileName());
        Http.JSON.writeValue(file.toFile(), api);
        return file;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String benchClasspath() {
        return System.getProperty("java.class.path");
    }
}
