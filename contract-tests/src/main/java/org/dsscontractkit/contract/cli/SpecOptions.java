package org.dsscontractkit.contract.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.OpenApiDocument;
import picocli.CommandLine.Option;

/** Which OpenAPI documents exchanges are checked against: the kit's bundled ones unless told otherwise. */
final class SpecOptions {

    @Option(names = "--spec", paramLabel = "FILE",
            description = "OpenAPI document (YAML or JSON) to check against instead of the kit's bundled DSS and API"
                    + " node documents; repeat for several.")
    List<Path> specs = new ArrayList<>();

    ContractValidator validator() {
        return new ContractValidator(specs.isEmpty() ? OpenApiDocument.bundled() : read(specs));
    }

    /** @return the documents in these files, or a usage error naming --spec */
    static List<OpenApiDocument> read(List<Path> specs) {
        List<OpenApiDocument> documents = new ArrayList<>();
        for (Path spec : specs) {
            if (!Files.isRegularFile(spec)) {
                throw new ContractKitCommand.UsageException("--spec: " + spec + " is not a file");
            }
            try {
                documents.add(OpenApiDocument.fromText(spec.getFileName().toString(), Files.readString(spec)));
            } catch (IOException e) {
                throw new ContractKitCommand.UsageException("--spec: cannot read " + spec + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ContractKitCommand.UsageException("--spec: " + e.getMessage());
            }
        }
        return documents;
    }
}
