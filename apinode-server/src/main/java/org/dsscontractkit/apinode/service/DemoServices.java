package org.dsscontractkit.apinode.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the demo service files (seed 002's examples) into a services dir that does not exist yet. */
public final class DemoServices {

    public static final List<String> FILES = List.of("fraud_svc.yaml", "pricing_svc.yaml", "iris_svc.yaml",
            "python_svc.yaml", "simple_sum.py", "sql_svc.yaml", "lookup_svc.yaml", "uplift_svc.yaml", "forecast_svc.yaml");

    private DemoServices() {
    }

    /** True when the demo files were written (first start). */
    public static boolean seedIfFirstStart(Path servicesDir) {
        if (Files.exists(servicesDir)) {
            return false;
        }
        try {
            Files.createDirectories(servicesDir);
            for (String name : FILES) {
                try (InputStream in = DemoServices.class.getResourceAsStream("/org/dsscontractkit/apinode/demo/" + name)) {
                    Files.copy(in, servicesDir.resolve(name));
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo services into " + servicesDir, e);
        }
    }
}
