package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.dsscontractkit.spec.build.ApiDocument;
import org.dsscontractkit.spec.lint.ExampleValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The published documents as Swagger Parser and a JSON Schema validator see them. */
class SpecDocumentsTest {

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void swaggerParserReadsTheSourceWithoutAnyMessage(ApiDocument doc) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readLocation(SpecPaths.source(doc).toUri().toString(), null, options);
        assertThat(result.getMessages()).as("Swagger Parser messages for %s.yaml", doc.fileStem()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).as("OpenAPI version").isEqualTo("3.0.3");
        printOperationCounts(doc, result.getOpenAPI());
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void theBundleIsSelfContainedAndReadsWithoutAnyMessage(ApiDocument doc) throws Exception {
        String bundled = Files.readString(SpecPaths.bundledJson(doc));
        assertThat(bundled).doesNotContain("\"$ref\" : \"./").doesNotContain(".yaml#/");
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(bundled, null, new ParseOptions());
        assertThat(result.getMessages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void everyExampleMatchesItsSchema(ApiDocument doc) throws Exception {
        JsonNode bundled = new ObjectMapper().readTree(SpecPaths.bundledJson(doc).toFile());
        ExampleValidator.Report report = new ExampleValidator(doc.fileStem() + ".yaml", bundled).validate();
        assertThat(report.failures()).as("examples that do not match their schema").isEmpty();
        assertThat(report.examplesChecked()).as("examples found in %s", doc.fileStem()).isPositive();
        System.out.printf("[spec] %s: %d examples validated against their schemas%n", doc.fileStem(),
                report.examplesChecked());
    }

    private static void printOperationCounts(ApiDocument doc, OpenAPI api) {
        Map<String, Integer> perTag = new TreeMap<>();
        int total = 0;
        for (PathItem item : api.getPaths().values()) {
            for (Operation op : item.readOperations()) {
                total++;
                for (String tag : op.getTags() == null ? java.util.List.of("(untagged)") : op.getTags()) {
                    perTag.merge(tag, 1, Integer::sum);
                }
            }
        }
        System.out.printf("[spec] %s: %d operations; per tag %s%n", doc.fileStem(), total, perTag);
    }
}
