package org.dsscontractkit.apinode.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsscontractkit.apinode.function.FunctionRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFileLoaderTest {

    @TempDir
    Path dir;

    private ServiceFileLoader loader() {
        return new ServiceFileLoader(new FunctionRuntime("python3", dir.resolve("run")));
    }

    @Test
    void everyDemoServiceFileIsValid() throws Exception {
        Path services = dir.resolve("services");
        assertThat(DemoServices.seedIfFirstStart(services)).isTrue();
        assertThat(DemoServices.seedIfFirstStart(services)).isFalse();
        for (Path file : ServiceFileLoader.listServiceFiles(services)) {
            try (ServiceGeneration g = loader().load(file)) {
                assertThat(g.endpoints()).isNotEmpty();
            }
        }
    }

    @Test
    void schemaViolationNamesFileFieldAndRule() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                serviceId: bad_svc
                endpoints:
                  - id: p
                    type: PREDICTION
                    model: {kind: BINARY_CLASSIFICATION, classes: [a, b], features: [{name: x, type: NUMERIC}]}
                """);
        assertThatThrownBy(() -> loader().load(file))
                .isInstanceOfSatisfying(ServiceFileLoader.InvalidServiceFile.class, e -> {
                    assertThat(e.serviceId()).isEqualTo("bad_svc");
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file()).isEqualTo(file.toString());
                        assertThat(p.field()).contains("endpoints[0].model.features[0]");
                        assertThat(p.rule()).isEqualTo("required");
                        assertThat(p.message()).contains("coefficient");
                    });
                });
    }

    @Test
    void semanticProblemsAreReportedWithTheirField() throws Exception {
        Path file = dir.resolve("multi.yaml");
        Files.writeString(file, """
                serviceId: m_svc
                endpoints:
                  - id: p
                    type: PREDICTION
                    model:
                      kind: MULTICLASS_CLASSIFICATION
                      classes: [a, b, c]
                      features: [{name: x, type: NUMERIC, coefficient: {a: 1, b: 2}}]
                  - id: f
                    type: PYTHON_FUNCTION
                    file: missing.py
                    function: f
                """);
        assertThatThrownBy(() -> loader().load(file))
                .isInstanceOfSatisfying(ServiceFileLoader.InvalidServiceFile.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.field()).isEqualTo("/endpoints/0/model/features/0/coefficient");
                        assertThat(p.rule()).isEqualTo("perClass");
                        assertThat(p.message()).contains("'c'");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.field()).isEqualTo("/endpoints/1/file");
                        assertThat(p.rule()).isEqualTo("exists");
                    });
                });
    }

    @Test
    void yamlSyntaxErrorIsReported() throws Exception {
        Path file = dir.resolve("syntax.yaml");
        Files.writeString(file, "serviceId: [unclosed\n");
        assertThatThrownBy(() -> loader().load(file))
                .isInstanceOfSatisfying(ServiceFileLoader.InvalidServiceFile.class,
                        e -> assertThat(e.problems().get(0).rule()).isEqualTo("syntax"));
    }

    @Test
    void generationsSortNaturally() {
        assertThat(ServiceRegistry.compareNatural("v2", "v10")).isNegative();
        assertThat(ServiceRegistry.compareNatural("v10", "v9")).isPositive();
        assertThat(ServiceRegistry.compareNatural("v1", "v1")).isZero();
    }

    @Test
    void dispatchKeyAlwaysPicksTheSameGeneration() {
        GenerationMapping mapping = new GenerationMapping(java.util.List.of(
                new GenerationMapping.Entry("v1", 0.5), new GenerationMapping.Entry("v2", 0.5)));
        String first = mapping.pick("customer-42");
        for (int i = 0; i < 20; i++) {
            assertThat(mapping.pick("customer-42")).isEqualTo(first);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(mapping.pick("key-" + i));
        }
        assertThat(seen).containsExactlyInAnyOrder("v1", "v2");
    }
}
