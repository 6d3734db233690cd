package org.dsscontractkit.apinode.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** What function endpoints share: the interpreters to run and the worker script, written once to the data dir. */
public final class FunctionRuntime {

    private final String pythonCommand;
    private final Path workerScript;

    public FunctionRuntime(String pythonCommand, Path runDir) {
        this.pythonCommand = pythonCommand;
        try {
            Files.createDirectories(runDir);
            workerScript = runDir.resolve("python_worker.py");
            try (InputStream in = FunctionRuntime.class.getResourceAsStream("/org/dsscontractkit/apinode/python_worker.py")) {
                Files.copy(in, workerScript, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Python worker script under " + runDir, e);
        }
    }

    public String pythonCommand() {
        return pythonCommand;
    }

    public Path workerScript() {
        return workerScript;
    }

    /** The Rscript executable on the PATH, or null when R is not installed. */
    public static Path rscript() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "Rscript");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
