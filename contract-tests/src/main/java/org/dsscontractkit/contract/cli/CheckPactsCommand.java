package org.dsscontractkit.contract.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.CoverageReport;
import org.dsscontractkit.contract.PactContractCheck;
import org.dsscontractkit.contract.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks consumers' pacts against the OpenAPI documents, without any provider running (bi-directional check). */
@Command(name = "check-pacts", mixinStandardHelpOptions = true,
        description = "Check every HTTP interaction of the given pact files (or folders of them) against the"
                + " OpenAPI documents: request and response, each violation named by pact file, interaction and rule.")
final class CheckPactsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PACT", description = "A pact file (*.json) or a folder of them.")
    List<Path> pacts;

    @Mixin
    SpecOptions spec;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path pact : pacts) {
            files.addAll(pactFiles(pact));
        }
        ContractValidator validator = spec.validator();
        PactContractCheck check = new PactContractCheck(validator);
        List<Violation> violations = new ArrayList<>();
        int interactions = 0;
        for (Path file : files) {
            List<Violation> found;
            int before = validator.exchangeCount();
            try {
                found = check.checkFile(file);
            } catch (PactContractCheck.NotAPactException e) {
                throw new ContractKitCommand.UsageException(e.getMessage());
            }
            // each HTTP interaction is one exchange for the validator: counted there, not by reading the file again
            int count = validator.exchangeCount() - before;
            interactions += count;
            out.println((found.isEmpty() ? "OK   " : "FAIL ") + file + ": " + count + " interactions, "
                    + found.size() + " violations");
            found.forEach(v -> out.println("       " + v));
            violations.addAll(found);
        }
        CoverageReport coverage = validator.coverage();
        out.println(files.size() + " pacts, " + interactions + " interactions, " + violations.size() + " violations; "
                + coverage.exercised().size() + " / " + coverage.operations().size() + " operations covered");
        return violations.isEmpty() ? 0 : ContractKitCommand.BROKEN;
    }

    private static List<Path> pactFiles(Path pact) throws IOException {
        if (Files.isRegularFile(pact)) {
            return List.of(pact);
        }
        if (!Files.isDirectory(pact)) {
            throw new ContractKitCommand.UsageException("PACT: " + pact + " is neither a pact file nor a folder");
        }
        try (Stream<Path> files = Files.list(pact)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            if (found.isEmpty()) {
                throw new ContractKitCommand.UsageException("PACT: " + pact + " holds no *.json pact file");
            }
            return found;
        }
    }
}
