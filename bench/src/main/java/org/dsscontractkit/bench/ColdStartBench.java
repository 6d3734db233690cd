package org.dsscontractkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: from {@code java -jar} (the process creation) to the first 200 on {@code GET /public/api/projects/},
 * polled every 10 ms; on a fresh data directory (store created, migrations, seeds) and on an existing one.
 */
final class ColdStartBench {
    record Figures(double freshMedianMillis, double existingMedianMillis, List<Double> fresh, List<Double> existing) {}

    private final ReferenceServerLauncher launcher;
    private final Path work;
    private final int starts;

    ColdStartBench(ReferenceServerLauncher launcher, Path work, int starts) {
        this.launcher = launcher;
        this.work = work;
        this.starts = starts;
    }

    Figures run() throws Exception {
        List<Double> fresh = new ArrayList<>();
        List<Double> existing = new ArrayList<>();
        Path kept = Files.createTempDirectory(work, "coldstart-existing-");
        try {
            startOnce(kept, "initialise");   // the existing data directory's first start, not counted
            for (int i = 1; i <= starts; i++) {
                Path dir = Files.createTempDirectory(work, "coldstart-fresh-");
                try {
                    fresh.add(startOnce(dir, "fresh " + i + "/" + starts));
                } finally {
                    DataDirs.delete(dir);
                }
                existing.add(startOnce(kept, "existing " + i + "/" + starts));
            }
        } finally {
            DataDirs.delete(kept);
        }
        return new Figures(Stats.median(fresh, Double::doubleValue), Stats.median(existing, Double::doubleValue), fresh, existing);
    }

    private double startOnce(Path dataDir, String label) throws IOException, InterruptedException {
        int port = ReferenceServerLauncher.freePort();
        Http api = ReferenceServerLauncher.client(port);
        api.status("/");   // the client's own first-use cost is not the server's
        try (ManagedProcess p = launcher.start("coldstart", dataDir, port, List.of(), List.of())) {
            long ok = api.awaitOk("/public/api/projects/", p, Duration.ofMinutes(3));
            double ms = (ok - p.startedNanos()) / 1e6;
            System.out.printf("  cold start (%s): %.0f ms%n", label, ms);
            return ms;
        }
    }
}
