package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.dataset.OutputFormat;
import org.dsscontractkit.apiconnect.dataset.RowMapper;
import org.dsscontractkit.apiconnect.dataset.RowSink;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "Output format (default: from the file name, else csv).")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ApiConnect api = call.build(Set.of());
        OutputFormat fmt = format == null ? OutputFormat.of(output) : ApiConnectCommand.parseFormat(format);
        DatasetFetch.Result result;
        RowSink sink = fmt.open(output, List.of());
        try {
            result = new DatasetFetch(api, new RowMapper(call.raw), call.metadata).run(sink);
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        sink.close();
        if (!quiet) System.err.println("fetched " + result.rows() + " rows from " + result.pages() + " page(s)");
        return 0;
    }
}
