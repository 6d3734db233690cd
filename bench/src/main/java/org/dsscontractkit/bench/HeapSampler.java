package org.dsscontractkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Samples another JVM's heap with {@code jstat -gc <pid> <ms>} while something runs. */
final class HeapSampler implements AutoCloseable {
    /** One sample, in MB: heap used (survivors + eden + old), old generation used; and collections so far. */
    record Sample(double usedMb, double oldMb, long youngGcs, long fullGcs) {}

    /** What a series of samples shows. */
    record Summary(int samples, double minUsedMb, double maxUsedMb, double oldFirstMb, double oldLastMb, double oldMaxMb,
                   long youngGcs, long fullGcs) {}

    private final Process jstat;
    private final Thread reader;
    private final List<Sample> samples = new ArrayList<>();

    HeapSampler(long pid, int intervalMillis) throws IOException {
        jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), Integer.toString(intervalMillis)).redirectErrorStream(true).start();
        reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> columns = null;
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 0 && f[0].equals("S0C")) {
                    columns = Arrays.asList(f);
                    continue;
                }
                if (columns == null || f.length != columns.size()) continue;
                try {
                    double used = value(f, columns, "S0U") + value(f, columns, "S1U") + value(f, columns, "EU") + value(f, columns, "OU");
                    Sample s = new Sample(used / 1024, value(f, columns, "OU") / 1024,
                            (long) value(f, columns, "YGC"), (long) value(f, columns, "FGC"));
                    synchronized (samples) {
                        samples.add(s);
                    }
                } catch (NumberFormatException ignored) {
                    // a "-" column (no data yet)
                }
            }
        } catch (IOException ignored) {
            // jstat stopped
        }
    }

    private static double value(String[] f, List<String> columns, String name) {
        return Double.parseDouble(f[columns.indexOf(name)]);
    }

    Summary summary() {
        List<Sample> s;
        synchronized (samples) {
            s = List.copyOf(samples);
        }
        if (s.isEmpty()) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        return new Summary(s.size(), s.stream().mapToDouble(Sample::usedMb).min().orElseThrow(),
                s.stream().mapToDouble(Sample::usedMb).max().orElseThrow(), s.get(0).oldMb(), s.get(s.size() - 1).oldMb(),
                s.stream().mapToDouble(Sample::oldMb).max().orElseThrow(),
                s.get(s.size() - 1).youngGcs() - s.get(0).youngGcs(), s.get(s.size() - 1).fullGcs() - s.get(0).fullGcs());
    }

    @Override
    public void close() throws InterruptedException {
        jstat.destroy();
        jstat.waitFor();
        reader.join(2000);
    }
}
