package org.dsscontractkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The handles stand on the generated code: no operation path is written by hand in {@code src/main/java}, and the
 * two base prefixes the client offers are the servers of the DSS document.
 */
class ContractFirstTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    /** A string literal starting like a URL path: "/x", "/{x}". */
    private static final Pattern PATH_LITERAL = Pattern.compile("\"(/[A-Za-z{][^\"]*)\"");

    @Test
    void noHandWrittenOperationPathInTheSources() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                        continue;
                    }
                    Matcher m = PATH_LITERAL.matcher(line);
                    while (m.find()) {
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + " " + m.group(1));
                    }
                }
            }
        }
        // the base prefixes are the spec's servers (checked below), not operation paths
        assertThat(found).as("string literals that look like API paths in src/main/java")
                .allMatch(f -> f.startsWith("org/dsscontractkit/client/ApiBase.java:"));
    }

    @Test
    void theBasePrefixesAreTheServersOfTheDssDocument() throws IOException {
        JsonNode servers = bundled("dss-public-api").path("servers");
        List<String> prefixes = new ArrayList<>();
        servers.forEach(s -> prefixes.add(URI.create(s.path("url").asText()).getPath()));

        assertThat(prefixes).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ApiBase.values()).map(ApiBase::prefix).toList());
    }

    private static JsonNode bundled(String name) throws IOException {
        return new ObjectMapper().readTree(Path.of("..", "spec", "target", "bundled", name + ".json").toFile());
    }
}
