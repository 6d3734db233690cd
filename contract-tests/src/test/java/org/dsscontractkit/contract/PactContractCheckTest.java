package org.dsscontractkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pacts read by pact-jvm, interactions adapted by the validator's pact module, checked against the documents. */
class PactContractCheckTest {

    private static final ContractValidator VALIDATOR = new ContractValidator(OpenApiDocument.bundled());

    private final PactContractCheck check = new PactContractCheck(VALIDATOR);

    @Test
    void aV3PactWithAQueryStringAndPlainBodiesConforms(@TempDir Path dir) throws Exception {
        Path pact = Files.writeString(dir.resolve("v3.json"), """
                {"consumer":{"name":"c"},"provider":{"name":"dss"},"interactions":[{
                  "description":"list projects","request":{"method":"GET","path":"/dip/publicapi/projects/",
                  "query":"includeLocation=False"},
                  "response":{"status":200,"headers":{"Content-Type":"application/json"},"body":[{"projectKey":"P"}]}}],
                 "metadata":{"pactSpecification":{"version":"3.0.0"}}}
                """);

        assertThat(check.checkFile(pact)).isEmpty();
        assertThat(PactContractCheck.interactionCount(pact)).isEqualTo(1);
    }

    @Test
    void aV4BodyWithoutContentTypeHeaderIsCheckedAsItsRecordedTypeAndMessagesAreLeftOut(@TempDir Path dir) throws Exception {
        Path pact = Files.writeString(dir.resolve("v4.json"), """
                {"consumer":{"name":"c"},"provider":{"name":"dss"},"interactions":[
                 {"type":"Synchronous/HTTP","description":"create a project without its owner",
                  "request":{"method":"POST","path":"/dip/publicapi/projects/",
                             "body":{"content":{"projectKey":"P","name":"p"},"contentType":"application/json","encoded":false}},
                  "response":{"status":200,"headers":{"Content-Type":["application/json"]},
                              "body":{"content":{"projectKey":"P"},"contentType":"application/json","encoded":false}}},
                 {"type":"Asynchronous/Messages","description":"an event","contents":{"content":"x"}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}
                """);

        assertThat(check.checkFile(pact)).singleElement().satisfies(v -> {
            assertThat(v.exchange()).isEqualTo("v4.json: \"create a project without its owner\"");
            assertThat(v.rule()).isEqualTo("validation.request.body.schema.required");
        });
        assertThat(PactContractCheck.interactionCount(pact)).isEqualTo(1);
    }

    @Test
    void whatIsNotAPactIsSaidSo(@TempDir Path dir) throws Exception {
        Path half = Files.writeString(dir.resolve("half.json"), "{\"consumer\":");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\":\"not a pact\"}");

        assertThatThrownBy(() -> check.checkFile(half)).isInstanceOf(PactContractCheck.NotAPactException.class)
                .hasMessageStartingWith(half + ": not a pact file (invalid JSON");
        assertThatThrownBy(() -> PactContractCheck.interactionCount(other)).isInstanceOf(PactContractCheck.NotAPactException.class)
                .hasMessage(other + ": not a pact file (no \"interactions\" array)");
    }
}
