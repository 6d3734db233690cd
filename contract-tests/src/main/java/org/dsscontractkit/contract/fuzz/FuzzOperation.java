package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.SpecOperation;

/**
 * What the fuzz needs to know of one operation of an OpenAPI document: its path template and parameters, its request
 * body (JSON or multipart, with the document's example), the statuses it declares and whether it needs credentials.
 *
 * @param spec           the operation as the rest of the kit names it
 * @param basePaths      the servers' base paths the operation is reachable under
 * @param parameters     path, query and header parameters (path-level ones included)
 * @param jsonBody       the JSON request body, if the operation takes one
 * @param multipartBody  the multipart request body, if the operation takes one
 * @param declared       the statuses the document declares (a range such as {@code 5XX} adds its hundred)
 * @param needsCredentials false when the document lets the operation be called anonymously
 *                         ({@code security: []}, or an empty requirement among the alternatives)
 * @param declaredPublic   whether the operation itself says {@code security: []}: public whatever the server knows
 */
public record FuzzOperation(SpecOperation spec, List<String> basePaths, List<Parameter> parameters,
                            Optional<Body> jsonBody, Optional<Body> multipartBody, Set<Integer> declared,
                            boolean needsCredentials, boolean declaredPublic) {

    /** A request body: its schema (refs resolved) and an example value, from the document or made from the schema. */
    public record Body(Schema<?> schema, JsonNode example, boolean required) {
    }

    public String method() {
        return spec.method();
    }

    public String path() {
        return spec.path();
    }

    public String operationId() {
        return spec.operationId();
    }

    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> in.equals(p.getIn())).toList();
    }

    /** @return whether the document declares this status (exactly, or by its {@code NXX} range) for the operation */
    public boolean declares(int status) {
        return declared.contains(status) || declared.contains(-(status / 100));
    }

    public boolean takesBody() {
        return jsonBody.isPresent() || multipartBody.isPresent();
    }

    /** @return every operation of the document, in its order */
    public static List<FuzzOperation> allOf(OpenApiDocument document) {
        List<FuzzOperation> all = new ArrayList<>();
        for (SpecOperation op : document.operations()) {
            all.add(of(document, op));
        }
        return all;
    }

    static FuzzOperation of(OpenApiDocument document, SpecOperation op) {
        OpenAPI api = document.api();
        Operation definition = document.definition(op);
        PathItem item = document.pathItem(op);
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        // operation-level parameters override the path's of the same name and location
        for (List<Parameter> level : java.util.Arrays.asList(item.getParameters(), definition.getParameters())) {
            if (level != null) {
                level.forEach(p -> parameters.put(p.getIn() + ":" + p.getName(), p));
            }
        }
        Optional<Body> json = Optional.empty();
        Optional<Body> multipart = Optional.empty();
        if (definition.getRequestBody() != null && definition.getRequestBody().getContent() != null) {
            boolean required = Boolean.TRUE.equals(definition.getRequestBody().getRequired());
            for (Map.Entry<String, MediaType> media : definition.getRequestBody().getContent().entrySet()) {
                String type = media.getKey().toLowerCase(java.util.Locale.ROOT);
                Body body = new Body(media.getValue().getSchema(), exampleOf(api, media.getValue()), required);
                if (type.startsWith("multipart/")) {
                    multipart = Optional.of(body);
                } else if (type.contains("json") && json.isEmpty()) {
                    json = Optional.of(body);
                }
            }
        }
        Set<Integer> declared = new TreeSet<>();
        if (definition.getResponses() != null) {
            for (String code : definition.getResponses().keySet()) {
                if (code.matches("\\d{3}")) {
                    declared.add(Integer.parseInt(code));
                } else if (code.matches("[1-5][xX][xX]")) {
                    declared.add(-(code.charAt(0) - '0'));
                }
            }
        }
        List<SecurityRequirement> security = definition.getSecurity() != null ? definition.getSecurity() : api.getSecurity();
        boolean needsCredentials = security != null && !security.isEmpty()
                && security.stream().noneMatch(requirement -> requirement == null || requirement.isEmpty());
        boolean declaredPublic = definition.getSecurity() != null && definition.getSecurity().isEmpty();
        return new FuzzOperation(op, document.basePaths(), List.copyOf(parameters.values()), json, multipart,
                Set.copyOf(declared), needsCredentials, declaredPublic);
    }

    private static JsonNode exampleOf(OpenAPI api, MediaType media) {
        if (media.getExample() != null) {
            return SchemaValues.toJson(media.getExample());
        }
        if (media.getExamples() != null) {
            for (Example example : media.getExamples().values()) {
                // Swagger Parser leaves named examples as references, even when it resolves everything else
                if (example.getValue() == null && example.get$ref() != null && api.getComponents() != null
                        && api.getComponents().getExamples() != null) {
                    example = api.getComponents().getExamples().get(example.get$ref().replaceFirst("^.*/", ""));
                }
                if (example != null && example.getValue() != null) {
                    return SchemaValues.toJson(example.getValue());
                }
            }
        }
        return media.getSchema() == null ? null : SchemaValues.valid(media.getSchema());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
