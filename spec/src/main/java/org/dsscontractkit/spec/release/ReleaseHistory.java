package org.dsscontractkit.spec.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The release baselines kept in the repository ({@code spec/releases/<X.Y.Z>/}, oldest first) and the acknowledgements
 * of the breaking changes made since the last one ({@code spec/releases/acknowledged-breaking-changes.yaml}).
 */
public final class ReleaseHistory {

    private static final String VERSION = "\\d+\\.\\d+\\.\\d+";

    private final Path dir;
    private final List<Release> releases;

    public ReleaseHistory(Path dir) {
        this.dir = dir;
        this.releases = scan(dir);
    }

    private static List<Release> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Release> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                String name = entry.getFileName().toString();
                if (!name.matches(VERSION)) {
                    throw new IllegalArgumentException(entry + " is not a release baseline: folders under " + dir
                            + " are named by release version, X.Y.Z");
                }
                found.add(new Release(name, entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Release::version, ReleaseHistory::compareVersions));
        return List.copyOf(found);
    }

    public Path dir() {
        return dir;
    }

    /** @return every release, oldest first */
    public List<Release> releases() {
        return releases;
    }

    public Optional<Release> last() {
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
    }

    /** The file where breaking changes made since the last release are acknowledged. */
    public Path pendingAcknowledgementsFile() {
        return dir.resolve(Release.ACKNOWLEDGEMENTS);
    }

    public Acknowledgements pendingAcknowledgements() {
        return Acknowledgements.read(pendingAcknowledgementsFile());
    }

    static boolean isVersion(String text) {
        return text != null && text.matches(VERSION);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
