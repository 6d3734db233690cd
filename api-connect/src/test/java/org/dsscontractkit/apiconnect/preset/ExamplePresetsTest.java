package org.dsscontractkit.apiconnect.preset;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The presets shown in the README stay valid against the schema. */
class ExamplePresetsTest {
    @Test
    void everyExamplePresetValidates() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : examples) {
            assertThat(new PresetLoader().load(List.of(p)).preset()).as(p.toString()).isNotNull();
        }
    }
}
