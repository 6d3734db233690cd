package org.dsscontractkit.contract.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the kit's executable jar: contract verification without writing a test.
 * Exit codes: 0 the contract holds, 1 it does not (violations, failed interactions), 2 bad usage or input.
 */
@Command(name = "dss-contract-kit", mixinStandardHelpOptions = true, version = "dss-contract-kit 0.1.0",
        description = "Contract verification for the Dataiku DSS public API and the API node user API:"
                + " pacts checked against the OpenAPI documents, providers verified against the kit's pacts,"
                + " a validating proxy for test traffic in any language, the conformance of a live DSS or API node,"
                + " and a spec-driven fuzz of a provider.",
        subcommands = {CheckPactsCommand.class, VerifyProviderCommand.class, ProxyCommand.class,
                ConformanceCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class})
public final class ContractKitCommand {

    public static final int BROKEN = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "org/dsscontractkit/contract/cli/logback-cli.xml");
        // pact-jvm otherwise reports usage to its authors over the network, which CI machines often cannot reach
        if (System.getProperty("pact_do_not_track") == null && System.getenv("pact_do_not_track") == null) {
            System.setProperty("pact_do_not_track", "true");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI without exiting (tests, embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ContractKitCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
                err.println("dss-contract-kit: " + ex.getMessage());
                return USAGE;
            }
            err.println("dss-contract-kit: failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return BROKEN;
        });
        return cli.execute(args);
    }

    /** @return {@code text} as an http(s) URL with a host, or a usage error naming {@code option} */
    static URI httpUri(String option, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new ContractKitCommand.UsageException(option + ": expected http(s)://host[:port], got " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ContractKitCommand.UsageException(option + ": not a URL: " + text + " (" + e.getReason() + ")");
        }
    }

    /** Bad input that the user can fix: printed as one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
