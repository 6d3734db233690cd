package org.dsscontractkit.spec.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Counts the properties of the document's component schemas (nested ones included) and those that tell the user
 * what the field means. OpenAPI 3.0 ignores anything next to a {@code $ref}, so a property that is only a
 * {@code $ref} is described by the description of the schema it points to (which is what the docs page shows for
 * it); such a property counts as described when that schema has a description.
 */
public final class PropertyDescriptions {

    private PropertyDescriptions() {
    }

    /** The figure for one document, with the properties lacking a description (schema.property paths). */
    public record Coverage(int properties, int described, int describedByRef, List<String> undescribed) {
        public double ratio() {
            return properties == 0 ? 1.0 : (double) described / properties;
        }

        @Override
        public String toString() {
            return String.format("%d/%d properties described (%.1f %%; %d of them through the schema they $ref)",
                    described, properties, 100 * ratio(), describedByRef);
        }
    }

    public static Coverage of(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        Counter counter = new Counter(schemas);
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            counter.schema(schema.getKey(), schema.getValue());
        }
        return new Coverage(counter.properties, counter.described, counter.byRef, counter.undescribed);
    }

    private static final class Counter {
        private final JsonNode schemas;
        private int properties;
        private int described;
        private int byRef;
        private final List<String> undescribed = new ArrayList<>();

        Counter(JsonNode schemas) {
            this.schemas = schemas;
        }

        void schema(String name, JsonNode schema) {
            if (!schema.isObject()) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String path = name + "." + property.getKey();
                JsonNode value = property.getValue();
                properties++;
                if (hasText(value.path("description"))) {
                    described++;
                } else if (value.has("$ref") && hasText(target(value.path("$ref").asText()).path("description"))) {
                    described++;
                    byRef++;
                } else {
                    undescribed.add(path);
                }
                schema(path, value);
            }
            schema(name + "[]", schema.path("items"));
            schema(name + "{}", schema.path("additionalProperties"));
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                for (JsonNode part : schema.path(combinator)) {
                    schema(name, part);
                }
            }
        }

        private JsonNode target(String ref) {
            String prefix = "#/components/schemas/";
            return ref.startsWith(prefix) ? schemas.path(ref.substring(prefix.length())) : schemas.path("");
        }

        private static boolean hasText(JsonNode node) {
            return node.isTextual() && !node.asText().isBlank();
        }
    }
}
