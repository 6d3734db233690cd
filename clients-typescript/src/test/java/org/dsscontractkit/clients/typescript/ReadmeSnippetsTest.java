package org.dsscontractkit.clients.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every TypeScript block of the README is code the tests run (TypeScriptClientIT), line for line. */
class ReadmeSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile("```ts\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyTypeScriptBlockOfTheReadmeIsInTheTests() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/typescript"))) {
            tests = normalized(files.filter(f -> f.toString().endsWith(".ts")).sorted().map(ReadmeSnippetsTest::read)
                    .collect(Collectors.joining("\n")));
        }
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("TypeScript blocks of the README").hasSizeGreaterThanOrEqualTo(4);
        for (String block : blocks) {
            assertThat(tests).as("README block:%n%s", block).contains(normalized(block));
        }
    }

    /** Lines without their indentation, blank lines dropped: the tests indent the README's code in test bodies. */
    static String normalized(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
