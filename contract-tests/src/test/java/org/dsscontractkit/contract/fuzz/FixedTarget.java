package org.dsscontractkit.contract.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsscontractkit.contract.OpenApiDocument;

/** A target with one key and the same path values whatever the role: for the fake servers of the unit tests. */
record FixedTarget(URI url, OpenApiDocument document, Map<String, String> values, String key) implements FuzzTarget {

    static OpenApiDocument document(String resource) {
        try (InputStream in = FixedTarget.class.getResourceAsStream("/fuzz/" + resource)) {
            return OpenApiDocument.fromText(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> parameterValues(FuzzOperation operation, FixtureRole role, SplittableRandom random) {
        return values;
    }

    @Override
    public String validKey(Map<String, String> parameterValues) {
        return key;
    }
}
