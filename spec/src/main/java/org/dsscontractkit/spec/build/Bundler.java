package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one source document (possibly split over several files) into a single self-contained document: Swagger
 * Parser inlines every external {@code $ref} into {@code components} under its own name and keeps local refs as
 * refs, so the bundle stays readable and generators see the same component names as the sources.
 */
public final class Bundler {

    /** Swagger Parser names the spot as {@code paths.'/projects/'(get)}; we turn that into an operation label. */
    private static final Pattern PARSER_OPERATION = Pattern.compile("paths\\.'([^']*)'\\((\\w+)\\)");

    /** Block scalars for descriptions and no folded lines, so the bundle reads like the hand-written sources. */
    private static final YAMLMapper READABLE_YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    public record Bundle(String name, OpenAPI openApi, String yaml, String json, OperationIndex operations) {
    }

    /** Result of bundling: the bundle when there were no problems. */
    public record Outcome(Optional<Bundle> bundle, List<SpecProblem> problems) {
    }

    public Outcome bundle(Path rootFile) {
        Path root = rootFile.toAbsolutePath().normalize();
        SourceTree tree = new SourceTree(root.getParent());
        String file = tree.display(root);
        List<SpecProblem> problems = new ArrayList<>();

        OperationIndex operations;
        try {
            operations = OperationIndex.of(tree, root);
        } catch (RuntimeException e) {
            return new Outcome(Optional.empty(), List.of(new SpecProblem(file, "document", e.getMessage())));
        }
        problems.addAll(new RefChecker(tree).check(root, operations));
        problems.addAll(checkOperationIds(tree, operations));
        if (!problems.isEmpty()) {
            // Swagger Parser would repeat every broken ref as "attribute ... is missing": report each once.
            return new Outcome(Optional.empty(), problems);
        }

        SwaggerParseResult parsed;
        try {
            parsed = new OpenAPIV3Parser().readLocation(root.toUri().toString(), null, parseOptions());
        } catch (RuntimeException e) {
            problems.add(new SpecProblem(file, "document", "Swagger Parser failed: " + e));
            return new Outcome(Optional.empty(), problems);
        }
        for (String message : Optional.ofNullable(parsed.getMessages()).orElse(List.of())) {
            problems.add(new SpecProblem(file, locate(message, operations), "Swagger Parser: " + message));
        }
        if (parsed.getOpenAPI() == null) {
            if (problems.isEmpty()) {
                problems.add(new SpecProblem(file, "document", "Swagger Parser read no OpenAPI document"));
            }
            return new Outcome(Optional.empty(), problems);
        }
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }

        String yaml;
        String json;
        try {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(parsed.getOpenAPI()) + "\n";
            JsonNode bundled = Json.mapper().readTree(json);
            yaml = READABLE_YAML.writeValueAsString(bundled);
            if (!READABLE_YAML.readTree(yaml).equals(bundled)) {
                problems.add(new SpecProblem(file, "document", "the YAML bundle does not read back as the JSON one"));
                return new Outcome(Optional.empty(), problems);
            }
        } catch (JsonProcessingException e) {
            problems.add(new SpecProblem(file, "document", "cannot serialise the bundle: " + e.getMessage()));
            return new Outcome(Optional.empty(), problems);
        }
        // The bundle must stand alone: read it back from memory, where no sibling file can rescue a ref.
        SwaggerParseResult reread = new OpenAPIV3Parser().readContents(yaml, null, parseOptions());
        for (String message : Optional.ofNullable(reread.getMessages()).orElse(List.of())) {
            problems.add(new SpecProblem(file, locate(message, operations),
                    "bundled document is not self-contained: " + message));
        }
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }
        String name = root.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return new Outcome(Optional.of(new Bundle(name, parsed.getOpenAPI(), yaml, json, operations)), problems);
    }

    /** The bundles' YAML style (block scalars, no folded lines), for documents derived from a bundle. */
    static String readableYaml(JsonNode document) throws JsonProcessingException {
        return READABLE_YAML.writeValueAsString(document);
    }

    static ParseOptions parseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        options.setValidateInternalRefs(true);
        return options;
    }

    private static List<SpecProblem> checkOperationIds(SourceTree tree, OperationIndex operations) {
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, Operation> seen = new HashMap<>();
        for (Operation op : operations.operations()) {
            String file = tree.display(op.file());
            if (op.operationId() == null) {
                problems.add(new SpecProblem(file, op.label(), "operationId is missing"));
                continue;
            }
            Operation first = seen.putIfAbsent(op.operationId(), op);
            if (first != null) {
                problems.add(new SpecProblem(file, op.label(), "operationId '" + op.operationId()
                        + "' is already used by " + first.label()));
            }
        }
        return problems;
    }

    static String locate(String parserMessage, OperationIndex operations) {
        Matcher m = PARSER_OPERATION.matcher(parserMessage);
        if (m.find()) {
            return operations.find(m.group(1), m.group(2))
                    .map(Operation::label)
                    .orElse("operation " + m.group(2).toUpperCase() + " " + m.group(1));
        }
        return "document";
    }
}
