package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import java.net.URL;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The provider verification fails against a provider that renamed a field: the check can fail. */
class BrokenProviderPactIT {

    private static RenamingProvider broken;

    /** The same verification, states and pacts as {@link DssReferenceServerPactIT}, aimed at the broken provider. */
    static class AgainstBrokenProvider extends DssReferenceServerPactIT {
        @Override
        @BeforeEach
        void target(PactVerificationContext context) throws Exception {
            context.setTarget(HttpTestTarget.fromUrl(new URL(broken.url())));
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
        assertThat(tests.succeeded().count()).as("the interactions that do not read projectKey still pass").isPositive();
    }
}
