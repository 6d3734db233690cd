package org.dsscontractkit.web;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium at /usr/bin/chromium, headless, one fresh profile per page (the spec module's DocsPageIT runs it
 * the same way): {@code --dump-dom} prints the page's DOM once its scripts, and the fetches they started, are done
 * ({@code --virtual-time-budget} pauses while network fetches are pending). {@code -Dskip.browser=true} skips the
 * browser tests where no Chromium is installed; otherwise a missing Chromium fails them.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final List<String> extraFlags;

    private HeadlessChromium(List<String> extraFlags) {
        this.extraFlags = List.copyOf(extraFlags);
    }

    /**
     * @param hostMappings {@code --host-resolver-rules} entries, e.g. {@code MAP app.example.test 127.0.0.1}, so a
     *                     page can come from an origin other than localhost while being served on this machine
     */
    public static HeadlessChromium start(String... hostMappings) {
        assumeFalse(Boolean.getBoolean("skip.browser"), "browser test skipped (-Dskip.browser=true)");
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium,"
                    + " as .ci/run does) or skip the browser tests with -Dskip.browser=true");
        }
        List<String> flags = new ArrayList<>();
        if (hostMappings.length > 0) {
            flags.add("--host-resolver-rules=" + String.join(",", hostMappings));
        }
        return new HeadlessChromium(flags);
    }

    /** @return the DOM of the page at {@code url} once it has settled */
    public String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        command.addAll(extraFlags);
        command.addAll(List.of("--dump-dom", url));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited " + p.exitValue() + ":\n" + Files.readString(err));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
