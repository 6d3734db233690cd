package org.dsscontractkit.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** The benchmark of issue 18, in one command (bench/run.sh builds it and passes the repository's paths). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput (wrk: Prism mock vs reference server vs bare Jersey hello), cold start and dataset streaming.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--reference-jar", description = "The reference server's fat jar (default: reference-server/target/dss-reference-server-*.jar)")
    Path referenceJar;

    @Option(names = "--prism", defaultValue = "node_modules/.bin/prism", description = "Prism CLI (default: ${DEFAULT-VALUE})")
    Path prism;

    @Option(names = "--prism-log-level", defaultValue = "info", description = "Prism's --verboseLevel (default: ${DEFAULT-VALUE}, Prism's own default)")
    String prismLogLevel;

    @Option(names = "--work-dir", defaultValue = "bench/target/work", description = "Data directories, logs, the generated dataset (kept between runs)")
    Path work;

    @Option(names = "--rounds", defaultValue = "5") int rounds;
    @Option(names = "--duration", defaultValue = "10", description = "Seconds per wrk run (default: ${DEFAULT-VALUE})") int duration;
    @Option(names = "--warmup", defaultValue = "30", description = "Seconds of wrk per target before the rounds (the JIT reaches steady state in about 30 s on 2 cores: with 5 s the first rounds measure compilation)") int warmup;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--connections", defaultValue = "50") int connections;
    @Option(names = "--projects", defaultValue = "5", description = "Projects created before GET /projects/") int projects;
    @Option(names = "--cold-starts", defaultValue = "5", description = "Starts per kind (fresh, existing data directory)") int coldStarts;
    @Option(names = "--dataset-mb", defaultValue = "1000", description = "Size of the streamed dataset in MB (default: ${DEFAULT-VALUE})") long datasetMb;
    @Option(names = "--reads", defaultValue = "3", description = "Reads of the dataset") int reads;
    @Option(names = "--commit", defaultValue = "unknown", description = "The commit measured, for the report") String commit;
    @Option(names = "--hello-container", description = "jdk-http or jetty (default: the reference server jar's container)") String helloContainer;
    @Option(names = "--only", split = ",", description = "Parts to run: throughput, coldstart, streaming (default: all)")
    Set<String> only;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path jar = referenceJar != null ? referenceJar : findJar();
        Files.createDirectories(work);
        ReferenceServerLauncher launcher = new ReferenceServerLauncher(jar.toAbsolutePath(), work.resolve("logs"));
        HelloServer.Container container = helloContainer != null ? HelloServer.Container.parse(helloContainer) : HelloServer.Container.of(jar);
        Report report = new Report(commit, ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                cpu(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                prismVersion(), container, threads, connections, duration, rounds);
        report.loadAtStart = uptime();
        System.out.println("Reference server: " + jar + " (" + container.label + "), commit " + commit);
        System.out.println("Load at start: " + report.loadAtStart);

        if (runs("throughput")) {
            System.out.println("\n== Throughput: wrk -t" + threads + " -c" + connections + " -d" + duration + "s, " + rounds + " interleaved rounds");
            Wrk wrk = new Wrk(threads, connections, work.resolve("wrk"));
            report.throughput = new ThroughputBench(launcher, prism.toAbsolutePath(), prismLogLevel, container, work, wrk, rounds, duration,
                    warmup, projects).run();
        }
        if (runs("coldstart")) {
            System.out.println("\n== Cold start to the first 200 on GET /public/api/projects/");
            report.coldStart = new ColdStartBench(launcher, work, coldStarts).run();
        }
        if (runs("streaming")) {
            System.out.println("\n== Dataset streaming: " + datasetMb + " MB read as tsv-excel-noheader, server " + StreamingBench.HEAP);
            report.streaming = new StreamingBench(launcher, work, datasetMb, reads).run();
        }
        report.loadAtEnd = uptime();
        System.out.println();
        System.out.println(report.text());
        System.out.println();
        System.out.println(report.markdown());
        return 0;
    }

    private boolean runs(String part) {
        return only == null || only.isEmpty() || only.contains(part);
    }

    private static Path findJar() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("reference-server/target"))) {
            return s.filter(p -> p.getFileName().toString().matches("dss-reference-server-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no reference-server/target/dss-reference-server-*.jar: build it first"));
        }
    }

    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            int i = out.indexOf("load average");
            return i >= 0 ? out.substring(i) : out;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private String prismVersion() {
        Path pkg = prism.toAbsolutePath().getParent().getParent().resolve("@stoplight/prism-cli/package.json");
        try {
            return "Prism " + Http.JSON.readTree(pkg.toFile()).path("version").asText("?");
        } catch (IOException e) {
            return "Prism";
        }
    }

    /** Shared by the parts: what was measured, and how it compares with the targets of issue 18. */
    static final class Report {
        final String commit;
        final String date;
        final String cpu;
        final int cores;
        final String jvm;
        final String prism;
        final HelloServer.Container container;
        final int threads;
        final int connections;
        final int duration;
        final int rounds;
        String loadAtStart;
        String loadAtEnd;
        Map<String, ThroughputBench.Figures> throughput;
        ColdStartBench.Figures coldStart;
        StreamingBench.Figures streaming;

        Report(String commit, String date, String cpu, int cores, String jvm, String prism, HelloServer.Container container,
               int threads, int connections, int duration, int rounds) {
            this.commit = commit;
            this.date = date;
            this.cpu = cpu;
            this.cores = cores;
            this.jvm = jvm;
            this.prism = prism;
            this.container = container;
            this.threads = threads;
            this.connections = connections;
            this.duration = duration;
            this.rounds = rounds;
        }

        private ThroughputBench.Figures f(String target, String endpoint) {
            return throughput.get(target + " / " + endpoint);
        }

        String text() {
            StringBuilder s = new StringBuilder("== Results (medians)\n");
            if (throughput != null) {
                for (ThroughputBench.Figures f : throughput.values()) {
                    s.append(String.format("%-40s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.0f us/request%s%n", f.run().key(),
                            f.requestsPerSecond(), f.p50Millis(), f.p99Millis(), f.cpuMicrosPerRequest(), problems(f)));
                }
                for (String e : new String[]{ThroughputBench.LIST_PROJECTS, ThroughputBench.PREDICT}) {
                    double ratio = ratio(f(ThroughputBench.SERVER, e).requestsPerSecond(), f(ThroughputBench.PRISM, e).requestsPerSecond());
                    s.append(String.format("ratio server / Prism on %-16s %6.1fx   target >= 10x   %s   (CPU per request: Prism / server %.1fx)%n",
                            e, ratio, verdict(ratio >= 10), ratio(f(ThroughputBench.PRISM, e).cpuMicrosPerRequest(), f(ThroughputBench.SERVER, e).cpuMicrosPerRequest())));
                }
                double hello = f(ThroughputBench.HELLO, ThroughputBench.GET_HELLO).requestsPerSecond();
                for (String e : new String[]{ThroughputBench.LIST_PROJECTS, ThroughputBench.PREDICT}) {
                    double share = ratio(f(ThroughputBench.SERVER, e).requestsPerSecond(), hello);
                    s.append(String.format("ratio server %-16s / hello     %5.0f %%   target >= 60 %%  %s%n", e, share * 100, verdict(share >= 0.6)));
                }
                for (String e : new String[]{ThroughputBench.LIST_PROJECTS, ThroughputBench.PREDICT}) {
                    double p99 = f(ThroughputBench.SERVER, e).p99Millis();
                    s.append(String.format("p99 server %-16s at %d connections %7.2f ms  target <= 10 ms %s%n", e, connections, p99, verdict(p99 <= 10)));
                }
            }
            if (coldStart != null) {
                s.append(String.format("cold start to first 200: fresh data dir %.2f s, existing %.2f s   target <= 2 s  %s%n",
                        coldStart.freshMedianMillis() / 1000, coldStart.existingMedianMillis() / 1000,
                        verdict(Math.max(coldStart.freshMedianMillis(), coldStart.existingMedianMillis()) <= 2000)));
            }
            if (streaming != null) {
                HeapSampler.Summary h = streaming.heap();
                s.append(String.format("streaming %,d bytes of CSV as %,d bytes of TSV: %.0f MB/s   target >= 200 MB/s  %s   (%.0f MB per server CPU second)%n",
                        streaming.csvBytes(), streaming.tsvBytes(), streaming.readMbPerSecond(), verdict(streaming.readMbPerSecond() >= 200),
                        streaming.readMbPerServerCpuSecond()));
                s.append(String.format("  server heap (%s) during the reads, %d samples: used %.0f-%.0f MB, old generation %.0f MB at the start, "
                                + "%.0f MB at the end (max %.0f MB); %d young and %d full collections%n", StreamingBench.HEAP, h.samples(),
                        h.minUsedMb(), h.maxUsedMb(), h.oldFirstMb(), h.oldLastMb(), h.oldMaxMb(), h.youngGcs(), h.fullGcs()));
                s.append(String.format("  upload of the dataset: %.0f MB/s%n", streaming.uploadMbPerSecond()));
            }
            s.append("load at start: ").append(loadAtStart).append("\nload at end:   ").append(loadAtEnd).append('\n');
            return s.toString();
        }

        private static String problems(ThroughputBench.Figures f) {
            String s = "";
            if (f.non2xx() > 0) s += "  (" + f.non2xx() + " non-2xx answers over the rounds!)";
            if (f.socketErrors() > 0) s += "  (" + f.socketErrors() + " socket errors over the rounds)";
            return s;
        }

        private static String verdict(boolean met) {
            return met ? "met" : "NOT MET";
        }

        /** a / b, or NaN when b answered nothing (a run too short for a slow target). */
        private static double ratio(double a, double b) {
            return b > 0 ? a / b : Double.NaN;
        }

        /** The figures as a Markdown table, to paste into the README. */
        String markdown() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("Measured %s, commit `%s`, %d cores (%s), %s; load average %s at the start, %s at the end.%n",
                    date, commit, cores, cpu, jvm, loadAtStart.replace("load average: ", ""), loadAtEnd.replace("load average: ", "")));
            s.append(String.format("wrk -t%d -c%d -d%ds on loopback, %d interleaved rounds, medians; the reference server on %s.%n%n",
                    threads, connections, duration, rounds, container.label));
            s.append("| measure | ").append(prism).append(" mock | reference server | ratio | target |\n");
            s.append("|---|---:|---:|---:|---|\n");
            if (throughput != null) {
                double hello = f(ThroughputBench.HELLO, ThroughputBench.GET_HELLO).requestsPerSecond();
                for (String e : new String[]{ThroughputBench.LIST_PROJECTS, ThroughputBench.PREDICT}) {
                    ThroughputBench.Figures p = f(ThroughputBench.PRISM, e);
                    ThroughputBench.Figures r = f(ThroughputBench.SERVER, e);
                    String name = e.equals(ThroughputBench.PREDICT) ? "API node `predict`" : "`" + e + "`";
                    s.append(String.format("| %s req/s | %,.0f | %,.0f | %.1f× | ≥ 10× |%n", name, p.requestsPerSecond(), r.requestsPerSecond(),
                            ratio(r.requestsPerSecond(), p.requestsPerSecond())));
                    s.append(String.format("| %s p50 / p99 | %s / %s ms | %s / %s ms | | p99 ≤ 10 ms |%n", name, ms(p.p50Millis()), ms(p.p99Millis()),
                            ms(r.p50Millis()), ms(r.p99Millis())));
                    s.append(String.format("| %s CPU per request | %,.0f µs | %,.0f µs | %.1f× less | |%n", name, p.cpuMicrosPerRequest(),
                            r.cpuMicrosPerRequest(), ratio(p.cpuMicrosPerRequest(), r.cpuMicrosPerRequest())));
                    s.append(String.format("| %s vs bare hello | | | %.0f %% | ≥ 60 %% |%n", name, 100 * ratio(r.requestsPerSecond(), hello)));
                }
                ThroughputBench.Figures h = f(ThroughputBench.HELLO, ThroughputBench.GET_HELLO);
                s.append(String.format("| bare Jersey hello req/s (p50 / p99; CPU per request) | | %,.0f (%s / %s ms; %,.0f µs) | | ceiling |%n",
                        h.requestsPerSecond(), ms(h.p50Millis()), ms(h.p99Millis()), h.cpuMicrosPerRequest()));
            }
            if (coldStart != null) {
                s.append(String.format("| cold start to first 200, fresh / existing data dir | | %.1f s / %.1f s | | ≤ 2 s |%n",
                        coldStart.freshMedianMillis() / 1000, coldStart.existingMedianMillis() / 1000));
            }
            if (streaming != null) {
                HeapSampler.Summary h = streaming.heap();
                s.append(String.format("| streaming %s as `tsv-excel-noheader`, `%s` | | %.0f MB/s (%.0f MB per server CPU second); heap used %.0f–%.0f MB, old gen %.0f → %.0f MB, %d full GC | | ≥ 200 MB/s, heap flat |%n",
                        size(streaming.csvBytes()), StreamingBench.HEAP, streaming.readMbPerSecond(), streaming.readMbPerServerCpuSecond(),
                        h.minUsedMb(), h.maxUsedMb(), h.oldFirstMb(), h.oldLastMb(), h.fullGcs()));
            }
            return s.toString();
        }

        private static String size(long bytes) {
            return bytes >= 1e9 ? String.format("%.1f GB", bytes / 1e9) : String.format("%.0f MB", bytes / 1e6);
        }

        private static String ms(double v) {
            return v < 10 ? String.format("%.2f", v) : String.format("%.0f", v);
        }
    }
}
