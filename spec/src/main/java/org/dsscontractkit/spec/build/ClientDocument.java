package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generator-ready variant of a bundle, for code generators of clients in other languages (OpenAPI Generator's
 * {@code typescript-fetch} and {@code python}: the clients-typescript and clients-python modules). The published
 * document stays what validators and Prism check the real client's traffic against; what generators cannot read
 * well is declared in it by extensions, and applied here:
 * <ul>
 *   <li>A component schema with {@code x-client-schema} is replaced, wherever it is referenced, by that schema:
 *       {@code WireBoolean} (a string accepting Python's {@code True}/{@code False}, which Prism would refuse as a
 *       boolean) becomes {@code type: boolean}; generators send {@code true}/{@code false}, which servers read
 *       alike.</li>
 *   <li>An operation's {@code x-dynamic-query-parameters} (query parameters named by the endpoint) becomes one
 *       declared free-form object parameter, {@code style: form, explode: true}, named by the extension's
 *       {@code name}: its members travel as {@code ?member=value}, what the published document describes.</li>
 *   <li>A response offering JSON and other media types lists JSON first: generators type an answer by its first
 *       media type, so the JSON rows of a dataset read come back as JSON, not as text.</li>
 *   <li>Enums reachable from a response are open: their values move to {@code x-known-values} (a newer DSS adds
 *       values, such as the column type {@code datetimetz}, and a closed enum makes a client refuse a valid
 *       answer). Enums only used in requests (the {@code format} parameter) stay closed.</li>
 *   <li>{@code servers} get variables ({@code scheme}, {@code host}, {@code port}, defaults from the published
 *       URL), so a client is pointed at any DSS or API node without rewriting its base URL.</li>
 * </ul>
 *
 * @param name file stem, the same as the bundle's ({@code dss-public-api})
 */
public record ClientDocument(String name, String yaml, String json) {

    /** Folder of the client documents, next to the bundles (target/bundled/client, openapi/client in the jar). */
    public static final String FOLDER = "client";
    static final String CLIENT_SCHEMA = "x-client-schema";
    static final String DYNAMIC_QUERY_PARAMETERS = "x-dynamic-query-parameters";
    static final String KNOWN_VALUES = "x-known-values";

    /** Derives the client document of a bundle, or explains why it would not be a clean document. */
    public static Outcome of(Bundler.Bundle bundle) {
        String file = FOLDER + "/" + bundle.name() + ".yaml";
        List<SpecProblem> problems = new ArrayList<>();
        ObjectNode api;
        try {
            api = (ObjectNode) Json.mapper().readTree(bundle.json());
        } catch (JsonProcessingException e) {
            return new Outcome(Optional.empty(), List.of(new SpecProblem(file, "document", e.getMessage())));
        }
        replaceClientSchemas(api);
        declareDynamicQueryParameters(api, file, problems);
        jsonFirst(api);
        openResponseEnums(api);
        api.set("servers", serversWithVariables(api));
        ObjectNode info = api.with("info");
        info.put("description", info.path("description").asText("") + "\n\n---\n\n**Generator-ready variant** of `"
                + bundle.name() + ".yaml` for client generators: query booleans are booleans, endpoint-named query"
                + " parameters are one free-form object parameter (form, exploded), JSON is the first media type of"
                + " every answer offering it, enums in answers are open (known values in `x-known-values`), and"
                + " `servers` have variables. The wire is the published document's.\n");
        String json;
        String yaml;
        try {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(api) + "\n";
            yaml = Bundler.readableYaml(api);
        } catch (JsonProcessingException e) {
            problems.add(new SpecProblem(file, "document", "cannot serialise the client document: " + e.getMessage()));
            return new Outcome(Optional.empty(), problems);
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, Bundler.parseOptions());
        for (String message : Optional.ofNullable(parsed.getMessages()).orElse(List.of())) {
            problems.add(new SpecProblem(file, "document", "Swagger Parser: " + message));
        }
        return problems.isEmpty()
                ? new Outcome(Optional.of(new ClientDocument(bundle.name(), yaml, json)), problems)
                : new Outcome(Optional.empty(), problems);
    }

    /** Result of the derivation: the client document when it is clean. */
    public record Outcome(Optional<ClientDocument> document, List<SpecProblem> problems) {
    }

    private static void replaceClientSchemas(ObjectNode api) {
        JsonNode schemas = api.path("components").path("schemas");
        List<String> replaced = new ArrayList<>();
        schemas.fields().forEachRemaining(e -> {
            if (e.getValue().has(CLIENT_SCHEMA)) {
                replaced.add(e.getKey());
            }
        });
        for (String name : replaced) {
            JsonNode published = schemas.get(name);
            ObjectNode replacement = published.get(CLIENT_SCHEMA).deepCopy();
            if (!replacement.has("description") && published.has("description")) {
                replacement.set("description", published.get("description"));
            }
            replaceRefs(api, "#/components/schemas/" + name, replacement);
            ((ObjectNode) schemas).remove(name);
        }
    }

    private static void replaceRefs(JsonNode node, String ref, ObjectNode replacement) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> hits = new ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (ref.equals(e.getValue().path("$ref").asText(null))) {
                    hits.add(e.getKey());
                }
            });
            hits.forEach(key -> object.set(key, replacement.deepCopy()));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (ref.equals(array.get(i).path("$ref").asText(null))) {
                    array.set(i, replacement.deepCopy());
                }
            }
        }
        node.forEach(child -> replaceRefs(child, ref, replacement));
    }

    private static void declareDynamicQueryParameters(ObjectNode api, String file, List<SpecProblem> problems) {
        for (Map.Entry<String, ObjectNode> op : operations(api)) {
            JsonNode dynamic = op.getValue().path(DYNAMIC_QUERY_PARAMETERS);
            if (!dynamic.isObject()) {
                continue;
            }
            String name = dynamic.path("name").asText("");
            if (name.isEmpty()) {
                problems.add(new SpecProblem(file, op.getKey(), DYNAMIC_QUERY_PARAMETERS
                        + " needs a `name`: the name of the free-form parameter generated clients take"));
                continue;
            }
            ObjectNode parameter = op.getValue().withArray("parameters").addObject();
            parameter.put("name", name).put("in", "query").put("required", false)
                    .put("style", "form").put("explode", true)
                    .put("description", dynamic.path("description").asText(""));
            parameter.set("schema", dynamic.path("schema").deepCopy());
            if (dynamic.has("example")) {
                parameter.set("example", dynamic.get("example"));
            }
        }
    }

    private static void jsonFirst(ObjectNode api) {
        for (Map.Entry<String, ObjectNode> op : operations(api)) {
            for (JsonNode response : op.getValue().path("responses")) {
                JsonNode content = response.path("content");
                if (content.size() > 1 && content.has("application/json")
                        && !"application/json".equals(content.fieldNames().next())) {
                    ObjectNode ordered = api.objectNode();
                    ordered.set("application/json", content.get("application/json"));
                    content.fields().forEachRemaining(e -> ordered.set(e.getKey(), e.getValue()));
                    ((ObjectNode) response).set("content", ordered);
                }
            }
        }
    }

    /** Opens every enum a response reaches (through refs, properties, items, compositions). */
    private static void openResponseEnums(ObjectNode api) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        for (Map.Entry<String, ObjectNode> op : operations(api)) {
            op.getValue().path("responses").forEach(response -> pending.add(response.path("content")));
        }
        Set<JsonNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/")) {
                pending.add(api.at(ref.substring(1)));
            }
            if (node.isObject() && node.path("enum").isArray()) {
                ObjectNode schema = (ObjectNode) node;
                ArrayNode known = schema.putArray(KNOWN_VALUES);
                schema.get("enum").forEach(value -> {
                    if (!value.isNull()) {
                        known.add(value);
                    }
                });
                schema.remove(List.of("enum", "x-enum-varnames"));
            }
            node.forEach(pending::add);
        }
    }

    /** Each server URL {@code http://localhost:11200/base} as {@code {scheme}://{host}:{port}/base}. */
    private static ArrayNode serversWithVariables(ObjectNode api) {
        ArrayNode servers = api.arrayNode();
        for (JsonNode server : api.path("servers")) {
            URI url = URI.create(server.path("url").asText("/"));
            if (url.getScheme() == null || url.getHost() == null) {
                servers.add(server);
                continue;
            }
            int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            ObjectNode withVariables = servers.addObject();
            withVariables.put("url", "{scheme}://{host}:{port}" + Optional.ofNullable(url.getRawPath()).orElse(""));
            withVariables.set("description", server.path("description"));
            ObjectNode variables = withVariables.putObject("variables");
            ObjectNode scheme = variables.putObject("scheme").put("default", url.getScheme())
                    .put("description", "http, or https behind TLS");
            scheme.putArray("enum").add("http").add("https");
            variables.putObject("host").put("default", url.getHost()).put("description", "Host name or address");
            variables.putObject("port").put("default", String.valueOf(port)).put("description", "TCP port");
        }
        return servers;
    }

    private static List<Map.Entry<String, ObjectNode>> operations(ObjectNode api) {
        List<Map.Entry<String, ObjectNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (Operation.METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                    operations.add(Map.entry(op.getKey() + " " + path.getKey(), (ObjectNode) op.getValue()));
                }
            }
        }
        return operations;
    }
}
