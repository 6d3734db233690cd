package org.dsscontractkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which operation of a bundled document a request is, from its method and URL path: for coverage reports of clients
 * that only see the wire (the TypeScript and Python clients' test runs log their requests). The path may carry any
 * base path of the document's servers ({@code /public/api}, {@code /dip/publicapi}); where two templates match
 * ({@code /admin/users/{login}} and a literal sibling), the one with more literal segments wins.
 */
public final class OperationRoutes {

    private record Route(String method, Pattern path, int literals, String operationId) {
    }

    private final List<Route> routes;
    private final List<String> bases;
    private final List<String> operationIds;

    private OperationRoutes(List<Route> routes, List<String> bases, List<String> operationIds) {
        this.routes = routes;
        this.bases = bases;
        this.operationIds = operationIds;
    }

    /** The routes of a document (the parsed JSON or YAML tree of a bundle). */
    public static OperationRoutes of(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            StringBuilder regex = new StringBuilder("^");
            int literals = 0;
            for (String segment : path.getKey().split("/", -1)) {
                if (regex.length() > 1) {
                    regex.append('/');
                }
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals += segment.isEmpty() ? 0 : 1;
                }
            }
            Pattern pattern = Pattern.compile(regex.append('$').toString());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String id = op.getValue().path("operationId").asText("");
                if (!id.isEmpty()) {
                    routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), pattern, literals, id));
                    ids.add(id);
                }
            }
        }
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
        Set<String> bases = new LinkedHashSet<>();
        for (JsonNode server : document.path("servers")) {
            String url = server.path("url").asText("");
            String path = url.replaceFirst("^[A-Za-z{][^:]*://[^/]*", "").replaceAll("/+$", "");
            if (!path.isEmpty()) {
                bases.add(path);
            }
        }
        return new OperationRoutes(List.copyOf(routes), List.copyOf(bases), List.copyOf(ids));
    }

    /** Every operationId of the document, in document order. */
    public List<String> operationIds() {
        return operationIds;
    }

    /**
     * The operations a client's requests exercised, from a request log: one request a line, {@code METHOD URL}
     * (lines of other documents are ignored: they match no route).
     */
    public Coverage coverage(List<String> requestLog) {
        Set<String> exercised = new LinkedHashSet<>();
        for (String line : requestLog) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                String path = parts[1].replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
                operationId(parts[0], path).ifPresent(exercised::add);
            }
        }
        List<String> missing = operationIds.stream().filter(id -> !exercised.contains(id)).toList();
        return new Coverage(Set.copyOf(exercised), missing, operationIds.size());
    }

    /** Operations a client exercised out of a document's {@code total}, and those it did not. */
    public record Coverage(Set<String> exercised, List<String> missing, int total) {
    }

    /** The operation a request is, given its method and its URL path (no query string; percent-encoding kept). */
    public Optional<String> operationId(String method, String urlPath) {
        List<String> candidates = new ArrayList<>();
        for (String base : bases) {
            if (urlPath.startsWith(base + "/")) {
                candidates.add(urlPath.substring(base.length()));
            }
        }
        candidates.add(urlPath);
        String verb = method.toUpperCase(Locale.ROOT);
        for (String candidate : candidates) {
            for (Route route : routes) {
                if (route.method().equals(verb) && route.path().matcher(candidate).matches()) {
                    return Optional.of(route.operationId());
                }
            }
        }
        return Optional.empty();
    }
}
