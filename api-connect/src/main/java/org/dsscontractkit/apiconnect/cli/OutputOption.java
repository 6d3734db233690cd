package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.dataset.OutputFormat;
import org.dsscontractkit.apiconnect.dataset.OutputTarget;
import org.dsscontractkit.apiconnect.dataset.RowSink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** {@code -o} / {@code --format} of the commands that write rows, and the open-run-close of their output. */
final class OutputOption {
    private final Path file;
    private final OutputFormat format;
    private final OutputTarget target;

    /** Resolves the output before any call, so a wrong path is a usage error (exit 2) with nothing sent. */
    OutputOption(Path file, String format, PrintWriter stdout) {
        this.file = file;
        this.format = format == null ? OutputFormat.of(file) : ApiConnectCommand.parseFormat(format);
        this.target = file == null ? OutputTarget.stream(stdout) : OutputTarget.of(file, stdout);
    }

    /**
     * Runs {@code job} on a sink of the output and completes it; if the job fails, a file keeps its previous
     * content while a stream keeps the rows already written, and the failure goes on to the exit code.
     */
    <T> T write(List<String> leadingColumns, Function<RowSink, T> job) throws IOException {
        RowSink sink = format.open(target, leadingColumns);
        T result;
        try {
            result = job.apply(sink);
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        sink.close();
        return result;
    }

    @Override public String toString() { return file == null ? "standard output" : file.toString(); }
}
