package org.dsscontractkit.apiconnect.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private long now;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void plainModePrintsALineAtMostEveryIntervalWithRateAndEta() {
        ConsoleProgress p = new ConsoleProgress(out, ConsoleProgress.Mode.PLAIN, () -> now, 2_000_000_000L);
        p.started(100);
        for (int i = 1; i <= 50; i++) {
            now += 100_000_000L; // 10 rows per second
            p.rowDone(i, i == 7);
        }
        p.finished(50, 1);
        String[] lines = text().split("\n");
        assertThat(lines[0]).isEqualTo("recipe: 100 input rows");
        assertThat(lines).filteredOn(l -> l.startsWith("progress:")).hasSize(2);
        assertThat(lines[1]).isEqualTo("progress: 20/100 (20%) rows, 10.0 rows/s, ETA 0:08, 1 failed");
        assertThat(lines[lines.length - 1]).startsWith("done: 50/100 (50%) rows, 10.0 rows/s").doesNotContain("\r");
    }

    @Test
    void barModeRedrawsOneLine() {
        ConsoleProgress p = new ConsoleProgress(out, ConsoleProgress.Mode.BAR, () -> now, 2_000_000_000L);
        p.started(4);
        for (int i = 1; i <= 4; i++) {
            now += 500_000_000L;
            p.rowDone(i, false);
        }
        p.finished(4, 0);
        assertThat(text()).contains("\r[#######.......................] 1/4 (25%) rows, 2.0 rows/s, ETA 0:01")
                .contains("\r[##############################] 4/4 (100%) rows, 2.0 rows/s, elapsed 0:02")
                .endsWith("\n");
    }

    @Test
    void noneModePrintsNothing() {
        ConsoleProgress p = new ConsoleProgress(out, ConsoleProgress.Mode.NONE, () -> now, 1);
        p.started(3);
        p.rowDone(1, true);
        p.finished(3, 1);
        assertThat(text()).isEmpty();
    }
}
