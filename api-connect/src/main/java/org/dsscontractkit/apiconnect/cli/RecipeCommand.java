package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.recipe.ErrorBehaviour;
import org.dsscontractkit.apiconnect.recipe.InputTable;
import org.dsscontractkit.apiconnect.recipe.RecipeOptions;
import org.dsscontractkit.apiconnect.recipe.RecipeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Recipe mode: one call per input CSV row; columns become {{variables}}; errors become columns.")
public final class RecipeCommand implements Callable<Integer> {
    @Mixin CallOptions call;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV", description = "Input CSV with a header line.")
    Path input;

    @Option(names = "--input-delimiter", paramLabel = "CHAR", description = "Input CSV delimiter (default ,).")
    char delimiter = ',';

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file, replaced only when the run succeeds; symlinks are followed, devices and FIFOs written directly (default or '-': standard output).")
    Path output;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "Output format (default: from the file name, else csv).")
    String format;

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns usable as variables (default: all).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--rename", paramLabel = "COLUMN=VARIABLE", description = "Expose a column under another variable name.")
    Map<String, String> renamings = new LinkedHashMap<>();

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", description = "Calls in flight (default 1, as the plugin).")
    int concurrency = 1;

    @Option(names = "--on-error", paramLabel = "BEHAVIOUR",
            description = "ignore | add-error-column | keep-error-column (default) | raise")
    String onError = ErrorBehaviour.KEEP_ERROR_COLUMN.id();

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none", description = "Progress display on stderr (default auto: bar on a terminal).")
    ConsoleProgress.Mode progress = ConsoleProgress.Mode.AUTO;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary (for CI).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ErrorBehaviour behaviour;
        try {
            behaviour = ErrorBehaviour.parse(onError);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, "--on-error", e.getMessage());
        }
        if (concurrency < 1) throw new ConfigException(null, "--concurrency", "must be at least 1");
        RecipeOptions options = new RecipeOptions(columns, renamings, concurrency, behaviour, call.raw, call.metadata);
        OutputOption out = new OutputOption(output, format, spec.commandLine().getOut());
        try (InputTable table = InputTable.open(input, delimiter)) {
            Map<String, String> variables = options.variableNames(table.header(), input.toString());
            ApiConnect api = call.build(new HashSet<>(variables.values()));
            long total = InputTable.countRows(input, delimiter);
            RecipeRunner runner = new RecipeRunner(api, options, call.resultColumns());
            ConsoleProgress bar = new ConsoleProgress(System.err, quiet ? ConsoleProgress.Mode.NONE : progress,
                    System::nanoTime, 2_000_000_000L);
            RecipeRunner.Result result = out.write(runner.leadingColumns(table.header()), sink -> runner.run(table, total, sink, bar));
            if (!quiet) {
                System.err.println("recipe: " + result.inputRows() + " input rows, " + result.outputRows()
                        + " output rows, " + result.failedRows() + " failed call(s)");
            }
        }
        return 0;
    }
}
