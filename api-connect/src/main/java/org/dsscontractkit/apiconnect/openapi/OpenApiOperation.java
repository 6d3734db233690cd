package org.dsscontractkit.apiconnect.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.preset.Preset;
import org.dsscontractkit.apiconnect.transport.ApiResponse;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --openapi <spec> --operation <operationId>}: the endpoint (method, URL with path parameters, required
 * query/header parameters, optional ones when a variable of that name exists) comes from an OpenAPI document,
 * read with Swagger Parser; every response is checked against it with swagger-request-validator.
 */
public final class OpenApiOperation {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

    private final String location;
    private final String operationId;
    private final String method;
    private final String path;
    private final String serverUrl;
    private final Operation operation;
    private final OpenApiInteractionValidator validator;

    private OpenApiOperation(String location, String operationId, String method, String path, String serverUrl,
                             Operation operation, OpenApiInteractionValidator validator) {
        this.location = location;
        this.operationId = operationId;
        this.method = method;
        this.path = path;
        this.serverUrl = serverUrl;
        this.operation = operation;
        this.validator = validator;
    }

    public static OpenApiOperation load(String location, String operationId, String serverOverride) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
        OpenAPI api = result == null ? null : result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            String why = result == null || result.getMessages() == null || result.getMessages().isEmpty()
                    ? "not an OpenAPI 3 document" : String.join("; ", result.getMessages());
            throw new ConfigException(location, "--openapi", "cannot read the OpenAPI document: " + why);
        }
        Set<String> all = new TreeSet<>();
        for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> o : p.getValue().readOperationsMap().entrySet()) {
                String id = o.getValue().getOperationId();
                if (id != null) all.add(id);
                if (operationId.equals(id)) {
                    String server = serverOverride != null ? serverOverride : serverOf(api, p.getValue(), o.getValue(), location);
                    String basePath = URI.create(server).getRawPath();
                    OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(api)
                            .withBasePathOverride(basePath == null || basePath.isEmpty() ? "/" : basePath)
                            .build();
                    return new OpenApiOperation(location, operationId, o.getKey().name(), p.getKey(),
                            server.replaceAll("/+$", ""), o.getValue(), validator);
                }
            }
        }
        List<String> close = all.stream().filter(id -> id.toLowerCase(Locale.ROOT)
                .contains(operationId.toLowerCase(Locale.ROOT).substring(0, Math.min(4, operationId.length())))).limit(8).toList();
        throw new ConfigException(location, "--operation", "no operation with operationId '" + operationId + "'"
                + (close.isEmpty() ? " (" + all.size() + " operations in the document)" : "; similar: " + String.join(", ", close)));
    }

    private static String serverOf(OpenAPI api, PathItem item, Operation op, String location) {
        List<Server> servers = op.getServers() != null && !op.getServers().isEmpty() ? op.getServers()
                : item.getServers() != null && !item.getServers().isEmpty() ? item.getServers() : api.getServers();
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null || servers.get(0).getUrl().startsWith("/")) {
            throw new ConfigException(location, "servers", "the document has no absolute server URL: pass --server");
        }
        Server s = servers.get(0);
        String url = s.getUrl();
        if (s.getVariables() != null) {
            for (Map.Entry<String, ServerVariable> v : s.getVariables().entrySet()) {
                url = url.replace("{" + v.getKey() + "}", v.getValue().getDefault() == null ? "" : v.getValue().getDefault());
            }
        }
        return url;
    }

    public String method() { return method; }

    public String path() { return path; }

    public String serverUrl() { return serverUrl; }

    /** The preset endpoint with method, URL and declared parameters taken from the operation (preset values win). */
    public Preset.Endpoint applyTo(Preset.Endpoint base, Set<String> knownVariables) {
        Matcher m = PATH_PARAM.matcher(path);
        String url = serverUrl + m.replaceAll(r -> "{{" + Matcher.quoteReplacement(r.group(1)) + "}}");
        Map<String, JsonNode> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                boolean use = Boolean.TRUE.equals(p.getRequired()) || knownVariables.contains(p.getName());
                if (!use) continue;
                if ("query".equals(p.getIn())) query.put(p.getName(), JsonNodeFactory.instance.textNode("{{" + p.getName() + "}}"));
                if ("header".equals(p.getIn())) headers.put(p.getName(), "{{" + p.getName() + "}}");
            }
        }
        Preset.Body body = base == null ? null : base.body();
        if (body == null && operation.getRequestBody() != null && knownVariables.contains("body")) {
            String contentType = "application/json";
            if (operation.getRequestBody().getContent() != null && !operation.getRequestBody().getContent().isEmpty()) {
                contentType = operation.getRequestBody().getContent().keySet().iterator().next();
            }
            body = new Preset.Body(null, null, null, "{{{body}}}", contentType);
        }
        if (base != null) {
            if (base.query() != null) query.putAll(base.query());
            if (base.headers() != null) headers.putAll(base.headers());
            return new Preset.Endpoint(url, method, query, headers, body, base.dataPath(), base.timeoutSeconds(),
                    base.ignoreSslCheck(), base.requestsPerMinute(), base.retry(), base.maxPages(), base.maxRows(),
                    base.redirectAuthHeader());
        }
        return new Preset.Endpoint(url, method, query, headers, body, null, null, null, null, null, null, null, null);
    }

    /** Contract violations of one response (empty when it conforms). */
    public List<String> validate(RequestSpec request, ApiResponse response) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(response.status());
        response.headers().forEach((k, v) -> {
            if (k != null && !k.startsWith(":")) b.withHeader(k, v);
        });
        if (response.body().length > 0) b.withBody(response.body());
        ValidationReport report = validator.validateResponse(response.uri().getRawPath(),
                Request.Method.valueOf(request.method()), b.build());
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message msg : report.getMessages()) {
            if (msg.getLevel() == ValidationReport.Level.ERROR) out.add(msg.getKey() + ": " + msg.getMessage());
        }
        return out;
    }

    @Override public String toString() { return operationId + " (" + method + " " + path + " in " + location + ")"; }

}
