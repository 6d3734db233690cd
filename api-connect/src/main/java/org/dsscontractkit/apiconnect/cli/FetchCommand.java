package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.dataset.RowMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Dataset mode: fetch every page of the endpoint into rows (CSV or JSON Lines).")
public final class FetchCommand implements Callable<Integer> {
    @Mixin CallOptions call;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file, replaced only when the run succeeds; symlinks are followed, devices and FIFOs written directly (default or '-': standard output).")
    Path output;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "Output format (default: from the file name, else csv).")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        OutputOption out = new OutputOption(output, format, spec.commandLine().getOut());
        ApiConnect api = call.build(Set.of());
        DatasetFetch fetch = new DatasetFetch(api, new RowMapper(call.raw), call.metadata, call.resultColumns());
        DatasetFetch.Result result = out.write(List.of(), fetch::run);
        if (!quiet) System.err.println("fetched " + result.rows() + " rows from " + result.pages() + " page(s)");
        return 0;
    }
}
