package org.dsscontractkit.contract;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that fails a test when an exchange made during it (through a {@link ValidatingProxy} on the
 * {@link ContractValidator#shared() shared validator}) violates the OpenAPI documents, and prints the coverage report
 * once, when the test run ends.
 *
 * <pre>{@code @ExtendWith(ContractValidationExtension.class)}</pre>
 */
public class ContractValidationExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractValidationExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ContractValidator validator = ContractValidator.shared();
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(CoveragePrinter.class,
                k -> new CoveragePrinter(validator), CoveragePrinter.class);
        context.getStore(NAMESPACE).put("seen", validator.violations().size());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integer before = context.getStore(NAMESPACE).get("seen", Integer.class);
        List<Violation> all = ContractValidator.shared().violations();
        List<Violation> mine = all.subList(before == null ? 0 : before, all.size());
        if (!mine.isEmpty()) {
            StringBuilder text = new StringBuilder(mine.size() + " exchange(s) violate the OpenAPI documents:");
            mine.forEach(v -> text.append("\n  ").append(v));
            throw new AssertionError(text.toString());
        }
    }

    /** Prints the coverage report when the root context closes, i.e. once at the end of the run. */
    private record CoveragePrinter(ContractValidator validator) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            String report = validator.coverage().render();
            System.out.println(report);
            String file = System.getProperty("contract.coverage.file");
            if (file != null) {
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(file), report);
                } catch (java.io.IOException e) {
                    System.err.println("Cannot write the coverage report to " + file + ": " + e.getMessage());
                }
            }
        }
    }
}
