package org.dsscontractkit.reference.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The one ledger of operations a suite does not exercise yet, {@code spec/coverage/not-yet-exercised.csv}
 * ({@code suite,operationId,reason}). The permission matrix, the TypeScript and Python client suites and the
 * conformance walk each read their rows: an operation a suite neither exercises nor finds here fails it, and so does a
 * row naming an operation the document no longer has. One file, so the gap is read in one place and can only shrink.
 */
public final class NotYetExercised {

    /** The suites that keep rows in the ledger. */
    public enum Suite {
        PERMISSION_MATRIX("permission-matrix"),
        TYPESCRIPT("typescript"),
        PYTHON("python"),
        CONFORMANCE_WALK("conformance-walk");

        final String column;

        Suite(String column) {
            this.column = column;
        }
    }

    static final String LEDGER = "spec/coverage/not-yet-exercised.csv";

    private NotYetExercised() {
    }

    /** The suite's rows: operationId to the reason it is not exercised yet, in file order. */
    public static Map<String, String> of(Suite suite) {
        Path ledger = ledger();
        Map<String, String> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(ledger)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).build().parse(in)) {
                if (!known(row.get("suite"))) {
                    throw new IllegalStateException(ledger + " line " + row.getRecordNumber() + ": unknown suite '"
                            + row.get("suite") + "'");
                }
                if (!row.get("suite").equals(suite.column)) continue;
                String reason = row.get("reason");
                if (reason.isBlank()) {
                    throw new IllegalStateException(ledger + " line " + row.getRecordNumber() + ": "
                            + row.get("operationId") + " has no reason");
                }
                if (rows.put(row.get("operationId"), reason) != null) {
                    throw new IllegalStateException(ledger + ": " + row.get("operationId") + " listed twice for "
                            + suite.column);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(rows);
    }

    private static boolean known(String column) {
        for (Suite s : Suite.values()) if (s.column.equals(column)) return true;
        return false;
    }

    /** The ledger, found from the module's directory upwards (the build runs each module in its own directory). */
    static Path ledger() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LEDGER);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException(LEDGER + " not found above " + Path.of("").toAbsolutePath());
    }
}
