package org.dsscontractkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.spec.build.Operation;
import org.dsscontractkit.spec.build.OperationIndex;
import org.dsscontractkit.spec.build.SourceTree;

/**
 * Runs the project's pinned Spectral CLI ({@code node_modules/.bin/spectral}, installed by {@code npm ci}) on one
 * source document with the module's ruleset and turns each finding into a line naming file, line, rule and the
 * operation it sits in.
 */
final class Spectral {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEVERITIES = {"error", "warning", "info", "hint"};

    record Finding(int severity, String code, String line) {
    }

    record Result(List<Finding> findings, String rawOutput) {
        long count(int severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        String report() {
            StringBuilder b = new StringBuilder();
            findings.forEach(f -> b.append(f.line()).append('\n'));
            return b.toString();
        }
    }

    static Result lint(Path document) throws IOException, InterruptedException {
        return lint(List.of(document)).get(document);
    }

    /**
     * Lints several documents in one Spectral process (Node start-up and ruleset loading cost seconds each time);
     * the findings are split back per document.
     */
    static Map<Path, Result> lint(List<Path> documents) throws IOException, InterruptedException {
        Path executable = SpecPaths.nodeModules().resolve(".bin/spectral");
        if (!Files.isExecutable(executable)) {
            throw new AssertionError("Spectral is not installed (" + executable.toAbsolutePath().normalize()
                    + " is missing): run npm ci in the repository root");
        }
        Path output = Files.createTempFile("spectral", ".json");
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "lint"));
            documents.forEach(d -> command.add(d.toString()));
            command.addAll(List.of("--ruleset", SpecPaths.ruleset().toString(), "--format", "json",
                    "--output", output.toString(), "--fail-severity", "hint", "--quiet"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Spectral did not finish within 180 s on " + documents);
            }
            String json = Files.readString(output);
            if (json.isBlank()) {
                throw new AssertionError("Spectral exited " + process.exitValue() + " without a report on "
                        + documents + ":\n" + console);
            }
            JsonNode results = JSON.readTree(json);
            Map<Path, Result> byDocument = new LinkedHashMap<>();
            for (Path document : documents) {
                Path absolute = document.toAbsolutePath().normalize();
                List<JsonNode> own = new ArrayList<>();
                for (JsonNode r : results) {
                    Path source = Path.of(r.path("source").asText("")).toAbsolutePath().normalize();
                    // a finding in a file the document $refs is the document's too
                    if (source.equals(absolute) || (documents.size() == 1)
                            || (source.startsWith(absolute.getParent()) && !isOtherDocument(source, documents))) {
                        own.add(r);
                    }
                }
                byDocument.put(document, new Result(findings(document, own), json + console));
            }
            return byDocument;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean isOtherDocument(Path source, List<Path> documents) {
        return documents.stream().map(d -> d.toAbsolutePath().normalize()).anyMatch(source::equals);
    }

    private static List<Finding> findings(Path document, List<JsonNode> results) {
        SourceTree tree = new SourceTree(document.toAbsolutePath().getParent());
        OperationIndex operations = OperationIndex.of(tree, document.toAbsolutePath());
        List<Finding> findings = new ArrayList<>();
        for (JsonNode r : results) {
            int severity = r.path("severity").asInt();
            JsonNode path = r.path("path");
            String where = "";
            if (path.size() >= 3 && "paths".equals(path.get(0).asText())) {
                where = operations.find(path.get(1).asText(), path.get(2).asText())
                        .map(Operation::label).map(l -> " " + l).orElse("");
            }
            List<String> jsonPath = new ArrayList<>();
            path.forEach(p -> jsonPath.add(p.asText()));
            String source = Path.of(r.path("source").asText(document.toString())).getFileName().toString();
            String line = "%s:%d %s %s%s: %s (at %s)".formatted(source,
                    r.path("range").path("start").path("line").asInt() + 1,
                    SEVERITIES[Math.min(Math.max(severity, 0), 3)], r.path("code").asText(), where,
                    r.path("message").asText(), String.join(".", jsonPath));
            findings.add(new Finding(severity, r.path("code").asText(), line));
        }
        return findings;
    }

    private Spectral() {
    }
}
