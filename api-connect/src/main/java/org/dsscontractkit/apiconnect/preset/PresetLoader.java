package org.dsscontractkit.apiconnect.preset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads preset files (YAML or JSON), validates each one against the committed JSON Schema and merges them.
 * Every error names the file and the field.
 */
public final class PresetLoader {
    public static final String SCHEMA_RESOURCE = "/api-connect-preset.schema.json";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final JsonSchema SCHEMA = loadSchema();

    /** The merged preset and where each of its fields came from. */
    public record Loaded(Preset preset, PresetSources sources, ObjectNode tree) {
    }

    public Loaded load(List<Path> files) {
        PresetSources sources = new PresetSources();
        ObjectNode merged = JSON.createObjectNode();
        for (Path file : files) {
            JsonNode tree = read(file);
            validate(file.toString(), tree);
            merge(merged, (ObjectNode) tree, "", file.toString(), sources);
            sources.fallback(file.toString());
        }
        if (files.size() > 1) {
            // Each file is valid alone; the merge can still combine exclusive choices (a json and a raw body).
            validate(files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" + ")), merged);
        }
        return new Loaded(bind(merged, sources), sources, merged);
    }

    /** Validates one in-memory document (used by {@code validate-preset} and tests). */
    public Loaded loadTree(String name, JsonNode tree) {
        validate(name, tree);
        PresetSources sources = new PresetSources();
        ObjectNode merged = JSON.createObjectNode();
        merge(merged, (ObjectNode) tree, "", name, sources);
        sources.fallback(name);
        return new Loaded(bind(merged, sources), sources, merged);
    }

    private static JsonNode read(Path file) {
        String name = file.toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean json = name.toLowerCase().endsWith(".json");
            JsonNode tree = (json ? JSON : YAML).readTree(bytes);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JSON.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(name, "", "a preset must be a mapping/object at the top level");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "", "file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(name, "", "not valid YAML/JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(name, "", "cannot read: " + e.getMessage());
        }
    }

    static void validate(String file, JsonNode tree) {
        Set<ValidationMessage> errors = SCHEMA.validate(tree);
        if (errors.isEmpty()) return;
        ValidationMessage first = errors.stream()
                .min(Comparator.comparing((ValidationMessage m) -> fieldOf(m)).thenComparing(ValidationMessage::getMessage))
                .orElseThrow();
        String field = fieldOf(first);
        String message = first.getMessage();
        String prefix = first.getInstanceLocation().toString() + ": ";
        if (message.startsWith(prefix)) message = message.substring(prefix.length());
        if (errors.size() > 1) message += " (and " + (errors.size() - 1) + " more schema violation(s))";
        throw new ConfigException(file, field.isEmpty() ? "(top level)" : field, message);
    }

    private static String fieldOf(ValidationMessage m) {
        String loc = m.getInstanceLocation().toString();
        if (loc.startsWith("$")) loc = loc.substring(1);
        if (loc.startsWith(".")) loc = loc.substring(1);
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            loc = loc.isEmpty() ? m.getProperty() : loc + "." + m.getProperty();
        }
        return loc;
    }

    private static void merge(ObjectNode target, ObjectNode source, String prefix, String file, PresetSources sources) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            // Secret objects ({env}/{file}) and JSON bodies are values, not sections: replace them whole.
            boolean section = e.getValue().isObject() && !isValueObject(field, e.getValue());
            if (section && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), field, file, sources);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
            sources.record(field, file);
        }
    }

    private static boolean isValueObject(String field, JsonNode value) {
        return field.equals("endpoint.body.json") || value.has("env") || value.has("file");
    }

    private static Preset bind(ObjectNode merged, PresetSources sources) {
        try {
            return JSON.treeToValue(merged, Preset.class);
        } catch (IOException e) {
            throw new ConfigException(sources.fileOf(""), "", "cannot read preset: " + e.getMessage());
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = PresetLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
