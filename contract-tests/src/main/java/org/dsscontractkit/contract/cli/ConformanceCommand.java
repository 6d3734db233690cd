package org.dsscontractkit.contract.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.dsscontractkit.contract.conformance.ConformanceReport;
import org.dsscontractkit.contract.conformance.ConformanceRun;
import org.dsscontractkit.contract.conformance.DssBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks a live DSS (and/or API node) against the kit's documents: what an administrator runs after an upgrade.
 * Read-only unless {@code --allow-writes}; see {@link ConformanceRun}.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Walk a live DSS as a client would (projects, datasets, schema, rows, jobs, users, groups,"
                + " connections, meanings, logs, futures, variables, API keys, settings...), call every GET it can reach"
                + " with the values found on the way and validate each answer (status, headers, body) against the"
                + " OpenAPI documents. Exit 0 conformant, 1 violations, 2 bad input or unreachable server.")
final class ConformanceCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL",
            description = "The DSS: https://dss.example.com, or its /public/api or /dip/publicapi base.")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "A DSS API key (default: the DSS_API_KEY environment variable). An admin key reaches the"
                    + " admin operations; another key reports them as refused.")
    String apiKey;

    @Option(names = "--project", paramLabel = "KEY",
            description = "Walk only this project (repeatable); default: the projects the key can read.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", defaultValue = "3",
            description = "Items of each list followed: projects, datasets, jobs, users... (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--allow-writes",
            description = "Also run the write scenarios (dataset upload, rows, metrics, job, variables, SQL, deletion"
                    + " as a future) in a scratch project the run creates and deletes; nothing else is touched.")
    boolean allowWrites;

    @Option(names = "--scratch-project", paramLabel = "KEY",
            description = "Key of the scratch project (must not exist; default: CONFORMANCE_<random>).")
    String scratchProject;

    @Option(names = "--sql-connection", paramLabel = "NAME",
            description = "With --allow-writes: run a SQL query (a read) on this connection.")
    String sqlConnection;

    @Option(names = "--sql-query", paramLabel = "SQL", defaultValue = "SELECT 1",
            description = "The query run on --sql-connection (default: ${DEFAULT-VALUE}).")
    String sqlQuery;

    @Option(names = "--apinode-url", paramLabel = "URL", description = "An API node to check as well.")
    String apiNodeUrl;

    @Option(names = "--service", paramLabel = "ID", description = "A service of the API node to call (repeatable).")
    List<String> services = new ArrayList<>();

    @Option(names = "--service-key", paramLabel = "KEY",
            description = "API key of the service(s) (default: none, for public services).")
    String serviceKey;

    @Option(names = "--apinode-admin-key", paramLabel = "KEY",
            description = "Admin key of the API node, to list the services' endpoints (else give --endpoint).")
    String apiNodeAdminKey;

    @Option(names = "--endpoint", paramLabel = "ID",
            description = "An endpoint of the service(s) to call (repeatable), when the admin API is not available.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--insecure", description = "Accept any TLS certificate and host name (self-signed DSS).")
    boolean insecure;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "Per request (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
            description = "Where conformance-report.md and TEST-conformance.xml (JUnit) go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        ConformanceRun.Options options = options();
        ConformanceReport report = ConformanceRun.run(options, out);
        out.print(report.summary());
        List<Path> written = report.write(reportDir);
        out.println("Reports: " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        return report.conformant() ? 0 : ContractKitCommand.BROKEN;
    }

    private ConformanceRun.Options options() {
        if (url == null && apiNodeUrl == null) {
            throw new ContractKitCommand.UsageException("--url: required (the DSS to check), or --apinode-url for an"
                    + " API node alone");
        }
        String key = apiKey != null ? apiKey : System.getenv("DSS_API_KEY");
        if (url != null) {
            DssBase.parse("--url", url);
            if (key == null || key.isBlank()) {
                throw new ContractKitCommand.UsageException("--api-key: required with --url (or set DSS_API_KEY)");
            }
        }
        if (sample < 1) {
            throw new ContractKitCommand.UsageException("--sample: expected 1 or more, got " + sample);
        }
        if (!allowWrites && (scratchProject != null || sqlConnection != null)) {
            throw new ContractKitCommand.UsageException((scratchProject != null ? "--scratch-project" : "--sql-connection")
                    + ": only with --allow-writes (the run is read-only otherwise)");
        }
        if (allowWrites && url == null) {
            throw new ContractKitCommand.UsageException("--allow-writes: the write scenarios need --url");
        }
        String scratch = scratchProject != null ? scratchProject
                : "CONFORMANCE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        if (!scratch.matches("[A-Za-z0-9_]+")) {
            throw new ContractKitCommand.UsageException("--scratch-project: a project key is letters, digits and _,"
                    + " got " + scratch);
        }
        if (apiNodeUrl != null) {
            DssBase.apiNode("--apinode-url", apiNodeUrl);
            if (services.isEmpty()) {
                throw new ContractKitCommand.UsageException("--service: required with --apinode-url (the services to"
                        + " call)");
            }
            if (apiNodeAdminKey == null && endpoints.isEmpty()) {
                throw new ContractKitCommand.UsageException("--endpoint: required with --apinode-url unless"
                        + " --apinode-admin-key can list the services' endpoints");
            }
        } else if (!services.isEmpty() || serviceKey != null || !endpoints.isEmpty() || apiNodeAdminKey != null) {
            throw new ContractKitCommand.UsageException("--service, --service-key, --endpoint and --apinode-admin-key"
                    + " need --apinode-url");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ContractKitCommand.UsageException("--timeout: must be positive, got " + timeout);
        }
        return new ConformanceRun.Options(url, key, projects, sample, allowWrites, allowWrites ? scratch : null,
                sqlConnection, sqlQuery, apiNodeUrl, services, serviceKey, apiNodeAdminKey, endpoints, insecure, timeout);
    }
}
