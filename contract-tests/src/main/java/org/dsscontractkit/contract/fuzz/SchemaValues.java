package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values made from JSON schemas: a valid value (the schema's example, or one built from its type), values of every
 * other JSON type, the same for query strings, and the paths of the properties a schema declares.
 */
final class SchemaValues {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private SchemaValues() {
    }

    /** @return an example as parsed by Swagger Parser (JsonNode, Map, List, scalar, date) as a JSON tree */
    static JsonNode toJson(Object example) {
        if (example instanceof JsonNode node) {
            return node;
        }
        if (example == null) {
            return NODES.nullNode();
        }
        if (example instanceof Number || example instanceof Boolean || example instanceof String
                || example instanceof Map || example instanceof List) {
            try {
                return JSON.valueToTree(example);
            } catch (IllegalArgumentException notPlain) {
                return NODES.textNode(example.toString());
            }
        }
        // dates and date-times come back as java.time / java.util values: their text is what the document wrote
        return NODES.textNode(example.toString());
    }

    /** @return the JSON type of a schema: its {@code type}, or what its keywords imply, or null (any) */
    static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return null;
    }

    /** @return a value the schema accepts: its example, else one built from its type (required properties only) */
    static JsonNode valid(Schema<?> schema) {
        return valid(schema, 0);
    }

    private static JsonNode valid(Schema<?> schema, int depth) {
        if (schema == null) {
            return NODES.textNode("fuzz");
        }
        if (schema.getExample() != null) {
            return toJson(schema.getExample());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return toJson(schema.getEnum().get(0));
        }
        String type = typeOf(schema);
        if (type == null) {
            return NODES.textNode("fuzz");
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH && schema.getProperties() != null && schema.getRequired() != null) {
                    for (String name : schema.getRequired()) {
                        Schema<?> property = schema.getProperties().get(name);
                        object.set(name, valid(property, depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH && schema.getItems() != null) {
                    array.add(valid(schema.getItems(), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L);
            case "number" -> NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().doubleValue() : 1.5d);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(validText(schema));
        };
    }

    /** @return a valid value of a scalar schema as it travels in a path or query string */
    static String validText(Schema<?> schema) {
        if (schema == null) {
            return "fuzz";
        }
        if (schema.getExample() != null) {
            JsonNode example = toJson(schema.getExample());
            return example.isTextual() ? example.asText() : example.toString();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        String type = typeOf(schema);
        if ("array".equals(type)) {
            return validText(schema.getItems());
        }
        if ("integer".equals(type)) {
            return schema.getMinimum() != null ? schema.getMinimum().toBigInteger().toString() : "1";
        }
        if ("number".equals(type)) {
            return "1.5";
        }
        if ("boolean".equals(type)) {
            return "true";
        }
        if (schema.getFormat() != null) {
            switch (schema.getFormat()) {
                case "date-time":
                    return "2024-01-01T00:00:00Z";
                case "date":
                    return "2024-01-01";
                default:
                    break;
            }
        }
        return "fuzz";
    }

    /** @return JSON values of every type the schema does not accept (null included unless the schema is nullable) */
    static List<JsonNode> wrongTypes(Schema<?> schema) {
        String type = typeOf(schema);
        List<JsonNode> wrong = new ArrayList<>();
        ObjectNode object = NODES.objectNode();
        object.put("fuzz", 1);
        ArrayNode array = NODES.arrayNode().add(1).add("two").add(NODES.objectNode());
        if (!"string".equals(type)) {
            wrong.add(NODES.textNode("not-a-" + (type == null ? "value" : type)));
            wrong.add(NODES.textNode(""));
        }
        if (!"integer".equals(type) && !"number".equals(type)) {
            wrong.add(NODES.numberNode(12345));
            wrong.add(NODES.numberNode(new BigDecimal("-1.5e308")));
        }
        if ("integer".equals(type)) {
            // numbers an integer cannot hold: a fraction, past long, past double
            wrong.add(NODES.numberNode(new BigDecimal("1.5")));
            wrong.add(NODES.numberNode(new BigInteger("99999999999999999999999999999")));
            wrong.add(NODES.numberNode(new BigDecimal("1e400")));
        }
        if (!"boolean".equals(type)) {
            wrong.add(NODES.booleanNode(true));
        }
        if (!"object".equals(type)) {
            wrong.add(object);
        }
        if (!"array".equals(type)) {
            wrong.add(array);
        }
        if ("string".equals(type) && schema.getEnum() != null) {
            wrong.add(NODES.textNode("NOT_ONE_OF_THE_ENUM"));
        }
        if (schema == null || !Boolean.TRUE.equals(schema.getNullable())) {
            wrong.add(NODES.nullNode());
        }
        if (type == null) {
            // an untyped schema accepts everything: what is left is a value of a surprising shape
            wrong.add(NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode())));
        }
        return wrong;
    }

    /** @return texts a query or path parameter of this schema does not accept */
    static List<String> wrongTexts(Schema<?> schema) {
        String type = typeOf(schema);
        List<String> wrong = new ArrayList<>(List.of("", "%00", "%zz", "null", "[]", "{}"));
        if ("array".equals(type)) {
            return wrongTextsOfItems(schema, wrong);
        }
        switch (type == null ? "" : type) {
            case "integer" -> wrong.addAll(List.of("abc", "1.5", "-1", "99999999999999999999", "1e400", "0x10", "NaN"));
            case "number" -> wrong.addAll(List.of("abc", "NaN", "Infinity", "1e400", "1,5"));
            case "boolean" -> wrong.addAll(List.of("maybe", "TRUE", "1", "yes"));
            default -> {
                if (schema != null && schema.getPattern() != null) {
                    wrong.addAll(List.of("maybe", "TRUE", "1", "yes", "true ", "%20true"));
                }
                if (schema != null && schema.getEnum() != null) {
                    wrong.addAll(List.of("NOT_ONE_OF_THE_ENUM", String.valueOf(schema.getEnum().get(0)).toUpperCase() + "X"));
                }
                wrong.addAll(List.of("%C3%A9%F0%9F%98%80", "..%2F..%2F", "a".repeat(5000), "%FF%FE", "%0d%0aX-Fuzz:%201"));
            }
        }
        return wrong;
    }

    private static List<String> wrongTextsOfItems(Schema<?> schema, List<String> wrong) {
        wrong.addAll(wrongTexts(schema.getItems()));
        return wrong;
    }

    /**
     * @return the paths of the properties the schema declares, nested ones included ({@code "[]"} stands for an array
     * item), shallowest first
     */
    static List<List<String>> propertyPaths(Schema<?> schema) {
        List<List<String>> paths = new ArrayList<>();
        collect(schema, new ArrayList<>(), paths, 0);
        return paths;
    }

    private static void collect(Schema<?> schema, List<String> prefix, List<List<String>> paths, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return;
        }
        if ("array".equals(typeOf(schema)) && schema.getItems() != null) {
            List<String> item = new ArrayList<>(prefix);
            item.add("[]");
            if (!prefix.isEmpty()) {
                paths.add(item);
            }
            collect(schema.getItems(), item, paths, depth + 1);
            return;
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                List<String> path = new ArrayList<>(prefix);
                path.add(property.getKey());
                paths.add(path);
                collect(property.getValue(), path, paths, depth + 1);
            }
        }
    }

    /** @return the schema of the property at {@code path} (as {@link #propertyPaths} names them), or null */
    static Schema<?> schemaAt(Schema<?> schema, List<String> path) {
        Schema<?> current = schema;
        for (String step : path) {
            if (current == null) {
                return null;
            }
            current = "[]".equals(step) ? current.getItems()
                    : current.getProperties() == null ? null : current.getProperties().get(step);
        }
        return current;
    }
}
