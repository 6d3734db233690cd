package org.dsscontractkit.server.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.MapType;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads generated models declared with {@code additionalProperties: true}. The generator makes them
 * {@code HashMap} subclasses that also declare typed properties; Jackson would fill only the map, leaving
 * the typed properties null, so Bean Validation would reject every required field. This deserializer
 * fills both: every attribute goes into the map (so unknown ones survive a round trip) and the declared
 * ones also through their setters (so validation sees them).
 */
public final class GeneratedModelModule extends SimpleModule {
    private static final String GENERATED_PACKAGE = "org.dsscontractkit.server.generated.";

    public GeneratedModelModule() {
        super("generated-models");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                Class<?> raw = type.getRawClass();
                if (raw.getName().startsWith(GENERATED_PACKAGE)) return new MapModelDeserializer(raw);
                return deserializer;
            }
        });
    }

    private static final class MapModelDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        MapModelDeserializer(Class<?> type) { this.type = type; }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = ctx.readTree(p);
            if (!node.isObject()) {
                return ctx.handleUnexpectedToken(type, node.asToken(), p, "expected a JSON object for %s", type.getSimpleName());
            }
            Object model;
            try {
                model = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IOException("Cannot instantiate " + type.getName(), e);
            }
            Map<String, Object> map = (Map<String, Object>) model;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                map.put(f.getKey(), ctx.readTreeAsValue(f.getValue(), Object.class));
            }
            for (Method m : type.getMethods()) {
                JsonProperty prop = m.getAnnotation(JsonProperty.class);
                if (prop == null || m.getParameterCount() != 1 || !m.getName().startsWith("set")) continue;
                JsonNode value = node.get(prop.value());
                if (value == null) continue;
                JavaType target = ctx.getTypeFactory().constructType(m.getGenericParameterTypes()[0]);
                Object converted;
                try {
                    converted = value.isNull() ? null : ctx.readTreeAsValue(value, target);
                } catch (IOException e) {
                    throw com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(e, model, prop.value());
                }
                try {
                    m.invoke(model, converted);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("Cannot set " + prop.value(), e);
                }
            }
            return model;
        }
    }
}
