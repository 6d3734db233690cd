package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.spec.build.ApiDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How much of what the official Python client calls the documents describe, per area, printed in every build.
 *
 * <p>The calls are facts read from the client's source ({@code coverage/dataikuapi-*-calls.csv}, made by
 * {@code coverage/extract_client_calls.py}). A call is covered when a document has an operation with the same method
 * and the same path, trailing slash included, once every path parameter is written {@code {}}. The floor below only
 * ever goes up: an operation removed from a document, or a path that drifts from what the client sends, lowers the
 * figure and fails the build.
 */
class ClientCallCoverageTest {

    /** Core-area calls the documents covered when this floor was last raised. */
    private static final int CORE_FLOOR = 158;

    private static final Path CALLS = Path.of("coverage/dataikuapi-14.3.3-calls.csv");

    private record Call(String scope, String area, boolean core, String method, String path, String source) {
        String key() {
            return method + " " + path;
        }
    }

    private static List<Call> calls;
    private static Map<String, Set<String>> operationsByScope;
    /** Operations marked {@code x-dss-contract-kit-extension: true}: offered by the reference server, not by DSS. */
    private static final Set<String> kitExtensions = new HashSet<>();

    @BeforeAll
    static void load() throws IOException {
        calls = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(CALLS, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                calls.add(new Call(r.get("scope"), r.get("area"), r.get("core").equals("yes"), r.get("method"),
                        r.get("path"), r.get("source")));
            }
        }
        operationsByScope = new TreeMap<>();
        operationsByScope.put("dss", operations("dss", ApiDocument.DSS_PUBLIC_API, ""));
        // The API node client's base ends with /public/api/v1/: its paths start at the service id.
        operationsByScope.put("apinode", operations("apinode", ApiDocument.APINODE_USER_API, "/public/api/v1"));
        operationsByScope.put("apinode-admin", Set.of());
    }

    private static Set<String> operations(String scope, ApiDocument doc, String base) {
        OpenAPI api = new OpenAPIV3Parser().read(SpecPaths.source(doc).toUri().toString(), null, new ParseOptions());
        Set<String> ops = new HashSet<>();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            String path = e.getKey().startsWith(base) ? e.getKey().substring(base.length()) : e.getKey();
            String normalised = path.replaceAll("\\{[^}]*}", "{}");
            e.getValue().readOperationsMap().forEach((method, op) -> {
                ops.add(method.name() + " " + normalised);
                if (op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().get("x-dss-contract-kit-extension"))) {
                    kitExtensions.add(scope + " " + method.name() + " " + normalised);
                }
            });
        }
        return ops;
    }

    private static boolean covered(Call c) {
        return operationsByScope.getOrDefault(c.scope(), Set.of()).contains(c.key());
    }

    @Test
    void theCallListIsReadAndEveryDocumentedOperationIsCountedOnce() {
        assertThat(calls).as("calls listed in %s", CALLS).hasSizeGreaterThan(700);
        assertThat(calls.stream().map(c -> c.scope() + " " + c.key()).distinct().count())
                .as("one row per (scope, method, path)").isEqualTo(calls.size());
    }

    @Test
    void printsTheCoveragePerAreaAndNeverFallsBelowTheFloor() {
        Map<String, int[]> perArea = new TreeMap<>();
        int core = 0;
        int coreCovered = 0;
        int dss = 0;
        int dssCovered = 0;
        for (Call c : calls) {
            boolean hit = covered(c);
            if (c.scope().equals("dss")) {
                dss++;
                if (hit) dssCovered++;
            }
            if (!c.core()) continue;
            int[] counts = perArea.computeIfAbsent(c.area(), a -> new int[2]);
            counts[1]++;
            core++;
            if (hit) {
                counts[0]++;
                coreCovered++;
            }
        }
        StringBuilder table = new StringBuilder("[spec] dataikuapi 14.3.3 calls described by the documents, per area\n");
        perArea.forEach((area, n) -> table.append(String.format("[spec]   %-18s %3d / %3d%n", area, n[0], n[1])));
        table.append(String.format("[spec]   %-18s %3d / %3d (%d %%)%n", "core areas", coreCovered, core,
                Math.round(100.0 * coreCovered / core)));
        table.append(String.format("[spec]   %-18s %3d / %3d%n", "all DSS calls", dssCovered, dss));
        System.out.print(table);
        assertThat(coreCovered).as("core-area calls covered (the floor only goes up: raise it when you add some)")
                .isGreaterThanOrEqualTo(CORE_FLOOR);
    }

    @Test
    void everyDssOperationTheClientNeverCallsIsMarkedAsAKitExtension() {
        Set<String> called = new HashSet<>();
        calls.forEach(c -> called.add(c.scope() + " " + c.key()));
        List<String> extra = new ArrayList<>();
        operationsByScope.forEach((scope, ops) -> ops.stream()
                .filter(op -> !called.contains(scope + " " + op)).sorted()
                .forEach(op -> extra.add(scope + " " + op)));
        // The API node GET variants (predict-simple, run and query with query parameters, lookup-simple) are
        // described by the API node documentation, not by the Python client.
        extra.forEach(op -> System.out.println("[spec] documented, not called by dataikuapi: " + op));
        assertThat(extra.stream().filter(op -> op.startsWith("dss ")).filter(op -> !kitExtensions.contains(op)))
                .as("DSS operations dataikuapi never calls must say x-dss-contract-kit-extension: true").isEmpty();
        assertThat(kitExtensions).as("kit extensions that dataikuapi does call").doesNotContainAnyElementsOf(called);
    }
}
