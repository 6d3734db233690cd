package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mock-ready variant of a bundle, for Stoplight Prism ({@code prism mock}, {@code prism proxy}): Prism matches a
 * request path against the document's paths as written and ignores the base path of {@code servers}, so a mock of the
 * published DSS document answers {@code /projects/} but not {@code /public/api/projects/} or
 * {@code /dip/publicapi/projects/}, the paths every client sends. Here every path is mounted under every base path
 * the document's servers declare; operations, schemas and examples are the bundle's own.
 *
 * <p>The copies under the second and later bases get an operationId suffix ({@code listProjectsViaDipPublicapi}):
 * Prism does not need unique ids, but Spectral, Swagger Parser and generators do. The {@code servers} become origins
 * (the mock's own first), since the paths now carry the base.</p>
 *
 * <p>Three more changes make Prism read the documents as the bundles mean them, and survive the real clients:</p>
 * <ul>
 *   <li>Every JSON request body also accepts {@code text/plain}, listed first: the Python client sends its JSON
 *       without a Content-Type, Prism reads such a body as text and checks it against the first media type of the
 *       operation (then forwards it as {@code text/plain}). A typed JSON body is still checked against the JSON
 *       schema.</li>
 *   <li>A {@code multipart/form-data} request body (the dataset upload) keeps its example but not its schema: Prism
 *       5.16 exits on the Python client's upload when it parses the form.</li>
 *   <li>A nullable string enum becomes a nullable string with a pattern of the same values: Prism adds {@code null}
 *       to the enum of a nullable schema itself, the duplicate makes its JSON Schema compiler fail, and Prism then
 *       silently skips the whole body (the API node's {@code predict} bodies were never checked).</li>
 * </ul>
 *
 * @param name       file stem, the same as the bundle's ({@code dss-public-api})
 * @param bases      base paths the operations are mounted under, in the order of the document's servers
 * @param operations operations in the mock document (the bundle's, once per base)
 */
public record MockDocument(String name, List<String> bases, String yaml, String json, int operations) {

    /** Folder of the mock documents, next to the bundles (target/bundled/mock, openapi/mock in the jar). */
    public static final String FOLDER = "mock";

    /** Mounts a bundle, or explains why its mock-ready variant would not be a clean document. */
    public static Outcome of(Bundler.Bundle bundle, ApiDocument document) {
        String file = FOLDER + "/" + bundle.name() + ".yaml";
        List<SpecProblem> problems = new ArrayList<>();
        ObjectNode api;
        try {
            api = (ObjectNode) Json.mapper().readTree(bundle.json());
        } catch (JsonProcessingException e) {
            return new Outcome(Optional.empty(), List.of(new SpecProblem(file, "document", e.getMessage())));
        }
        List<String> bases = bases(api.path("servers"));
        ObjectNode mounted = api.objectNode();
        Map<String, String> operationIds = new HashMap<>();
        int count = 0;
        for (int b = 0; b < bases.size(); b++) {
            String base = bases.get(b);
            String suffix = b == 0 ? "" : "Via" + pascalCase(base);
            for (Iterator<Map.Entry<String, JsonNode>> it = api.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                String mountedPath = path.getKey().startsWith(base + "/") ? path.getKey() : base + path.getKey();
                if (mounted.has(mountedPath)) {
                    problems.add(new SpecProblem(file, "path " + mountedPath, "mounting " + path.getKey()
                            + " under " + base + " collides with a path the document already has"));
                    continue;
                }
                ObjectNode item = path.getValue().deepCopy();
                for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!Operation.METHODS.contains(op.getKey()) || !op.getValue().isObject()) {
                        continue;
                    }
                    count++;
                    ObjectNode operation = (ObjectNode) op.getValue();
                    String id = operation.path("operationId").asText() + suffix;
                    operation.put("operationId", id);
                    String label = "operation " + id + " (" + op.getKey().toUpperCase(Locale.ROOT) + " " + mountedPath + ")";
                    String first = operationIds.putIfAbsent(id, label);
                    if (first != null) {
                        problems.add(new SpecProblem(file, label, "operationId '" + id + "' is already used by " + first));
                    }
                }
                mounted.set(mountedPath, item);
            }
        }
        api.set("paths", mounted);
        acceptUntypedJsonBodies(api);
        skipPrismMultipartParsing(api);
        nullableEnumsAsPatterns(api);
        if (api.path("components").isObject()) {
            dropUnreachableComponents(api);
        }
        api.set("servers", servers(api, document, bases));
        ObjectNode info = api.with("info");
        info.put("description", info.path("description").asText("") + note(bundle.name(), bases));

        String json;
        String yaml;
        try {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(api) + "\n";
            yaml = Bundler.readableYaml(api);
        } catch (JsonProcessingException e) {
            problems.add(new SpecProblem(file, "document", "cannot serialise the mock document: " + e.getMessage()));
            return new Outcome(Optional.empty(), problems);
        }
        // lint: what Prism, Spectral and the generators read must be a clean, self-contained document
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, Bundler.parseOptions());
        for (String message : Optional.ofNullable(parsed.getMessages()).orElse(List.of())) {
            problems.add(new SpecProblem(file, "document", "Swagger Parser: " + message));
        }
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }
        return new Outcome(Optional.of(new MockDocument(bundle.name(), List.copyOf(bases), yaml, json, count)), problems);
    }

    /** Result of mounting: the mock document when it is clean. */
    public record Outcome(Optional<MockDocument> document, List<SpecProblem> problems) {
    }

    /**
     * Lists {@code text/plain} first in every request body that takes {@code application/json}, with the JSON
     * example as its example.
     */
    private static void acceptUntypedJsonBodies(ObjectNode api) {
        for (ObjectNode body : requestBodies(api)) {
            JsonNode json = body.path("content").path("application/json");
            if (!json.isObject() || body.path("content").has("text/plain")) {
                continue;
            }
            ObjectNode content = api.objectNode();
            ObjectNode text = content.putObject("text/plain");
            text.putObject("schema").put("type", "string").put("description", "The application/json document of"
                    + " this operation, sent without a Content-Type header as the Python client (dataikuapi) does:"
                    + " Prism reads an untyped body as text, and forwards it as text/plain.");
            jsonExample(api, json).ifPresent(example -> text.put("example", example.toString()));
            content.setAll((ObjectNode) body.path("content"));
            body.set("content", content);
        }
    }

    /**
     * Removes the schema (and its encoding) of every {@code multipart/form-data} request body, keeping its example:
     * Prism 5.16 parses a form it has a schema for, and its parser throws on a file part without a Content-Type
     * header (what the Python client's upload sends), which ends the Prism process (stoplightio/prism#2672).
     */
    private static void skipPrismMultipartParsing(ObjectNode api) {
        for (ObjectNode body : requestBodies(api)) {
            JsonNode form = body.path("content").path("multipart/form-data");
            if (form.isObject() && form.has("schema")) {
                ((ObjectNode) form).remove(List.of("schema", "encoding"));
                body.put("description", body.path("description").asText("") + " (Mock document: the form has no"
                        + " schema here, so that Prism does not parse it; see the document's description.)");
            }
        }
    }

    /** Every request body object: the components, and the operations' own (a {@code $ref} is a component). */
    private static List<ObjectNode> requestBodies(ObjectNode api) {
        List<ObjectNode> bodies = new ArrayList<>();
        api.path("components").path("requestBodies").forEach(b -> bodies.add((ObjectNode) b));
        for (JsonNode item : api.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode body = op.getValue().path("requestBody");
                if (Operation.METHODS.contains(op.getKey()) && body.isObject() && !body.has("$ref")) {
                    bodies.add((ObjectNode) body);
                }
            }
        }
        return bodies;
    }

    /** The media type's example: its own, its first named one, or its schema's. */
    private static Optional<JsonNode> jsonExample(ObjectNode api, JsonNode mediaType) {
        if (mediaType.has("example")) {
            return Optional.of(mediaType.get("example"));
        }
        Iterator<JsonNode> named = mediaType.path("examples").elements();
        if (named.hasNext()) {
            JsonNode example = resolve(api, named.next());
            if (example.has("value")) {
                return Optional.of(example.get("value"));
            }
        }
        JsonNode schema = resolve(api, mediaType.path("schema"));
        return schema.has("example") ? Optional.of(schema.get("example")) : Optional.empty();
    }

    private static JsonNode resolve(ObjectNode api, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : node;
    }

    /**
     * Turns every nullable string enum into a nullable string with a pattern of the same values: Prism adds
     * {@code null} to a nullable enum itself, and the {@code null} OpenAPI 3.0.3 has the enum list already makes a
     * duplicate its JSON Schema compiler refuses, after which Prism silently skips the whole body. Without the
     * {@code null}, Spectral rejects the documents' {@code null} examples; a pattern means the same to both.
     */
    private static void nullableEnumsAsPatterns(JsonNode node) {
        if (node.isObject() && node.path("nullable").asBoolean(false) && "string".equals(node.path("type").asText())
                && node.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            boolean strings = true;
            for (JsonNode value : node.path("enum")) {
                strings &= value.isTextual() || value.isNull();
                if (value.isTextual()) {
                    values.add(value.asText());
                }
            }
            if (strings && !values.isEmpty()) {
                ObjectNode schema = (ObjectNode) node;
                schema.remove("enum");
                schema.put("pattern", "^(" + String.join("|", values.stream().map(MockDocument::regexLiteral).toList()) + ")$");
                schema.put("description", schema.path("description").asText("") + " (Mock document: one of "
                        + String.join(", ", values) + " or null, written as a pattern; see the document's description.)");
            }
        }
        node.forEach(MockDocument::nullableEnumsAsPatterns);
    }

    private static String regexLiteral(String value) {
        return value.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0");
    }

    /**
     * Drops the components nothing reaches from the paths: Swagger Parser inlined the parameters and responses into
     * the operations when it bundled, and the upload form's schema went with {@link #skipPrismMultipartParsing};
     * linters report unused components. Security schemes are referred to by name and stay.
     */
    private static void dropUnreachableComponents(ObjectNode api) {
        Set<String> reached = new java.util.HashSet<>();
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>();
        api.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("components")) {
                pending.add(e.getValue());
            }
        });
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject() && node.path("$ref").asText("").startsWith("#/components/")
                    && reached.add(node.path("$ref").asText())) {
                pending.add(api.at(node.path("$ref").asText().substring(1)));
            }
            node.forEach(pending::add);
        }
        ObjectNode components = (ObjectNode) api.path("components");
        List<String> emptied = new ArrayList<>();
        components.fields().forEachRemaining(section -> {
            if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                return;
            }
            List<String> unused = new ArrayList<>();
            section.getValue().fieldNames().forEachRemaining(name -> {
                if (!reached.contains("#/components/" + section.getKey() + "/" + name)) {
                    unused.add(name);
                }
            });
            ((ObjectNode) section.getValue()).remove(unused);
            if (section.getValue().isEmpty()) {
                emptied.add(section.getKey());
            }
        });
        components.remove(emptied);
    }

    /** The distinct base paths of the servers ("" for a server at an origin's root), in their order. */
    static List<String> bases(JsonNode servers) {
        Set<String> bases = new LinkedHashSet<>();
        for (JsonNode server : servers) {
            String path = URI.create(server.path("url").asText("/")).getPath();
            bases.add(path == null ? "" : path.replaceAll("/+$", ""));
        }
        if (bases.isEmpty()) {
            bases.add("");
        }
        return List.copyOf(bases);
    }

    /** The Prism mock first, then the origins of the document's servers (the paths now carry the bases). */
    private static ArrayNode servers(ObjectNode api, ApiDocument document, List<String> bases) {
        ArrayNode servers = api.arrayNode();
        servers.addObject().put("url", "http://127.0.0.1:" + document.mockPort())
                .put("description", "Prism mock of this document (npx prism mock -p " + document.mockPort() + " "
                        + "spec/target/bundled/mock/" + document.fileStem() + ".yaml)");
        Set<String> origins = new LinkedHashSet<>();
        for (JsonNode server : api.path("servers")) {
            URI url = URI.create(server.path("url").asText("/"));
            if (url.getScheme() != null && url.getRawAuthority() != null) {
                origins.add(url.getScheme() + "://" + url.getRawAuthority());
            }
        }
        String where = bases.size() == 1 && bases.get(0).isEmpty() ? "" : " (API under " + String.join(" and ", bases) + ")";
        for (String origin : origins) {
            servers.addObject().put("url", origin).put("description", "Reference server at its default port" + where);
        }
        return servers;
    }

    private static String note(String name, List<String> bases) {
        String mounts = bases.size() == 1
                ? "The paths already carry the API's base, so they are the published document's own."
                : "Every path is mounted under each API base (" + String.join(", ", bases.stream()
                        .map(b -> "`" + b + "`").toList()) + "), because Prism matches request paths as written and"
                        + " ignores the base path of `servers`; the copies under the bases after the first have an"
                        + " operationId suffix (`" + "Via" + pascalCase(bases.get(1)) + "`).";
        return "\n\n---\n\n**Mock-ready variant** of `" + name + ".yaml` for Prism (`npx prism mock`, `npx prism"
                + " proxy`): the same operations, schemas and examples. " + mounts + " Every JSON request body also"
                + " accepts `text/plain`, listed first, for the JSON the Python client sends without a Content-Type"
                + " (Prism reads it as text); a multipart form has no schema (Prism 5.16 exits when it parses the Python"
                + " client's upload, stoplightio/prism#2672); a nullable enum is a nullable string with a pattern of the same"
                + " values (Prism adds `null` to an enum itself, and the duplicate made it skip whole bodies). Pick an"
                + " error"
                + " or another example with the request header `Prefer: code=404` or `Prefer: example=<name>`.\n";
    }

    /** "/dip/publicapi" -> "DipPublicapi". */
    static String pascalCase(String base) {
        StringBuilder out = new StringBuilder();
        for (String segment : base.split("[^A-Za-z0-9]+")) {
            if (!segment.isEmpty()) {
                out.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return out.toString();
    }
}
