package org.dsscontractkit.spec.lint;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dsscontractkit.spec.build.SourceTree;

/**
 * Validates every example of a bundled (self-contained) OpenAPI 3.0 document against its schema with the networknt
 * JSON Schema validator in its OpenAPI 3.0 dialect ({@code nullable}, {@code discriminator}, {@code example} known;
 * no {@code $schema}). Covers media-type {@code example}/{@code examples} (including refs to
 * {@code components/examples}), parameter and header examples, and schema-level {@code example} anywhere.
 */
public final class ExampleValidator {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final String file;
    private final JsonNode document;
    private final String documentIri;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    private final List<String> failures = new ArrayList<>();
    private JsonSchema root;
    private int checked;

    /**
     * @param file     name used in messages (the source file the bundle came from)
     * @param document the bundled document as a JSON tree; all its refs are local
     */
    public ExampleValidator(String file, JsonNode document) {
        this.file = file;
        this.document = document;
        this.documentIri = "urn:dss-contract-kit:" + file.replaceAll("[^A-Za-z0-9._-]", "_");
        String json = document.toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(documentIri, json))));
    }

    /** Result: how many examples were checked and one message per example that does not match its schema. */
    public record Report(int examplesChecked, List<String> failures) {
    }

    public Report validate() {
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String pathPointer = "/paths/" + SourceTree.escapePointerToken(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String opId = op.getValue().path("operationId").asText(null);
                String where = "operation " + (opId == null ? "" : opId + " ")
                        + "(" + op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + ")";
                validateOperation(where, pathPointer, op.getKey(), op.getValue(), path.getValue());
            }
        }
        JsonNode schemas = document.path("components").path("schemas");
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            walkSchema("schema " + name, "/components/schemas/" + SourceTree.escapePointerToken(name));
        }
        return new Report(checked, List.copyOf(failures));
    }

    private void validateOperation(String where, String pathPointer, String method, JsonNode op, JsonNode pathItem) {
        String opPointer = pathPointer + "/" + method;
        validateParameters(where, pathPointer + "/parameters", pathItem.path("parameters"));
        validateParameters(where, opPointer + "/parameters", op.path("parameters"));
        if (op.has("requestBody")) {
            Target body = follow(opPointer + "/requestBody");
            validateContent(where + " request body", body.pointer() + "/content", body.node().path("content"));
        }
        for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            Target response = follow(opPointer + "/responses/" + SourceTree.escapePointerToken(code));
            validateContent(where + " response " + code, response.pointer() + "/content",
                    response.node().path("content"));
            for (Iterator<String> headers = response.node().path("headers").fieldNames(); headers.hasNext(); ) {
                String header = headers.next();
                Target h = follow(response.pointer() + "/headers/" + SourceTree.escapePointerToken(header));
                validateValueHolder(where + " response " + code + " header " + header, h);
            }
        }
    }

    private void validateParameters(String where, String pointer, JsonNode parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Target p = follow(pointer + "/" + i);
            validateValueHolder(where + " parameter " + p.node().path("name").asText("#" + i), p);
        }
    }

    /** A parameter or header: examples next to {@code schema}, or a {@code content} map. */
    private void validateValueHolder(String where, Target holder) {
        JsonNode node = holder.node();
        if (node.has("schema")) {
            String schema = holder.pointer() + "/schema";
            validateExamples(where, schema, node, holder.pointer());
            walkSchema(where + " schema", schema);
        }
        if (node.has("content")) {
            validateContent(where, holder.pointer() + "/content", node.path("content"));
        }
    }

    private void validateContent(String where, String contentPointer, JsonNode content) {
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String mediaType = types.next();
            String mediaPointer = contentPointer + "/" + SourceTree.escapePointerToken(mediaType);
            JsonNode media = content.path(mediaType);
            if (!media.has("schema")) {
                continue;
            }
            String schema = mediaPointer + "/schema";
            validateExamples(where + " " + mediaType, schema, media, mediaPointer);
            walkSchema(where + " " + mediaType + " schema", schema);
        }
    }

    private void validateExamples(String where, String schemaPointer, JsonNode holder, String holderPointer) {
        if (holder.has("example")) {
            check(where + " example", schemaPointer, holder.get("example"));
        }
        for (Iterator<String> names = holder.path("examples").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Target example = follow(holderPointer + "/examples/" + SourceTree.escapePointerToken(name));
            String label = where + " example '" + name + "'" + (example.refName() == null ? ""
                    : " (" + example.refName() + ")");
            if (example.node().has("value")) {
                check(label, schemaPointer, example.node().get("value"));
            } else if (!example.node().has("externalValue")) {
                failures.add(file + ": " + label + ": has neither value nor externalValue");
            }
        }
    }

    /** Schema-level {@code example}s, in this schema and every inline sub-schema (refs are checked where defined). */
    private void walkSchema(String where, String pointer) {
        JsonNode schema = document.at(JsonPointer.compile(pointer));
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        if (schema.has("example")) {
            check(where + " schema-level example", pointer, schema.get("example"));
        }
        for (Iterator<String> props = schema.path("properties").fieldNames(); props.hasNext(); ) {
            String prop = props.next();
            walkSchema(where + "." + prop, pointer + "/properties/" + SourceTree.escapePointerToken(prop));
        }
        if (schema.path("items").isObject()) {
            walkSchema(where + "[]", pointer + "/items");
        }
        if (schema.path("additionalProperties").isObject()) {
            walkSchema(where + "{*}", pointer + "/additionalProperties");
        }
        if (schema.path("not").isObject()) {
            walkSchema(where + " not", pointer + "/not");
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode parts = schema.path(combinator);
            for (int i = 0; i < parts.size(); i++) {
                walkSchema(where + " " + combinator + "[" + i + "]", pointer + "/" + combinator + "/" + i);
            }
        }
    }

    private void check(String label, String schemaPointer, JsonNode example) {
        checked++;
        Set<ValidationMessage> errors;
        try {
            errors = schemaAt(schemaPointer).validate(example);
        } catch (RuntimeException e) {
            failures.add(file + ": " + label + ": the schema at " + schemaPointer + " cannot be used: " + e.getMessage());
            return;
        }
        if (!errors.isEmpty()) {
            failures.add(file + ": " + label + " does not match its schema: " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }

    /**
     * The schema at a JSON pointer of the document. Built from one root schema over the whole document, so the
     * document is parsed once and every {@code #/components/...} ref inside resolves against it.
     */
    private JsonSchema schemaAt(String pointer) {
        if (root == null) {
            root = factory.getSchema(SchemaLocation.of(documentIri), document, config);
        }
        JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER);
        JsonNode node = document;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node.isArray()) {
                int index = Integer.parseInt(token);
                path = path.append(index);
                node = node.get(index);
            } else {
                path = path.append(token);
                node = node.get(token);
            }
        }
        return root.getRefSchema(path);
    }

    /** A node that may be a local {@code $ref} (bundled documents have only local ones), followed. */
    private record Target(String pointer, JsonNode node, String refName) {
    }

    private Target follow(String pointer) {
        JsonNode node = document.at(JsonPointer.compile(pointer));
        String refName = null;
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) {
                break;
            }
            pointer = ref.substring(1);
            refName = pointer.substring(pointer.lastIndexOf('/') + 1);
            node = document.at(JsonPointer.compile(pointer));
        }
        return new Target(pointer, node, refName == null ? null : "components " + refName);
    }
}
