package org.dsscontractkit.spec.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.dsscontractkit.spec.build.ApiDocument;

/**
 * One released baseline: {@code spec/releases/<version>/} holding each bundled document as it was published
 * ({@code <stem>.yaml}) and the breaking changes that release acknowledged ({@value #ACKNOWLEDGEMENTS}).
 */
public record Release(String version, Path dir) {

    public static final String ACKNOWLEDGEMENTS = "acknowledged-breaking-changes.yaml";

    /** @return file stem to document text, the project's documents first */
    public Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(ACKNOWLEDGEMENTS))
                    .sorted(Comparator.comparing(Release::publishedOrder).thenComparing(Path::getFileName)).toList()) {
                documents.put(file.getFileName().toString().replaceFirst("\\.yaml$", ""), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read release " + version + " in " + dir + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** The project's documents first, in their usual order (DSS, then API node). */
    private static int publishedOrder(Path file) {
        for (ApiDocument doc : ApiDocument.values()) {
            if (file.getFileName().toString().equals(doc.fileStem() + ".yaml")) {
                return doc.ordinal();
            }
        }
        return ApiDocument.values().length;
    }

    /** @return the breaking changes acknowledged when this release was cut (none for the first one) */
    public Acknowledgements acknowledgements() {
        return Acknowledgements.read(dir.resolve(ACKNOWLEDGEMENTS));
    }
}
