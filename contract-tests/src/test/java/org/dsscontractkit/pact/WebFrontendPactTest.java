package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.contract.PactContractCheck;
import org.dsscontractkit.contract.provider.ProviderStates;
import org.junit.jupiter.api.Test;

/**
 * The web frontend's consumer test, written in TypeScript with pact-js (src/test/typescript): compiles it with the
 * repository's pinned {@code tsc}, runs it with Node's test runner, and checks the two pacts it wrote into
 * {@code target/pacts}, where the provider verification ({@code DssReferenceServerPactIT}, {@code ApiNodePactIT})
 * and {@code PactsMatchSpecIT} pick them up like the Java client's.
 */
class WebFrontendPactTest {

    static final String CONSUMER = "dss-web-frontend";
    static final String DSS_PACT = CONSUMER + "-" + ProviderStates.DSS_PROVIDER + ".json";
    static final String APINODE_PACT = CONSUMER + "-" + ProviderStates.APINODE_PROVIDER + ".json";
    private static final String COMPILED_TEST = "dssWebApi.pact.test.js";
    private static final int MIN_NODE_MAJOR = 20;

    @Test
    void pactJsConsumerTestPassesAndWritesTheFrontendPacts() throws Exception {
        Path nodeModules = configuredPath("node.modules");
        Path tsProject = configuredPath("typescript.project");
        Path outDir = configuredPath("typescript.outDir");
        Path pactDir = configuredPath("pact.rootDir");
        String node = System.getProperty("node.bin", "node");
        Path root = nodeModules.getParent();

        if (!Files.isRegularFile(tsProject.resolve("tsconfig.json"))) {
            fail("No tsconfig.json in " + tsProject + " (system property typescript.project)");
        }
        Path tsc = nodeModules.resolve(".bin").resolve("tsc");
        Path pactJs = nodeModules.resolve("@pact-foundation").resolve("pact").resolve("package.json");
        if (!Files.isExecutable(tsc) || !Files.isRegularFile(pactJs)) {
            fail("TypeScript or pact-js is missing (looked for " + (Files.isExecutable(tsc) ? pactJs : tsc)
                    + "): run npm ci at the repository root (" + root + ")");
        }
        requireNode(node, root);

        Files.createDirectories(pactDir);
        // pact-js merges into an existing pact file: an interaction dropped from the test would survive a rerun
        Files.deleteIfExists(pactDir.resolve(DSS_PACT));
        Files.deleteIfExists(pactDir.resolve(APINODE_PACT));

        long start = System.nanoTime();
        ChildProcess.run(List.of(tsc.toString(), "-p", tsProject.toString(), "--outDir", outDir.toString()), root, Map.of(), "tsc");
        long compiled = System.nanoTime();
        Path testFile = outDir.resolve(COMPILED_TEST);
        assertThat(testFile).as("compiled pact-js test").isRegularFile();
        String output = ChildProcess.run(List.of(node, "--test", "--test-reporter=spec", testFile.toString()), root,
                Map.of("PACT_DIR", pactDir.toString()), "node --test");
        long ran = System.nanoTime();
        System.out.println(output);
        System.out.printf("pact-js consumer test: tsc %d ms, node --test %d ms%n",
                (compiled - start) / 1_000_000, (ran - compiled) / 1_000_000);

        assertPact(pactDir.resolve(DSS_PACT), ProviderStates.DSS_PROVIDER, 4);
        assertPact(pactDir.resolve(APINODE_PACT), ProviderStates.APINODE_PROVIDER, 1);
    }

    private static void assertPact(Path pact, String provider, int interactions) throws IOException {
        assertThat(pact).as("pact written by the pact-js test").isRegularFile();
        JsonNode json = new ObjectMapper().readTree(pact.toFile());
        assertThat(json.path("consumer").path("name").asText()).isEqualTo(CONSUMER);
        assertThat(json.path("provider").path("name").asText()).isEqualTo(provider);
        assertThat(json.path("metadata").path("pactSpecification").path("version").asText()).startsWith("4.");
        assertThat(PactContractCheck.interactionCount(pact)).as("HTTP interactions in " + pact.getFileName())
                .isEqualTo(interactions);
    }

    private static Path configuredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set (contract-tests/pom.xml sets it for surefire;"
                    + " pass -D" + property + "=... when running this test elsewhere)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static void requireNode(String node, Path dir) {
        String version;
        try {
            version = ChildProcess.run(List.of(node, "--version"), dir, Map.of(), "node --version").trim();
        } catch (UncheckedIOException e) {
            throw new AssertionError("Cannot run Node.js (" + node + "): install Node " + MIN_NODE_MAJOR
                    + "+ on the PATH or pass -Dnode.bin=/path/to/node", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
        if (major < MIN_NODE_MAJOR) {
            fail("pact-js needs Node " + MIN_NODE_MAJOR + "+, " + node + " is " + version);
        }
    }
}
