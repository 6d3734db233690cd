package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds every {@code $ref} that does not resolve, in the root document and in every file it reaches, and names the
 * operations that depend on it. Swagger Parser alone reports such refs late or not at all (a missing local component
 * is silently left dangling), and never says which operation is affected.
 */
public final class RefChecker {

    private static final int MAX_NAMED_OPERATIONS = 5;

    private final SourceTree tree;

    public RefChecker(SourceTree tree) {
        this.tree = tree;
    }

    private record Site(Path file, String pointer, String ref, String failure) {
    }

    public List<SpecProblem> check(Path rootFile, OperationIndex operations) {
        Map<Site, Set<String>> brokenBy = new LinkedHashMap<>();
        for (Operation op : operations.operations()) {
            Set<String> visited = new HashSet<>();
            List<Site> broken = new ArrayList<>();
            walk(op.file(), op.pointer(), op.node(), null, visited, broken);
            JsonNode pathParameters = op.pathItem().node().get("parameters");
            if (pathParameters != null) {
                walk(op.pathItem().file(), op.pathItem().pointer() + "/parameters", pathParameters, null, visited,
                        broken);
            }
            for (Site site : broken) {
                brokenBy.computeIfAbsent(site, s -> new LinkedHashSet<>()).add(op.label());
            }
        }
        // Everything else: components nobody uses yet, path items, files reached only from components.
        List<Site> rest = new ArrayList<>();
        walk(rootFile, "", tree.read(rootFile), null, new HashSet<>(), rest);
        for (Site site : rest) {
            brokenBy.putIfAbsent(site, Set.of());
        }

        List<SpecProblem> problems = new ArrayList<>();
        brokenBy.forEach((site, ops) -> problems.add(new SpecProblem(tree.display(site.file()),
                describe(site, ops), site.failure())));
        return problems;
    }

    private static String describe(Site site, Set<String> operations) {
        String where = "at " + (site.pointer().isEmpty() ? "/" : site.pointer());
        if (operations.isEmpty()) {
            return where;
        }
        List<String> named = operations.stream().limit(MAX_NAMED_OPERATIONS).collect(Collectors.toList());
        String more = operations.size() > MAX_NAMED_OPERATIONS
                ? " and " + (operations.size() - MAX_NAMED_OPERATIONS) + " more" : "";
        if (operations.size() == 1) {
            return named.get(0) + " " + where;
        }
        return String.join(", ", named) + more + " " + where;
    }

    private void walk(Path file, String pointer, JsonNode node, String parentKey, Set<String> visited,
                      List<Site> broken) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, pointer + "/" + i, node.get(i), parentKey, visited, broken);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean propertyMap = "properties".equals(parentKey) || "patternProperties".equals(parentKey);
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && !propertyMap) {
            SourceTree.Resolution r = tree.resolve(file, ref.asText());
            if (!r.resolved()) {
                broken.add(new Site(file.toAbsolutePath().normalize(), pointer, ref.asText(), r.failure()));
            } else if (visited.add(r.target().file() + "#" + r.target().pointer())) {
                walk(r.target().file(), r.target().pointer(), r.target().node(), null, visited, broken);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!propertyMap && isLiteralValue(key)) {
                continue; // example payloads may legitimately contain a "$ref" key of their own
            }
            walk(file, pointer + "/" + SourceTree.escapePointerToken(key), field.getValue(), key, visited, broken);
        }
    }

    private static boolean isLiteralValue(String key) {
        return key.equals("example") || key.equals("value") || key.equals("default") || key.equals("enum")
                || key.startsWith("x-");
    }
}
