package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.List;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.OpenApiDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The provider verification fails against a provider that renamed a field, on both counts: the pact's
 * expectations and the OpenAPI document. The check can fail.
 */
class BrokenProviderPactIT {

    private static RenamingProvider broken;
    private static final ContractValidator OWN_VALIDATOR = new ContractValidator(OpenApiDocument.bundled());

    /**
     * The same verification, states and pacts as {@link DssReferenceServerPactIT}, aimed at the broken provider;
     * its violations are kept out of the suites' shared validator (they are expected).
     */
    static class AgainstBrokenProvider extends DssReferenceServerPactIT {
        @Override
        protected URI providerUrl() {
            return URI.create(broken.url());
        }

        @Override
        protected ContractValidator validator() {
            return OWN_VALIDATOR;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        broken = new RenamingProvider(ReferenceServerProcess.get().directUrl());
    }

    @AfterAll
    static void stop() {
        broken.close();
    }

    @Test
    void verificationFailsOnTheInteractionsThatReadTheRenamedField() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AgainstBrokenProvider.class))
                .execute().testEvents();

        assertThat(tests.failed().count()).as("interactions failing against the broken provider").isGreaterThanOrEqualTo(2);
        assertThat(tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .anySatisfy(name -> assertThat(name).contains("list the projects"))
                .anySatisfy(name -> assertThat(name).contains("project's summary"));
        List<String> messages = tests.failed().stream().map(BrokenProviderPactIT::failureMessage).toList();
        assertThat(messages).as("the pact's expectation names the missing field")
                .anySatisfy(m -> assertThat(m).contains("projectKey"));
        assertThat(messages).as("the spec check names the rule the answer breaks")
                .anySatisfy(m -> assertThat(m).contains("violates the OpenAPI document")
                        .contains("validation.response.body.schema.required"));
        assertThat(tests.succeeded().count()).as("the interactions that do not read projectKey still pass").isPositive();
    }

    private static String failureMessage(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }
}
