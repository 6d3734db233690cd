package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.auth.AuthException;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.dataset.OutputFormat;
import org.dsscontractkit.apiconnect.pagination.HttpStatusException;
import org.dsscontractkit.apiconnect.pagination.LoopDetectedException;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.recipe.RecipeFailedException;
import org.dsscontractkit.apiconnect.template.MissingVariableException;
import org.dsscontractkit.apiconnect.transport.TransportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.util.List;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the executable jar. Exit codes: 0 done, 1 the run failed, 2 bad configuration or usage. */
@Command(name = "api-connect", mixinStandardHelpOptions = true, version = "api-connect 0.1.0",
        description = "Call any REST API with presets, templates, pagination, rate limits and a per-row recipe.")
public final class ApiConnectCommand {
    public static final int FAILED = 1;
    public static final int CONFIG = 2;

    /**
     * Registered on demand: picocli builds a model of every registered command by reflection, so when the command
     * line names a subcommand, only that one is built (the others cost about 0.1 s of CPU for nothing).
     */
    private static final List<String> SUBCOMMANDS = List.of("fetch", "recipe", "validate-preset", "bench", "help");

    private static Object subcommand(String name) {
        switch (name) {
            case "fetch": return new FetchCommand();
            case "recipe": return new RecipeCommand();
            case "validate-preset": return new ValidatePresetCommand();
            case "bench": return new BenchCommand();
            default: return new CommandLine.HelpCommand();
        }
    }

    public static void main(String[] args) {
        // Rows go to stdout as UTF-8 whatever the platform charset, as they do into a file.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        System.exit(execute(args, out, new PrintWriter(System.err, true)));
    }

    /** Runs the CLI without exiting (tests, embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ApiConnectCommand());
        if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help")) {
            cli.addSubcommand(args[0], subcommand(args[0]));
        } else {
            for (String name : SUBCOMMANDS) cli.addSubcommand(name, subcommand(name));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof MissingVariableException) {
                err.println("api-connect: configuration error: " + ex.getMessage());
                return CONFIG;
            }
            if (ex instanceof HttpStatusException || ex instanceof LoopDetectedException
                    || ex instanceof RecipeFailedException || ex instanceof TransportException
                    || ex instanceof AuthException || ex instanceof DatasetFetch.DataPathNotFoundException) {
                err.println("api-connect: failed: " + ex.getMessage());
                return FAILED;
            }
            err.println("api-connect: failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return FAILED;
        });
        return cli.execute(args);
    }

    static OutputFormat parseFormat(String s) {
        try {
            return OutputFormat.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, "--format", "expected csv or jsonl, got '" + s + "'");
        }
    }
}
