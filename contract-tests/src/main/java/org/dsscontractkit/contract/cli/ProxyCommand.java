package org.dsscontractkit.contract.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;
import org.dsscontractkit.contract.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The validating proxy as a process, for consumers' test suites in any language: point them at the proxy instead of
 * the provider, and every exchange is checked against the OpenAPI documents. On SIGTERM / Ctrl-C (or after
 * {@code --duration}) it prints the coverage report and every violation, and exits 1 if there was any.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Forward every request to the provider and check each exchange against the OpenAPI documents;"
                + " on exit print the violations and the coverage, exit 1 if any exchange broke the contract.")
final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, paramLabel = "URL", description = "The provider's root URL.")
    String target;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port to listen on, on 127.0.0.1 (default: a free one, printed at start).")
    int port;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop by itself after this long (ISO-8601, e.g. PT10M); default: run until stopped.")
    Duration duration;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report (violations and coverage) here.")
    Path report;

    @Mixin
    SpecOptions spec;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = command.commandLine().getOut();
        URI provider = ContractKitCommand.httpUri("--target", target);
        if (port < 0 || port > 65535) {
            throw new ContractKitCommand.UsageException("--port: expected 0 to 65535, got " + port);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new ContractKitCommand.UsageException("--duration: must be positive, got " + duration);
        }
        ContractValidator validator = spec.validator();
        ValidatingProxy proxy = ValidatingProxy.start(provider, validator, port);
        out.println("Validating proxy listening on " + proxy.uri() + " -> " + target);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        int[] exit = {0};
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a signal's exit status is the JVM's (143); the contract's verdict is ours
            Runtime.getRuntime().halt(exit[0]);
        }, "proxy-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean signalled;
        if (duration != null) {
            signalled = stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stopped.await();
            signalled = true;
        }
        proxy.close();
        exit[0] = report(out, validator);
        reported.countDown();
        if (!signalled) {
            // the duration ran out: no shutdown is under way, so the hook can (and must) go before picocli exits
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return exit[0];
    }

    private int report(PrintWriter out, ContractValidator validator) {
        List<Violation> violations = validator.violations();
        StringBuilder text = new StringBuilder();
        violations.forEach(v -> text.append("VIOLATION ").append(v).append('\n'));
        text.append(validator.coverage().render());
        out.print(text);
        out.flush();
        if (report != null) {
            try {
                Files.writeString(report, text);
            } catch (IOException e) {
                out.println("Cannot write the report to " + report + ": " + e.getMessage());
            }
        }
        return violations.isEmpty() ? 0 : ContractKitCommand.BROKEN;
    }
}
