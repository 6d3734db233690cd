package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar carries what servers load from the classpath: the bundles, their mock-ready variants and the docs
 * site, no templates.
 */
class SpecJarIT {

    @Test
    void jarCarriesTheBundlesAndTheDocs() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("spec.screenshotDir", "target")))) {
            jar = files.filter(p -> p.getFileName().toString().matches("spec-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources"))
                    .findFirst().orElseThrow(() -> new AssertionError("no spec jar under target/"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : new String[] {OpenApiResources.DSS_PUBLIC_API_YAML, OpenApiResources.DSS_PUBLIC_API_JSON,
                    OpenApiResources.APINODE_USER_API_YAML, OpenApiResources.APINODE_USER_API_JSON,
                    OpenApiResources.DSS_PUBLIC_API_MOCK_YAML, OpenApiResources.DSS_PUBLIC_API_MOCK_JSON,
                    OpenApiResources.APINODE_USER_API_MOCK_YAML, OpenApiResources.APINODE_USER_API_MOCK_JSON,
                    OpenApiResources.DOCS_ROOT + "index.html", OpenApiResources.DOCS_ROOT + "dss-public-api.html",
                    OpenApiResources.DOCS_ROOT + "apinode-user-api.html",
                    OpenApiResources.DOCS_ROOT + "changelog.html", OpenApiResources.CHANGELOG,
                    OpenApiResources.DOCS_ROOT + "assets/swagger-ui/swagger-ui-bundle.js"}) {
                assertThat(file.getJarEntry(entry)).as("jar entry %s", entry).isNotNull();
            }
            assertThat(new String(file.getInputStream(file.getJarEntry(OpenApiResources.DSS_PUBLIC_API_YAML))
                    .readNBytes(20))).startsWith("openapi: 3.0.3");
            assertThat(new String(file.getInputStream(file.getJarEntry(OpenApiResources.DSS_PUBLIC_API_MOCK_YAML))
                    .readAllBytes())).contains("/dip/publicapi/projects/:").contains("/public/api/projects/:");
            assertThat(file.stream().map(e -> e.getName())).noneMatch(n -> n.startsWith("docs-template/"));
            assertThat(new String(file.getInputStream(file.getJarEntry(OpenApiResources.CHANGELOG)).readAllBytes()))
                    .startsWith("# Changelog of the OpenAPI documents").contains("## 0.1.0");
            // no page may pull anything from the network
            String index = new String(file.getInputStream(file.getJarEntry("docs/dss-public-api.html")).readAllBytes());
            assertThat(index).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        }
    }
}
