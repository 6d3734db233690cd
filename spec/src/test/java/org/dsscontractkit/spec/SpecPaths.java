package org.dsscontractkit.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsscontractkit.spec.build.ApiDocument;

/** Folders the Maven build hands to the tests (system properties), with defaults for running from the IDE. */
final class SpecPaths {

    private SpecPaths() {
    }

    static Path sourceDir() {
        return Path.of(System.getProperty("spec.sourceDir", "src/main/openapi"));
    }

    static Path bundledDir() {
        return Path.of(System.getProperty("spec.bundledDir", "target/bundled"));
    }

    static Path nodeModules() {
        return Path.of(System.getProperty("spec.nodeModules", "../node_modules"));
    }

    static Path ruleset() {
        return Path.of(System.getProperty("spec.ruleset", ".spectral.yaml"));
    }

    static Path fixture(String relative) {
        return Path.of("src/test/resources/fixtures").resolve(relative);
    }

    static Path source(ApiDocument doc) {
        return doc.sourceIn(sourceDir());
    }

    /** The mock-ready variant (MockDocument) of a document, yaml or json. */
    static Path mock(ApiDocument doc, String extension) {
        Path file = bundledDir().resolve("mock").resolve(doc.fileStem() + "." + extension);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: the spec build (mvn -pl spec process-classes) writes it");
        }
        return file;
    }

    static Path bundledJson(ApiDocument doc) {
        Path json = bundledDir().resolve(doc.fileStem() + ".json");
        if (!Files.isRegularFile(json)) {
            throw new AssertionError(json + " is missing: the spec build (mvn -pl spec process-classes) writes it");
        }
        return json;
    }
}
