package org.dsscontractkit.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operations of a bundled OpenAPI document, to check that every request the handle layer sends is one the
 * spec declares (method, exact path with its trailing slash, declared query parameters). This is what keeps the
 * hand-written layer from drifting away from the spec.
 */
public final class SpecOperations {

    private record Operation(String method, String template, Pattern pattern, Set<String> queryParams) { }

    private final List<Operation> operations = new ArrayList<>();

    private SpecOperations(JsonNode document) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> pathLevelQuery = queryNames(path.getValue().path("parameters"), document);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                Set<String> query = new HashSet<>(pathLevelQuery);
                query.addAll(queryNames(op.getValue().path("parameters"), document));
                String regex = "\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), Pattern.compile(regex), query));
            }
        }
    }

    /** Loads {@code openapi/<name>.json} from the classpath (spec jar) or {@code ../spec/target/bundled/<name>.json}. */
    public static SpecOperations load(String name) {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = SpecOperations.class.getClassLoader().getResourceAsStream("openapi/" + name + ".json")) {
            if (in != null) {
                return new SpecOperations(mapper.readTree(in));
            }
            Path bundled = Path.of("..", "spec", "target", "bundled", name + ".json");
            if (Files.exists(bundled)) {
                return new SpecOperations(mapper.readTree(bundled.toFile()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled spec " + name, e);
        }
        throw new IllegalStateException("Bundled spec " + name + ".json not found on the classpath nor in spec/target/bundled"
                + " (build the spec module first)");
    }

    /**
     * @param request a recorded request
     * @param prefix  base prefix to strip from its path ({@code /dip/publicapi}, {@code /public/api} or {@code ""})
     * @return null when the spec declares the request, else what is wrong
     */
    public String violation(StubServer.Recorded request, String prefix) {
        if (!request.path().startsWith(prefix)) {
            return request + " does not start with " + prefix;
        }
        String path = request.path().substring(prefix.length());
        Operation match = null;
        for (Operation operation : operations) {
            if (operation.pattern().matcher(path).matches() && operation.method().equals(request.method())) {
                // prefer literal templates (e.g. /project-folders/locate-project/{k}) over looser ones
                if (match == null || operation.template().indexOf('{') < 0 || literalLength(operation) > literalLength(match)) {
                    match = operation;
                }
            }
        }
        if (match == null) {
            return request.method() + " " + path + " is not an operation of the spec";
        }
        for (String name : request.queryParams().keySet()) {
            if (!match.queryParams().contains(name)) {
                return request.method() + " " + match.template() + " does not declare query parameter '" + name + "'";
            }
        }
        return null;
    }

    private static int literalLength(Operation operation) {
        return operation.template().replaceAll("\\{[^}]+}", "").length();
    }

    private static Set<String> queryNames(JsonNode parameters, JsonNode document) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter;
            if (parameter.has("$ref")) {
                String ref = parameter.get("$ref").asText();
                resolved = document.at(ref.substring(1));
            }
            if ("query".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }
}
