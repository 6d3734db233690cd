package org.dsscontractkit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenAPI document (all refs resolved) with a validator per server base path.
 *
 * <p>The DSS document declares two servers ({@code /public/api} and {@code /dip/publicapi}); the validator library
 * only strips one base path, so each server gets its own validator and resolver.</p>
 */
public final class OpenApiDocument {

    /** The bundled DSS public API document inside the spec jar. */
    public static final String DSS_PUBLIC_API = "openapi/dss-public-api.yaml";
    /** The bundled API node user API document inside the spec jar. */
    public static final String APINODE_USER_API = "openapi/apinode-user-api.yaml";

    /*
     * The validator closes every object schema that does not say otherwise (additionalProperties: false), which is
     * not what OpenAPI means: an unspecified additionalProperties allows extra attributes, and both documents rely on
     * that (servers and clients must keep unknown attributes). Neither document declares a closed object, so
     * nothing the documents forbid is let through by ignoring these two keys.
     */
    private static final LevelResolver OPEN_OBJECTS = LevelResolver.create()
            .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build();

    /**
     * Extension of the operations whose query parameters are named by the endpoint (the API node's GET variants):
     * the documents say request validators must accept undeclared query parameters on them.
     */
    static final String DYNAMIC_QUERY_PARAMETERS = "x-dynamic-query-parameters";

    private final String name;
    private final OpenAPI api;
    private final Map<String, Binding> byBasePath = new LinkedHashMap<>();
    private final List<SpecOperation> operations = new ArrayList<>();
    private final Map<Operation, SpecOperation> byOperation = new IdentityHashMap<>();
    private final Map<SpecOperation, Operation> definitions = new LinkedHashMap<>();
    private final Map<SpecOperation, PathItem> pathItems = new LinkedHashMap<>();
    private final Set<SpecOperation> dynamicQueryParameters = new HashSet<>();

    private record Binding(OpenApiInteractionValidator validator, ApiOperationResolver resolver) {
    }

    private OpenApiDocument(String name, OpenAPI api) {
        this.name = name;
        this.api = api;
        List<String> basePaths = new ArrayList<>();
        for (Server server : Optional.ofNullable(api.getServers()).orElse(List.of())) {
            basePaths.add(pathOf(server.getUrl()));
        }
        if (basePaths.isEmpty()) {
            basePaths.add("/");
        }
        for (String basePath : basePaths) {
            byBasePath.putIfAbsent(basePath, new Binding(
                    OpenApiInteractionValidator.createFor(api).withBasePathOverride(basePath)
                            .withLevelResolver(OPEN_OBJECTS).build(),
                    new ApiOperationResolver(api, basePath, false)));
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            SpecOperation op = new SpecOperation(name, method.name(), path, operationIdOf(operation, method, path));
            operations.add(op);
            byOperation.put(operation, op);
            definitions.put(op, operation);
            pathItems.put(op, item);
            if (operation.getExtensions() != null && operation.getExtensions().containsKey(DYNAMIC_QUERY_PARAMETERS)) {
                dynamicQueryParameters.add(op);
            }
        }));
    }

    private static String operationIdOf(Operation operation, PathItem.HttpMethod method, String path) {
        return operation.getOperationId() != null ? operation.getOperationId() : method + " " + path;
    }

    private static String pathOf(String serverUrl) {
        String path = URI.create(serverUrl).getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** Loads a bundled document from the classpath (e.g. {@link #DSS_PUBLIC_API} from the spec jar). */
    public static OpenApiDocument fromClasspath(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " not on the classpath"
                        + " (add org.dsscontractkit:spec as a dependency)");
            }
            return fromText(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses a document given as YAML or JSON text. */
    public static OpenApiDocument fromText(String name, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("Cannot parse " + name + ": " + result.getMessages());
        }
        return new OpenApiDocument(name, result.getOpenAPI());
    }

    /** @return both documents of the kit, DSS public API first */
    public static List<OpenApiDocument> bundled() {
        return List.of(fromClasspath(DSS_PUBLIC_API), fromClasspath(APINODE_USER_API));
    }

    public String name() {
        return name;
    }

    public OpenAPI api() {
        return api;
    }

    /** @return every operation the document declares */
    public List<SpecOperation> operations() {
        return List.copyOf(operations);
    }

    /**
     * An operation matched by a request path, with the validator of the server base path it was matched under.
     *
     * @param dynamicQueryParameters whether the operation declares {@value #DYNAMIC_QUERY_PARAMETERS}, so that
     *                               undeclared query parameters are part of the contract
     */
    record Match(SpecOperation operation, OpenApiInteractionValidator validator, boolean dynamicQueryParameters) {
    }

    /** Finds the operation a request addresses, trying each server base path; empty when the path is not declared. */
    Optional<Match> match(String requestPath, Request.Method method) {
        Match pathOnly = null;
        for (Binding binding : byBasePath.values()) {
            ApiOperationMatch found = binding.resolver().findApiOperation(requestPath, method);
            if (found.isPathFound() && found.isOperationAllowed()) {
                SpecOperation op = byOperation.get(found.getApiOperation().getOperation());
                return Optional.of(new Match(op, binding.validator(), dynamicQueryParameters.contains(op)));
            }
            if (found.isPathFound() && pathOnly == null) {
                // the path exists but not with this method: let the validator report "method not allowed"
                pathOnly = new Match(null, binding.validator(), false);
            }
        }
        return Optional.ofNullable(pathOnly);
    }

    /** @return the base paths of the document's servers (e.g. {@code /public/api}, {@code /dip/publicapi}), or "/" */
    public List<String> basePaths() {
        return List.copyOf(byBasePath.keySet());
    }

    /** @return the parsed definition of one of this document's operations (refs resolved) */
    public Operation definition(SpecOperation operation) {
        return Objects.requireNonNull(definitions.get(operation), () -> operation + " is not an operation of " + name);
    }

    /** @return the path item an operation belongs to (for the parameters declared on the path) */
    public PathItem pathItem(SpecOperation operation) {
        return Objects.requireNonNull(pathItems.get(operation), () -> operation + " is not an operation of " + name);
    }

    @Override
    public String toString() {
        return name + " " + Objects.requireNonNullElse(api.getInfo() == null ? null : api.getInfo().getTitle(), "");
    }
}
