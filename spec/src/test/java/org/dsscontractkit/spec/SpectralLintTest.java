package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.spec.build.ApiDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Spectral (spectral:oas plus the rules in spec/.spectral.yaml) finds nothing at all in either source document, nor
 * in their mock-ready variants (target/bundled/mock).
 */
class SpectralLintTest {

    private static Map<Path, Spectral.Result> sources;

    /**
     * One Spectral run for both documents and their mock-ready variants: each start of Node and the ruleset costs
     * seconds.
     */
    private static synchronized Spectral.Result linted(Path document) throws Exception {
        if (sources == null) {
            List<Path> documents = new ArrayList<>();
            for (ApiDocument d : ApiDocument.values()) {
                documents.add(SpecPaths.source(d));
                documents.add(SpecPaths.mock(d, "yaml"));
            }
            sources = Spectral.lint(documents);
        }
        return sources.get(document);
    }

    private static Map<Path, Spectral.Result> fixtures;

    /** Both fixtures in one run, which also proves findings are attributed to the document they are in. */
    private static synchronized Spectral.Result lintedFixture(String name) throws Exception {
        if (fixtures == null) {
            fixtures = Spectral.lint(List.of(SpecPaths.fixture("valid/things-api.yaml"),
                    SpecPaths.fixture("spectral-violation/things-api.yaml")));
        }
        return fixtures.get(SpecPaths.fixture(name));
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void sourceDocumentHasNoSpectralErrorOrWarning(ApiDocument doc) throws Exception {
        Spectral.Result result = linted(SpecPaths.source(doc));
        assertThat(result.count(0) + result.count(1))
                .as("Spectral errors + warnings in %s:%n%s", doc.fileStem() + ".yaml", result.report())
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void mockDocumentHasNoSpectralErrorOrWarning(ApiDocument doc) throws Exception {
        Spectral.Result result = linted(SpecPaths.mock(doc, "yaml"));
        assertThat(result.count(0) + result.count(1))
                .as("Spectral errors + warnings in mock/%s:%n%s", doc.fileStem() + ".yaml", result.report())
                .isZero();
    }

    @Test
    void aMissingSpectralInstallFailsAndSaysToRunNpmCi() {
        String previous = System.getProperty("spec.nodeModules");
        System.setProperty("spec.nodeModules", "target/no-such-node_modules");
        try {
            assertThatThrownBy(() -> Spectral.lint(SpecPaths.fixture("valid/things-api.yaml")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("run npm ci");
        } finally {
            if (previous == null) {
                System.clearProperty("spec.nodeModules");
            } else {
                System.setProperty("spec.nodeModules", previous);
            }
        }
    }

    @Test
    void rulesetAcceptsAWellFormedDocument() throws Exception {
        Spectral.Result result = lintedFixture("valid/things-api.yaml");
        assertThat(result.findings()).as(result.report()).isEmpty();
    }

    @Test
    void ruleViolationsNameTheFileTheRuleAndTheOperation() throws Exception {
        Spectral.Result result = lintedFixture("spectral-violation/things-api.yaml");
        assertThat(result.report())
                .contains("things-api.yaml:")
                .contains("error dss-operation-summary operation getThing (GET /things/{thingId}): "
                        + "operation has no summary")
                .contains("error dss-operation-4xx-response operation getThing (GET /things/{thingId}): "
                        + "operation documents no 4xx response");
        assertThat(result.count(0)).isEqualTo(2);
    }
}
