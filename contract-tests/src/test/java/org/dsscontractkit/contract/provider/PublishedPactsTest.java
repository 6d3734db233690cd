package org.dsscontractkit.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedPactsTest {

    @AfterEach
    void clear() {
        System.clearProperty(PublishedPacts.FOLDER_PROPERTY);
        System.clearProperty(PublishedPacts.CONSUMERS_PROPERTY);
    }

    @Test
    void theConsumerFilterKeepsOnlyTheNamedConsumersPacts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("web-dss.json"), pact("web", ProviderStates.DSS_PROVIDER));
        Files.writeString(dir.resolve("java-dss.json"), pact("java", ProviderStates.DSS_PROVIDER));
        System.setProperty(PublishedPacts.FOLDER_PROPERTY, dir.toString());
        System.setProperty(PublishedPacts.CONSUMERS_PROPERTY, " java ");

        var loaded = new PublishedPacts(getClass()).load(ProviderStates.DSS_PROVIDER);

        assertThat(loaded).singleElement().satisfies(p -> assertThat(p.getConsumer().getName()).isEqualTo("java"));
    }

    @Test
    void aConfiguredFolderReplacesThePublishedPactsAndOnlyTheNamedProvidersAreLoaded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("web-dss.json"), pact("web", ProviderStates.DSS_PROVIDER));
        Files.writeString(dir.resolve("web-node.json"), pact("web", ProviderStates.APINODE_PROVIDER));
        System.setProperty(PublishedPacts.FOLDER_PROPERTY, dir.toString());

        var loaded = new PublishedPacts(getClass()).load(ProviderStates.DSS_PROVIDER);

        assertThat(loaded).singleElement().satisfies(p -> {
            assertThat(p.getConsumer().getName()).isEqualTo("web");
            assertThat(p.getInteractions()).hasSize(1);
        });
    }

    @Test
    void aConfiguredFolderThatIsNotOneIsRefusedByName(@TempDir Path dir) {
        System.setProperty(PublishedPacts.FOLDER_PROPERTY, dir.resolve("missing").toString());

        assertThatThrownBy(() -> new PublishedPacts(getClass()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PublishedPacts.FOLDER_PROPERTY).hasMessageContaining("is not a directory");
    }

    private static String pact(String consumer, String provider) {
        return """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[{
                  "type":"Synchronous/HTTP","description":"list projects",
                  "request":{"method":"GET","path":"/dip/publicapi/projects/"},
                  "response":{"status":200}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}
                """.formatted(consumer, provider);
    }
}
