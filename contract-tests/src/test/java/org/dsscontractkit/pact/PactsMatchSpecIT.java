package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.PactContractCheck;
import org.dsscontractkit.contract.Violation;
import org.dsscontractkit.contract.provider.ProviderStates;
import org.junit.jupiter.api.Test;

/** Every interaction of the pacts the consumer tests wrote conforms to the bundled OpenAPI documents. */
class PactsMatchSpecIT {

    private static final Path PACTS = Path.of(System.getProperty("pact.dir", "target/pacts"));

    @Test
    void everyInteractionOfEveryPactConformsToTheSpec() throws Exception {
        List<Path> pacts;
        try (Stream<Path> files = Files.list(PACTS)) {
            pacts = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(pacts).as("pacts written by the consumer tests").hasSizeGreaterThanOrEqualTo(4);
        assertThat(pacts).as("the Java client's and the web frontend's (pact-js) pacts")
                .extracting(p -> p.getFileName().toString())
                .contains(PactNames.CONSUMER + "-" + ProviderStates.DSS_PROVIDER + ".json",
                        PactNames.CONSUMER + "-" + ProviderStates.APINODE_PROVIDER + ".json",
                        WebFrontendPactTest.DSS_PACT, WebFrontendPactTest.APINODE_PACT);
        for (Path pact : pacts) {
            System.out.println("Pact " + pact.getFileName() + ": " + PactContractCheck.interactionCount(pact) + " interactions");
        }

        List<Violation> violations = new PactContractCheck(new ContractValidator(OpenApiDocument.bundled())).checkDirectory(PACTS);

        assertThat(violations).as("pact interactions that disagree with the spec").isEmpty();
    }

    @Test
    void aPactWithARenamedFieldIsCaught() throws Exception {
        Path broken = Files.createTempFile("broken-pact", ".json");
        Files.writeString(broken, """
                {"consumer":{"name":"broken"},"provider":{"name":"dss"},"interactions":[{
                  "type":"Synchronous/HTTP","description":"list projects with a renamed key",
                  "request":{"method":"GET","path":"/public/api/projects/","query":{"includeLocation":["False"]},
                             "headers":{"Authorization":["Basic a2V5Og=="]}},
                  "response":{"status":200,"headers":{"Content-Type":["application/json"]},
                              "body":{"content":[{"key":"P"}],"contentType":"application/json","encoded":false}}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}
                """);
        try {
            List<Violation> violations = new PactContractCheck(new ContractValidator(OpenApiDocument.bundled())).checkFile(broken);
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.exchange()).contains("list projects with a renamed key");
                assertThat(v.rule()).isEqualTo("validation.response.body.schema.required");
            });
        } finally {
            Files.delete(broken);
        }
    }
}
