package org.dsscontractkit.clients.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dsscontractkit.reference.testing.GeneratedClientTests;
import org.dsscontractkit.reference.testing.NotYetExercised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript package's tests ({@code node --test}, the compiled {@code src/test/typescript}) against the reference
 * server's jar; judged by {@link GeneratedClientTests} (the suite passes and sends every operation, or the operation
 * is in the ledger's {@code typescript} rows).
 */
class TypeScriptClientIT {

    @TempDir
    Path dataDir;

    @Test
    void theTestsOfThePackagePassAgainstTheReferenceServerAndUseEveryOperation() throws Exception {
        Path stage = Path.of(System.getProperty("npm.stage"));
        List<String> tests;
        try (Stream<Path> files = Files.list(stage.resolve("dist/test"))) {
            tests = files.map(Path::toString).filter(f -> f.endsWith(".test.js")).sorted().toList();
        }
        assertThat(tests).as("compiled tests under %s", stage.resolve("dist/test")).isNotEmpty();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
        command.addAll(tests);
        new GeneratedClientTests("TypeScript", NotYetExercised.Suite.TYPESCRIPT).runAndJudge(dataDir, command, stage,
                Map.of());
    }
}
