package org.dsscontractkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dsscontractkit.client.DSSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The consumer check can fail: a consumer whose code drifted from its pact (it asks for a project's summary where
 * the pact describes the project list) fails its Pact test, and no pact is written for it.
 */
class ConsumerDriftTest {

    private static final String DRIFT_PACTS = "target/drift-pacts";

    /** Run only through the test kit below (surefire skips nested classes). */
    @ExtendWith(PactConsumerTestExt.class)
    @PactTestFor(providerName = "drift-demo-provider", pactVersion = PactSpecVersion.V4)
    @PactDirectory(DRIFT_PACTS)
    static class DriftedConsumer {

        @Pact(consumer = "drift-demo-consumer")
        V4Pact listProjects(PactDslWithProvider builder) {
            return builder.uponReceiving("a request to list the projects")
                    .method("GET").path("/dip/publicapi/projects/").matchQuery("includeLocation", "true|false", "false")
                    .willRespondWith().status(200).headers(Map.of("Content-Type", "application/json"))
                    .body(PactDslJsonArray.arrayMinLike(1).stringType("projectKey", "P").closeObject())
                    .toPact(V4Pact.class);
        }

        @Test
        @PactTestFor(pactMethod = "listProjects")
        void callsSomethingElse(MockServer mockServer) {
            try {
                new DSSClient(mockServer.getUrl(), "k").getProject("P").getSummary();
            } catch (org.dsscontractkit.client.DataikuException swallowed) {
                // a consumer that hides the error: only the pact's own check can tell that it drifted
            }
        }
    }

    @Test
    void aConsumerThatDriftedFromItsPactFailsAndWritesNoPact() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DriftedConsumer.class))
                .execute().testEvents();

        assertThat(tests.failed().count()).isEqualTo(1);
        String failure = tests.failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::toString).orElse("");
        assertThat(failure).as("names the request the pact did not expect or the one it missed")
                .contains("/dip/publicapi/projects/P", "/dip/publicapi/projects/");
        assertThat(Path.of(DRIFT_PACTS, "drift-demo-consumer-drift-demo-provider.json")).doesNotExist();
        assertThat(Files.exists(Path.of(DRIFT_PACTS))).as("nothing written for the drifted consumer")
                .satisfiesAnyOf(exists -> assertThat(exists).isFalse(),
                        exists -> assertThat(Path.of(DRIFT_PACTS).toFile().list()).isEmpty());
    }
}
