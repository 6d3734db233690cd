package org.dsscontractkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Dataset row streaming: a generated CSV of about 1 GB uploaded to an UploadedFiles dataset, then read back as the
 * Python client's {@code iter_rows} reads it ({@code GET .../data/?format=tsv-excel-noheader&readSessionId=...},
 * then {@code finish-streaming}), with curl, from a server started with {@code -Xmx256m} whose heap is sampled
 * meanwhile.
 */
final class StreamingBench {
    static final String HEAP = "-Xmx256m";

    /**
     * {@code readMbPerSecond}: dataset (CSV) megabytes per second of wall time, the median of the reads;
     * {@code readMbPerServerCpuSecond}: per second of CPU the server used meanwhile, which depends little on the load.
     */
    record Figures(long csvBytes, double uploadMbPerSecond, long tsvBytes, double readMbPerSecond, double readMbPerServerCpuSecond,
                   List<Double> reads, HeapSampler.Summary heap) {}

    private final ReferenceServerLauncher launcher;
    private final Path work;
    private final long megabytes;
    private final int reads;

    StreamingBench(ReferenceServerLauncher launcher, Path work, long megabytes, int reads) {
        this.launcher = launcher;
        this.work = work;
        this.megabytes = megabytes;
        this.reads = reads;
    }

    /** Reads with curl (light on CPU, which the server shares with the reader) into /dev/null; the bytes read. */
    private static long curl(int port, String path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("curl", "-sS", "--fail", "-o", "/dev/null", "-w", "%{size_download}",
                "-u", ReferenceServerLauncher.API_KEY + ":", "http://127.0.0.1:" + port + path).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IOException("curl " + path + " failed: " + out);
        return Long.parseLong(out);
    }

    Figures run() throws Exception {
        long g0 = System.nanoTime();
        Path csv = CsvDataset.ensure(work.resolve("datasets"), megabytes);
        long csvBytes = Files.size(csv);
        System.out.printf("  dataset %s: %,d bytes (%.1f s to generate or find)%n", csv.getFileName(), csvBytes, (System.nanoTime() - g0) / 1e9);

        Path dataDir = Files.createTempDirectory(work, "streaming-data-");
        int port = ReferenceServerLauncher.freePort();
        try (ManagedProcess server = launcher.start("streaming-server", dataDir, port, List.of(HEAP), List.of("--max-upload-size", "4GB"))) {
            Http api = ReferenceServerLauncher.client(port);
            api.awaitOk("/public/api/projects/", server, Duration.ofMinutes(3));
            ObjectNode project = Http.JSON.createObjectNode().put("projectKey", "STREAM").put("name", "Streaming").put("owner", "admin");
            api.postJson("/public/api/projects/", project);
            ObjectNode dataset = Http.JSON.createObjectNode().put("name", "rows").put("type", "UploadedFiles").put("projectKey", "STREAM");
            api.postJson("/public/api/projects/STREAM/datasets/", dataset);

            long u0 = System.nanoTime();
            api.upload("/public/api/projects/STREAM/datasets/rows/uploaded/files", csv);
            double uploadSeconds = (System.nanoTime() - u0) / 1e9;
            double uploadRate = csvBytes / 1e6 / uploadSeconds;
            System.out.printf("  upload: %.1f s, %.0f MB/s%n", uploadSeconds, uploadRate);

            List<Double> rates = new ArrayList<>();
            List<Double> cpuRates = new ArrayList<>();
            long tsvBytes = -1;
            HeapSampler.Summary heap;
            try (HeapSampler sampler = new HeapSampler(server.pid(), 200)) {
                Thread.sleep(500);
                for (int i = 1; i <= reads; i++) {
                    String session = UUID.randomUUID().toString();
                    long cpu0 = server.cpuNanos();
                    long t0 = System.nanoTime();
                    long n = curl(port, "/dip/publicapi/projects/STREAM/datasets/rows/data/?format=tsv-excel-noheader&readSessionId=" + session);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpuSeconds = (server.cpuNanos() - cpu0) / 1e9;
                    int finish = api.get("/dip/publicapi/projects/STREAM/datasets/rows/finish-streaming/?readSessionId=" + session);
                    if (finish != 204) throw new IllegalStateException("finish-streaming answered " + finish + " after read " + i);
                    if (tsvBytes >= 0 && n != tsvBytes) throw new IllegalStateException("read " + i + " gave " + n + " bytes, read 1 gave " + tsvBytes);
                    tsvBytes = n;
                    // The rate of the dataset: its CSV bytes over the time to stream them all as TSV.
                    double rate = csvBytes / 1e6 / seconds;
                    rates.add(rate);
                    cpuRates.add(csvBytes / 1e6 / cpuSeconds);
                    System.out.printf("  read %d/%d: %,d bytes of TSV in %.2f s: %.0f MB/s; server CPU %.2f s (%.0f MB per CPU second)%n",
                            i, reads, n, seconds, rate, cpuSeconds, csvBytes / 1e6 / cpuSeconds);
                }
                Thread.sleep(500);
                heap = sampler.summary();
            }
            return new Figures(csvBytes, uploadRate, tsvBytes, Stats.median(rates, Double::doubleValue),
                    Stats.median(cpuRates, Double::doubleValue), rates, heap);
        } finally {
            DataDirs.delete(dataDir);
        }
    }
}
