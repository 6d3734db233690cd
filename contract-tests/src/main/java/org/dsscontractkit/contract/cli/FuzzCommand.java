package org.dsscontractkit.contract.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.fuzz.ApiNodeFuzzTarget;
import org.dsscontractkit.contract.fuzz.DssFuzzTarget;
import org.dsscontractkit.contract.fuzz.FuzzReport;
import org.dsscontractkit.contract.fuzz.FuzzTarget;
import org.dsscontractkit.contract.fuzz.Fuzzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The spec-driven fuzz as a command: hostile requests made from every operation of a document, sent to a provider;
 * exit 1 on any 5xx, dropped connection, non-DSSError error or success without credentials.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Send seeded hostile requests made from every operation of the DSS (or API node) document:"
                + " wrong-typed properties and parameters, hostile path segments, malformed, deeply nested and oversized"
                + " bodies, no key and unknown keys. Exit 1 on any 5xx, dropped connection, error that is not a DSSError"
                + " JSON body, or success without credentials. For DSS it creates (and removes) projects, users, groups,"
                + " connections and keys named FUZZ_<tag>/fuzz_<tag>: run it against a test instance.")
final class FuzzCommand implements Callable<Integer> {

    enum Api { dss, apinode }

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The provider's root URL.")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "DSS: an admin API key (default: the DSS_ADMIN_KEY environment variable). API node: the key of"
                    + " the services named by --endpoint, which then must refuse calls without it.")
    String apiKey;

    @Option(names = "--api", paramLabel = "API", defaultValue = "dss",
            description = "Which document to fuzz: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Api api;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the run (default: " + Fuzzer.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000", description = "Requests to send (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "4", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Longest wait for a complete answer, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "Longest the whole run may take, ISO-8601; past it the run stops, incomplete, exit 1 (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--case", paramLabel = "INDEX", description = "Replay request INDEX of the seed alone, and print it with its answer.")
    Long replay;

    @Option(names = "--endpoint", paramLabel = "SERVICE/ENDPOINT",
            description = "API node endpoints to fuzz; repeat for several (default: the reference server's demo services).")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "FILE", description = "OpenAPI document to fuzz instead of the kit's bundled one for --api.")
    Path spec;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report and every finding here.")
    Path report;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        URI provider = ContractKitCommand.httpUri("--url", url);
        if (requests < 1) {
            throw new ContractKitCommand.UsageException("--requests: must be at least 1, got " + requests);
        }
        if (connections < 1 || connections > 256) {
            throw new ContractKitCommand.UsageException("--connections: expected 1 to 256, got " + connections);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ContractKitCommand.UsageException("--timeout: must be positive, got " + timeout);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new ContractKitCommand.UsageException("--budget: must be positive, got " + budget);
        }
        if (replay != null && replay < 0) {
            throw new ContractKitCommand.UsageException("--case: must be 0 or more, got " + replay);
        }
        OpenApiDocument document = spec != null ? SpecOptions.read(List.of(spec)).get(0)
                : OpenApiDocument.fromClasspath(api == Api.dss ? OpenApiDocument.DSS_PUBLIC_API : OpenApiDocument.APINODE_USER_API);
        reachable(provider);
        long runSeed = seed != null ? seed : Fuzzer.DEFAULT_SEED;
        Fuzzer.Options options = Fuzzer.Options.defaults().withSeed(runSeed).withRequests(requests)
                .withConnections(connections).withTimeout(timeout).withBudget(budget)
                .withReplayHint("fuzz --url " + url + " --api " + api + " --seed {seed} --case <index>");
        try (FuzzTarget target = target(provider, document)) {
            Fuzzer fuzzer = new Fuzzer(List.of(target), options);
            if (replay != null) {
                Fuzzer.Replay result = fuzzer.replay(replay);
                out.print(result.render());
                out.flush();
                return result.findings().isEmpty() ? 0 : ContractKitCommand.BROKEN;
            }
            out.printf("Fuzzing %s (%s, %d operations) with seed %d: %d requests%n", provider, document.name(),
                    fuzzer.operationCount(), runSeed, requests);
            out.flush();
            FuzzReport result = fuzzer.run(out);
            String text = result.render();
            out.print(text);
            out.flush();
            if (report != null) {
                Files.writeString(report, text + "\n" + result.renderFindings());
            }
            return result.passed() ? 0 : ContractKitCommand.BROKEN;
        }
    }

    private FuzzTarget target(URI provider, OpenApiDocument document) {
        if (api == Api.apinode) {
            List<ApiNodeFuzzTarget.Endpoint> named = new ArrayList<>();
            for (String endpoint : endpoints) {
                try {
                    named.add(ApiNodeFuzzTarget.Endpoint.parse(endpoint, apiKey));
                } catch (IllegalArgumentException e) {
                    throw new ContractKitCommand.UsageException("--endpoint: " + e.getMessage());
                }
            }
            return new ApiNodeFuzzTarget(provider, document, named.isEmpty() ? ApiNodeFuzzTarget.referenceDemo() : named);
        }
        if (!endpoints.isEmpty()) {
            throw new ContractKitCommand.UsageException("--endpoint: only with --api apinode");
        }
        String key = apiKey != null ? apiKey : System.getenv("DSS_ADMIN_KEY");
        if (key == null || key.isBlank()) {
            throw new ContractKitCommand.UsageException("--api-key: an admin key is required to fuzz the DSS API (or set DSS_ADMIN_KEY)");
        }
        try {
            return DssFuzzTarget.setUp(provider, key, document);
        } catch (IllegalStateException e) {
            throw new ContractKitCommand.UsageException("--api-key: " + e.getMessage());
        }
    }

    /** Nothing listening is the user's mistake (a wrong port), not ten thousand findings. */
    private static void reachable(URI provider) {
        int port = provider.getPort() > 0 ? provider.getPort() : "https".equals(provider.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(provider.getHost(), port), 5000);
        } catch (IOException e) {
            throw new ContractKitCommand.UsageException("--url: nothing answers at " + provider + " (" + e.getMessage() + ")");
        }
    }
}
