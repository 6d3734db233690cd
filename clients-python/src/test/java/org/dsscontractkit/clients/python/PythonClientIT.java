package org.dsscontractkit.clients.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.reference.testing.GeneratedClientTests;
import org.dsscontractkit.reference.testing.NotYetExercised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python packages' tests ({@code python3 -m unittest}, {@code src/test/python}) against the reference server's
 * jar, with the staged packages on PYTHONPATH; judged by {@link GeneratedClientTests} (the suite passes and sends
 * every operation, or the operation is in the ledger's {@code python} rows).
 */
class PythonClientIT {

    @TempDir
    Path dataDir;

    @Test
    void theTestsOfThePackagePassAgainstTheReferenceServerAndUseEveryOperation() throws Exception {
        Path stage = Path.of(System.getProperty("python.stage"));
        Path testDir = Path.of(System.getProperty("python.tests"));
        assertThat(stage.resolve("dss_public_api/__init__.py")).as("generated package").isRegularFile();
        List<String> command = List.of(System.getProperty("python", "python3"), "-m", "unittest", "discover",
                "-s", testDir.toString(), "-p", "test_*.py", "-v");
        new GeneratedClientTests("Python", NotYetExercised.Suite.PYTHON).runAndJudge(dataDir, command, testDir,
                Map.of("PYTHONPATH", stage + File.pathSeparator + testDir, "PYTHONDONTWRITEBYTECODE", "1"));
    }
}
