package org.dsscontractkit.contract.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.SpecOperation;
import org.dsscontractkit.contract.Violation;

/**
 * What a conformance run found, three ways: the summary printed at the end (operations reached out of the GET
 * operations of each document, violations by operation with the validator's rule, the GETs not reached and why),
 * a JUnit XML report for CI (one test case per operation of the documents: failed with its violations, skipped with
 * the reason it was not reached) and a Markdown report with every exchange.
 */
public final class ConformanceReport {

    /** Where the run pointed and how. */
    public record Run(String target, String apiNodeTarget, boolean writes, String scratchProject, String serverVersion,
                      Instant started, Duration elapsed) {
    }

    private final Run run;
    private final List<OpenApiDocument> documents;
    private final ConformanceLog log;
    private final List<String> notes;
    private final List<String> stopped;

    /**
     * @param notes   what the scenarios could not do (a job that failed, a project that could not be deleted)
     * @param stopped walks that stopped early on an answer they could not follow: the run is incomplete
     */
    public ConformanceReport(Run run, List<OpenApiDocument> documents, ConformanceLog log, List<String> notes,
                             List<String> stopped) {
        this.run = run;
        this.documents = List.copyOf(documents);
        this.log = log;
        this.notes = List.copyOf(notes);
        this.stopped = List.copyOf(stopped);
    }

    /** No exchange broke the contract, and every walk went to its end. */
    public boolean conformant() {
        return log.violations().isEmpty() && stopped.isEmpty();
    }

    public List<Violation> violations() {
        return log.violations();
    }

    /** @return the GET operations of a document */
    static List<SpecOperation> reads(OpenApiDocument document) {
        return document.operations().stream().filter(op -> op.method().equalsIgnoreCase("GET")).toList();
    }

    public List<SpecOperation> notReached() {
        return documents.stream().flatMap(d -> reads(d).stream()).filter(op -> !log.reached(op)).toList();
    }

    /** Violations grouped by operation (the one the exchange was meant for), in document order. */
    private Map<String, List<Violation>> violationsByOperation() {
        Map<String, List<Violation>> grouped = new LinkedHashMap<>();
        for (OpenApiDocument document : documents) {
            for (SpecOperation op : document.operations()) {
                List<Violation> found = log.violations(op);
                if (!found.isEmpty()) {
                    grouped.put(op.toString(), found);
                }
            }
        }
        return grouped;
    }

    private int otherOperationsExercised(OpenApiDocument document) {
        return (int) document.operations().stream().filter(op -> !op.method().equalsIgnoreCase("GET"))
                .filter(log::called).count();
    }

    // ---- human summary ----------------------------------------------------------------------------------------

    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("Conformance of ").append(describeTarget()).append('\n');
        for (OpenApiDocument document : documents) {
            List<SpecOperation> reads = reads(document);
            long reached = reads.stream().filter(log::reached).count();
            text.append("  ").append(name(document)).append(": GET operations reached ").append(reached).append(" / ")
                    .append(reads.size()).append(", other operations exercised ").append(otherOperationsExercised(document))
                    .append(" / ").append(document.operations().size() - reads.size()).append('\n');
        }
        text.append("  ").append(log.exchanges().size()).append(" exchanges validated, ").append(log.violations().size())
                .append(" violations in ").append(violationsByOperation().size()).append(" operations (")
                .append(run.elapsed().toMillis() / 1000.0).append(" s)\n");
        Map<String, List<Violation>> byOperation = violationsByOperation();
        if (!byOperation.isEmpty()) {
            text.append("Violations, by operation:\n");
            byOperation.forEach((op, found) -> {
                text.append("  ").append(op).append(": ").append(found.size()).append('\n');
                found.forEach(v -> text.append("    ").append(v.exchange()).append(" -> ").append(v.status())
                        .append(": ").append(v.rule()).append(": ").append(shorten(v.message(), 300)).append('\n'));
            });
        }
        List<SpecOperation> missing = notReached();
        if (!missing.isEmpty()) {
            text.append("GET operations not reached (").append(missing.size()).append("):\n");
            missing.forEach(op -> text.append("  ").append(op).append(": ")
                    .append(log.whyNotReached(op).orElse("not called")).append('\n'));
        }
        if (!notes.isEmpty()) {
            text.append("Notes:\n");
            notes.forEach(n -> text.append("  ").append(n).append('\n'));
        }
        stopped.forEach(s -> text.append("INCOMPLETE: ").append(s).append('\n'));
        text.append(conformant() ? "CONFORMANT: no exchange broke the contract"
                : "NOT CONFORMANT: " + log.violations().size() + " violations"
                        + (stopped.isEmpty() ? "" : ", run incomplete")).append('\n');
        return text.toString();
    }

    private String describeTarget() {
        List<String> parts = new ArrayList<>();
        if (run.target() != null) {
            parts.add(run.target() + (run.serverVersion() == null ? "" : " (DSS " + run.serverVersion() + ")"));
        }
        if (run.apiNodeTarget() != null) {
            parts.add("API node " + run.apiNodeTarget());
        }
        if (run.target() == null) {
            return String.join(" and ", parts);
        }
        return String.join(" and ", parts) + ", " + (run.writes() ? "with writes in scratch project "
                + run.scratchProject() : "read-only");
    }

    // ---- JUnit XML --------------------------------------------------------------------------------------------

    public String junitXml() {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int skipped = 0;
        int tests = 0;
        for (OpenApiDocument document : documents) {
            for (SpecOperation op : document.operations()) {
                tests++;
                List<Violation> found = log.violations(op);
                cases.append("    <testcase classname=\"").append(xml("conformance." + name(document)))
                        .append("\" name=\"").append(xml(op.toString())).append("\" time=\"0\"");
                if (!found.isEmpty()) {
                    failures++;
                    cases.append(">\n      <failure message=\"").append(xml(found.size() + " violations: "
                                    + found.stream().map(Violation::rule).distinct().collect(Collectors.joining(", "))))
                            .append("\" type=\"contract-violation\">")
                            .append(xml(found.stream().map(Violation::toString).collect(Collectors.joining("\n"))))
                            .append("</failure>\n    </testcase>\n");
                } else if (!log.reached(op)) {
                    skipped++;
                    String why = log.whyNotReached(op).orElse(op.method().equalsIgnoreCase("GET") ? "not called"
                            : run.writes() ? "not called by the write scenarios" : "not called: a read-only run");
                    cases.append(">\n      <skipped message=\"").append(xml(why)).append("\"/>\n    </testcase>\n");
                } else {
                    cases.append("/>\n");
                }
            }
        }
        int errors = 0;
        for (String reason : stopped) {
            tests++;
            errors++;
            cases.append("    <testcase classname=\"conformance.run\" name=\"the walk went to its end\" time=\"0\">\n")
                    .append("      <error message=\"").append(xml(reason)).append("\" type=\"incomplete-run\"/>\n")
                    .append("    </testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"dss-contract-kit conformance\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\"" + run.elapsed().toMillis() / 1000.0
                + "\" timestamp=\"" + LocalDateTime.ofInstant(run.started(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                + "\">\n"
                + "  <properties>\n    <property name=\"target\" value=\"" + xml(describeTarget()) + "\"/>\n"
                + "  </properties>\n" + cases + "</testsuite>\n";
    }

    // ---- Markdown ---------------------------------------------------------------------------------------------

    public String markdown() {
        StringBuilder md = new StringBuilder("# Conformance report\n\n");
        md.append("Target: ").append(describeTarget()).append(". Started ").append(run.started())
                .append(", ").append(run.elapsed().toMillis() / 1000.0).append(" s.\n\n");
        md.append("**").append(conformant() ? "Conformant" : "Not conformant").append("**: ")
                .append(log.exchanges().size()).append(" exchanges validated, ").append(log.violations().size())
                .append(" violations.\n\n");
        md.append("| Document | GET operations reached | Other operations exercised | Operations with violations |\n");
        md.append("|---|---|---|---|\n");
        for (OpenApiDocument document : documents) {
            List<SpecOperation> reads = reads(document);
            long withViolations = document.operations().stream().filter(op -> !log.violations(op).isEmpty()).count();
            md.append("| ").append(name(document)).append(" | ").append(reads.stream().filter(log::reached).count())
                    .append(" / ").append(reads.size()).append(" | ").append(otherOperationsExercised(document))
                    .append(" / ").append(document.operations().size() - reads.size()).append(" | ")
                    .append(withViolations).append(" |\n");
        }
        Map<String, List<Violation>> byOperation = violationsByOperation();
        md.append("\n## Violations\n\n");
        if (byOperation.isEmpty()) {
            md.append("None.\n");
        }
        byOperation.forEach((op, found) -> {
            md.append("### ").append(cell(op)).append("\n\n");
            found.forEach(v -> md.append("- `").append(v.exchange()).append("` → ").append(v.status()).append(": `")
                    .append(v.rule()).append("`: ").append(cell(shorten(v.message(), 600))).append('\n'));
            md.append('\n');
        });
        md.append("\n## GET operations not reached\n\n");
        List<SpecOperation> missing = notReached();
        if (missing.isEmpty()) {
            md.append("None: every GET operation of the documents was called and answered with a success.\n");
        } else {
            md.append("| Operation | Why |\n|---|---|\n");
            missing.forEach(op -> md.append("| `").append(op).append("` | ")
                    .append(cell(log.whyNotReached(op).orElse("not called"))).append(" |\n"));
        }
        if (!notes.isEmpty() || !stopped.isEmpty()) {
            md.append("\n## Notes\n\n");
            stopped.forEach(n -> md.append("- **Incomplete**: ").append(cell(n)).append('\n'));
            notes.forEach(n -> md.append("- ").append(cell(n)).append('\n'));
        }
        md.append("\n## Exchanges\n\n| # | Operation | Request | Status | Violations |\n|---|---|---|---|---|\n");
        int i = 0;
        for (Exchange e : log.exchanges()) {
            md.append("| ").append(++i).append(" | ").append(e.operation().operationId()).append(" | `")
                    .append(cell(e.request())).append("` | ").append(e.status() == 0 ? "none: " + cell(e.note())
                            : e.status() + (e.note() == null ? "" : " (" + cell(e.note()) + ")"))
                    .append(" | ").append(e.violations().isEmpty() ? "" : e.violations().stream().map(Violation::rule)
                            .collect(Collectors.joining(", "))).append(" |\n");
        }
        return md.toString();
    }

    /** Writes {@code conformance-report.md} and {@code TEST-conformance.xml}; returns their paths. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve("conformance-report.md");
        Path junit = dir.resolve("TEST-conformance.xml");
        Files.writeString(markdown, markdown());
        Files.writeString(junit, junitXml());
        return List.of(markdown, junit);
    }

    /** "dss-public-api" for "openapi/dss-public-api.yaml". */
    static String name(OpenApiDocument document) {
        return document.name().replaceFirst(".*/", "").replaceFirst("\\.(ya?ml|json)$", "");
    }

    private static String shorten(String text, int max) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
