package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dsscontractkit.apinode.function.FunctionEndpoint;
import org.dsscontractkit.apinode.function.FunctionRuntime;
import org.dsscontractkit.apinode.function.RFunctionEndpoint;
import org.dsscontractkit.apinode.lookup.LookupEndpoint;
import org.dsscontractkit.apinode.prediction.PredictionEndpoint;
import org.dsscontractkit.apinode.sql.SqlEndpoint;

/**
 * Reads a service file (YAML or JSON), checks it against {@code service-file.schema.json}, then compiles its
 * endpoints. Every problem names the file, the field and the rule.
 */
public final class ServiceFileLoader {

    public static final String SCHEMA_RESOURCE = "/org/dsscontractkit/apinode/service-file.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    /** A file that could not be loaded, with every problem found. */
    public static final class InvalidServiceFile extends Exception {
        private final List<ServiceFileProblem> problems;
        private final String serviceId;

        InvalidServiceFile(List<ServiceFileProblem> problems, String serviceId) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
            this.serviceId = serviceId;
        }

        public List<ServiceFileProblem> problems() {
            return problems;
        }

        /** The service the file claims to define, when it could be read that far. */
        public String serviceId() {
            return serviceId;
        }
    }

    private final JsonSchema schema;
    private final FunctionRuntime functions;

    public ServiceFileLoader(FunctionRuntime functions) {
        this.functions = functions;
        try (InputStream in = ServiceFileLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isServiceFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    public static ObjectMapper mapperFor(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    public JsonNode read(Path file) throws InvalidServiceFile {
        String name = file.toString();
        try {
            JsonNode tree = mapperFor(file).readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidServiceFile(List.of(new ServiceFileProblem(name, "", "nonEmpty", "the file is empty")), null);
            }
            return tree;
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new InvalidServiceFile(List.of(new ServiceFileProblem(name, "", "syntax", "not valid YAML/JSON: " + message)), null);
        }
    }

    public ServiceGeneration load(Path file) throws InvalidServiceFile {
        return compile(read(file), file);
    }

    public ServiceGeneration compile(JsonNode tree, Path file) throws InvalidServiceFile {
        String name = file.toString();
        String claimedId = tree.path("serviceId").isTextual() ? tree.get("serviceId").asText() : null;
        Set<ValidationMessage> messages = schema.validate(tree);
        if (!messages.isEmpty()) {
            List<ServiceFileProblem> problems = new ArrayList<>();
            messages.stream().sorted(Comparator.comparing(m -> m.getInstanceLocation().toString())).forEach(m -> {
                String field = m.getInstanceLocation().toString().replaceFirst("^\\$", "");
                if (m.getProperty() != null && "required".equals(m.getType())) {
                    field = field + "." + m.getProperty();
                }
                problems.add(new ServiceFileProblem(name, field, m.getType(), m.getMessage()));
            });
            throw new InvalidServiceFile(problems, claimedId);
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        List<ServiceFileProblem> problems = new ArrayList<>();
        JsonNode endpointNodes = tree.get("endpoints");
        for (int i = 0; i < endpointNodes.size(); i++) {
            JsonNode config = endpointNodes.get(i);
            String path = "/endpoints/" + i;
            String id = config.get("id").asText();
            if (endpoints.containsKey(id)) {
                problems.add(new ServiceFileProblem(name, path + "/id", "unique", "endpoint id '" + id + "' is declared twice"));
                continue;
            }
            try {
                endpoints.put(id, compileEndpoint(config, file.getParent(), path));
            } catch (ServiceFileException e) {
                problems.add(new ServiceFileProblem(name, e.field(), e.rule(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            endpoints.values().forEach(Endpoint::close);
            throw new InvalidServiceFile(problems, claimedId);
        }
        Set<String> keys = new LinkedHashSet<>();
        tree.path("apiKeys").forEach(k -> keys.add(k.get("key").asText()));
        boolean publicAccess = tree.has("publicAccess") ? tree.get("publicAccess").asBoolean() : keys.isEmpty();
        return new ServiceGeneration(claimedId, tree.path("generation").asText("v1"), publicAccess, Set.copyOf(keys),
                Map.copyOf(endpoints), file);
    }

    private Endpoint compileEndpoint(JsonNode config, Path baseDir, String path) {
        return switch (config.get("type").asText()) {
            case "PREDICTION" -> PredictionEndpoint.compile(config, path);
            case "PYTHON_FUNCTION" -> FunctionEndpoint.compile(config, baseDir, path, functions);
            case "R_FUNCTION" -> RFunctionEndpoint.compile(config, baseDir);
            case "SQL_QUERY" -> SqlEndpoint.compile(config, path);
            case "DATASET_LOOKUP" -> LookupEndpoint.compile(config);
            default -> throw new ServiceFileException(path + "/type", "enum", "unknown endpoint type");
        };
    }

    static List<Path> listServiceFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var stream = Files.walk(dir, 4)) {
            // Top level: any YAML/JSON file. Sub-directories (imported archives, code next to its service) hold other
            // files too, so there only service.yaml / service.yml / service.json declare a service.
            return stream.filter(Files::isRegularFile).filter(ServiceFileLoader::isServiceFile)
                    .filter(f -> f.getParent().equals(dir) || f.getFileName().toString().matches("service\\.(yaml|yml|json)"))
                    .sorted().toList();
        }
    }
}
