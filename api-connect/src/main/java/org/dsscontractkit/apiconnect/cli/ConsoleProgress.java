package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.recipe.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Recipe progress on stderr: a redrawn bar on a terminal (rows done / total, rate, ETA), plain lines at most
 * every few seconds otherwise (CI logs), nothing with --quiet.
 */
public final class ConsoleProgress implements ProgressListener {
    public enum Mode { AUTO, BAR, PLAIN, NONE }

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private final long plainIntervalNanos;
    private long total = -1;
    private long start;
    private long lastPrint;
    private long failed;

    public ConsoleProgress(PrintStream out, Mode mode, LongSupplier nanoClock, long plainIntervalNanos) {
        this.out = out;
        this.mode = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.PLAIN) : mode;
        this.nanoClock = nanoClock;
        this.plainIntervalNanos = plainIntervalNanos;
    }

    public Mode mode() { return mode; }

    @Override public void started(long totalRows) {
        total = totalRows;
        start = nanoClock.getAsLong();
        lastPrint = start;
        if (mode == Mode.PLAIN) out.println("recipe: " + (total >= 0 ? total + " input rows" : "started"));
    }

    @Override public void rowDone(long done, boolean rowFailed) {
        if (rowFailed) failed++;
        long now = nanoClock.getAsLong();
        if (mode == Mode.BAR) {
            if (now - lastPrint >= 100_000_000L || done == total) {
                out.print("\r" + bar(done, now));
                out.flush();
                lastPrint = now;
            }
        } else if (mode == Mode.PLAIN && now - lastPrint >= plainIntervalNanos) {
            out.println("progress: " + line(done, now));
            lastPrint = now;
        }
    }

    @Override public void finished(long done, long failedRows) {
        long now = nanoClock.getAsLong();
        if (mode == Mode.BAR) {
            out.println("\r" + bar(done, now));
        } else if (mode == Mode.PLAIN) {
            out.println("done: " + line(done, now));
        }
    }

    String bar(long done, long now) {
        int filled = total > 0 ? (int) (WIDTH * Math.min(done, total) / total) : 0;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line(done, now);
    }

    String line(long done, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder();
        sb.append(done);
        if (total >= 0) sb.append('/').append(total).append(String.format(Locale.ROOT, " (%d%%)", total == 0 ? 100 : done * 100 / total));
        sb.append(String.format(Locale.ROOT, " rows, %.1f rows/s", rate));
        if (total >= 0 && done < total && rate > 0) sb.append(", ETA ").append(duration((long) ((total - done) / rate)));
        else sb.append(", elapsed ").append(duration((long) seconds));
        if (failed > 0) sb.append(", ").append(failed).append(" failed");
        return sb.toString();
    }

    private static String duration(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
