package org.dsscontractkit.contract.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.provider.PublishedPacts;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Verifies a provider against the kit's pacts (or the user's) and, on each replayed exchange, against the OpenAPI
 * documents: the {@code DssProviderContract} / {@code ApiNodeProviderContract} tests, run through the JUnit
 * platform so that provider states, matchers and provider-state injection behave exactly as in a JUnit build.
 */
@Command(name = "verify-provider", mixinStandardHelpOptions = true,
        description = "Replay the pacts' interactions against a provider (setting up each provider state through its"
                + " public API) and check every answer against the pact and the OpenAPI documents.")
final class VerifyProviderCommand implements Callable<Integer> {

    enum Api { dss, apinode, all }

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The provider's root URL, e.g. https://dss.example.com (the pacts' paths carry /dip/publicapi"
                    + " or /public/api/v1).")
    String url;

    @Option(names = "--state-url", paramLabel = "URL",
            description = "Where provider states are set up (default: --url), e.g. the DSS behind the gateway you verify.")
    String stateUrl;

    @Option(names = "--admin-key", paramLabel = "KEY",
            description = "An admin API key of the provider, to set up provider states and authenticate the replayed"
                    + " DSS requests (default: the DSS_ADMIN_KEY environment variable).")
    String adminKey;

    @Option(names = "--api", paramLabel = "API", defaultValue = "all",
            description = "Which half to verify: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Api api;

    @Option(names = "--pacts", paramLabel = "DIR",
            description = "Folder of pact files to verify instead of the pacts published in the kit.")
    Path pacts;

    @Option(names = "--consumer", paramLabel = "NAME",
            description = "Only the pacts of this consumer (e.g. dss-web-frontend); repeat for several.")
    List<String> consumers = new ArrayList<>();

    @Mixin
    SpecOptions spec;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        URI provider = ContractKitCommand.httpUri("--url", url);
        URI states = stateUrl == null ? provider : ContractKitCommand.httpUri("--state-url", stateUrl);
        String key = adminKey != null ? adminKey : System.getenv("DSS_ADMIN_KEY");
        if (api != Api.apinode && (key == null || key.isBlank())) {
            throw new ContractKitCommand.UsageException("--admin-key: required to verify the DSS API (or set DSS_ADMIN_KEY)");
        }
        if (pacts != null) {
            if (!Files.isDirectory(pacts)) {
                throw new ContractKitCommand.UsageException("--pacts: " + pacts + " is not a folder");
            }
            System.setProperty(PublishedPacts.FOLDER_PROPERTY, pacts.toAbsolutePath().toString());
        }
        File folder;
        try {
            folder = PublishedPacts.folder();
        } catch (IllegalStateException noPacts) {
            // a jar built with -DskipTests: the consumer tests that write the published pacts never ran
            throw new ContractKitCommand.UsageException("this jar carries no pacts (built without its tests?):"
                    + " rebuild it with `mvn -pl contract-tests -am package`, or pass --pacts DIR");
        }
        ContractValidator validator = spec.validator();
        ConfiguredProviders.configure(provider, states, key, validator);
        out.println("Verifying " + provider + " against the pacts in " + folder);

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        // pact-jvm reads its publishing switch from a system property, and so does the kit's consumer filter
        if (!consumers.isEmpty()) {
            System.setProperty(PublishedPacts.CONSUMERS_PROPERTY, String.join(",", consumers));
        }
        System.setProperty("pact.verifier.publishResults", "false");
        if (api != Api.apinode) {
            request.selectors(selectClass(ConfiguredProviders.Dss.class));
        }
        if (api != Api.dss) {
            request.selectors(DiscoverySelectors.selectClass(ConfiguredProviders.ApiNode.class));
        }
        Outcome outcome = new Outcome(out);
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest discovery = request.build();
        launcher.execute(discovery, outcome);

        out.println(outcome.passed + " interactions verified, " + outcome.failed + " failed; "
                + validator.exchangeCount() + " exchanges checked against the OpenAPI documents, "
                + validator.violations().size() + " violations");
        if (outcome.passed.get() + outcome.failed.get() == 0) {
            out.println("No interaction was verified: no pact in " + folder + " names this provider"
                    + (consumers.isEmpty() ? "" : " for consumer(s) " + consumers));
            return ContractKitCommand.BROKEN;
        }
        return outcome.failed.get() == 0 ? 0 : ContractKitCommand.BROKEN;
    }

    /** Prints each interaction's result as it ends, and counts them. */
    private static final class Outcome implements TestExecutionListener {
        private final PrintWriter out;
        final AtomicInteger passed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Outcome(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            if (test.isTest()) {
                (ok ? passed : failed).incrementAndGet();
                out.println((ok ? "  OK   " : "  FAIL ") + test.getDisplayName());
            } else if (!ok) {
                failed.incrementAndGet();
                out.println("  FAIL " + test.getDisplayName() + " (could not run)");
            }
            if (!ok) {
                result.getThrowable().ifPresent(e -> {
                    String message = String.valueOf(e.getMessage());
                    message.lines().forEach(line -> out.println("         " + line));
                });
            }
        }
    }
}
