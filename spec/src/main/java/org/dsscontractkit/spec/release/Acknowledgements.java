package org.dsscontractkit.spec.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An acknowledgements file: the breaking changes accepted on purpose, each with its reason.
 *
 * <pre>
 * acknowledged:
 *   - operation: listProjects
 *     location: parameter query includeLocation
 *     rule: schema.type.changed
 *     reason: query booleans are real booleans now; DSS reads true/false as it reads True/False
 * </pre>
 *
 * An entry without a reason, or with an unknown key, is a problem the gate reports (and fails on).
 */
public final class Acknowledgements {

    static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private static final List<String> KEYS = List.of("operation", "location", "rule", "reason");

    private final Path file;
    private final List<Acknowledgement> entries;
    private final List<String> problems;

    private Acknowledgements(Path file, List<Acknowledgement> entries, List<String> problems) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static Acknowledgements none() {
        return new Acknowledgements(null, List.of(), List.of());
    }

    /** Reads the file; a missing file acknowledges nothing. */
    public static Acknowledgements read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Acknowledgements(file, List.of(), List.of());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    static Acknowledgements parse(Path file, String text) {
        String name = file == null ? "acknowledgements" : file.getFileName().toString();
        List<Acknowledgement> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            return new Acknowledgements(file, entries, List.of(name + ": not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Acknowledgements(file, entries, problems);
        }
        JsonNode list = root.path("acknowledged");
        if (!root.isObject() || !(list.isArray() || list.isNull() || list.isMissingNode())) {
            return new Acknowledgements(file, entries, List.of(name + ": expected a list under 'acknowledged:'"));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String label = name + ": entry " + (i + 1);
            if (!entry.isObject()) {
                problems.add(label + ": expected operation, location, rule and reason");
                continue;
            }
            entry.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    problems.add(label + ": unknown key '" + key + "' (expected " + String.join(", ", KEYS) + ")");
                }
            });
            List<String> missing = KEYS.stream().filter(k -> entry.path(k).asText("").isBlank()).toList();
            String reason = entry.path("reason").asText("").trim();
            if (!missing.isEmpty()) {
                problems.add(label + ": " + String.join(", ", missing) + " missing"
                        + (missing.contains("reason") ? " (say why clients can live with this change)" : ""));
                continue;
            }
            if (reason.startsWith("TODO")) {
                problems.add(label + " (" + entry.path("operation").asText() + ", " + entry.path("location").asText()
                        + "): the reason is still the placeholder; say why clients can live with this change");
                continue;
            }
            entries.add(new Acknowledgement(entry.path("operation").asText().trim(),
                    entry.path("location").asText().trim(), entry.path("rule").asText().trim(), reason));
        }
        return new Acknowledgements(file, entries, problems);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public List<Acknowledgement> entries() {
        return entries;
    }

    /** Entries the gate cannot use: no reason, placeholder reason, unknown key, not YAML. */
    public List<String> problems() {
        return problems;
    }

    public Optional<Acknowledgement> find(BreakingChange change) {
        return entries.stream().filter(a -> a.matches(change)).findFirst();
    }

    /** The list entry to paste under {@code acknowledged:} for this change, reason still to write. */
    public static String entryFor(BreakingChange change) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("operation", change.operationId());
        entry.put("location", change.location());
        entry.put("rule", change.rule());
        entry.put("reason", Acknowledgement.REASON_PLACEHOLDER);
        try {
            String yaml = YAML.writeValueAsString(List.of(entry));
            return yaml.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file content with these entries (a release keeps the ones it acknowledged). */
    static String render(String header, List<Acknowledgement> entries) {
        StringBuilder text = new StringBuilder(header);
        if (entries.isEmpty()) {
            return text.append("acknowledged: []\n").toString();
        }
        text.append("acknowledged:\n");
        for (Acknowledgement a : entries) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("operation", a.operation());
            entry.put("location", a.location());
            entry.put("rule", a.rule());
            entry.put("reason", a.reason());
            try {
                YAML.writeValueAsString(List.of(entry)).lines().forEach(line -> text.append("  ").append(line).append('\n'));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }
}
