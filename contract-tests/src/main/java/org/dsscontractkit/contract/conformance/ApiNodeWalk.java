package org.dsscontractkit.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.SpecOperation;

/**
 * The API node half of a conformance run: for each endpoint of the services named, the verbs of its kind, called
 * with the document's own example bodies (the GET variants with the example query parameters). The endpoints come
 * from the node's admin API when an admin key is given (not part of the user API document, so not validated), else
 * from {@code --endpoint}. An endpoint whose kind is unknown is probed: a verb of the wrong kind answers 400 with
 * the code {@code ERR_WRONG_ENDPOINT_KIND} (older nodes: errorType {@code WrongEndpointKind}), and the walk moves
 * to the next kind.
 */
final class ApiNodeWalk {

    /** The verbs one kind of endpoint answers, the first one probing the kind. */
    private record Family(String name, List<String> operations) {
    }

    private static final Family PREDICT = new Family("prediction", List.of("predictRecord", "predictRecords",
            "predictSimple"));
    private static final Family FORECAST = new Family("forecast", List.of("forecast"));
    private static final Family EFFECT = new Family("causal prediction", List.of("predictEffect", "predictEffects"));
    private static final Family FUNCTION = new Family("function", List.of("runFunction", "runFunctionWithQueryParams"));
    private static final Family SQL = new Family("SQL query", List.of("sqlQuery", "sqlQueryWithQueryParams"));
    private static final Family LOOKUP = new Family("lookup", List.of("lookupRecord", "lookupRecords",
            "lookupSimple"));
    private static final Map<String, List<Family>> BY_TYPE = Map.of(
            "PREDICTION", List.of(PREDICT, FORECAST, EFFECT),
            "PYTHON_FUNCTION", List.of(FUNCTION),
            "R_FUNCTION", List.of(FUNCTION),
            "SQL_QUERY", List.of(SQL),
            "DATASET_LOOKUP", List.of(LOOKUP));
    private static final List<Family> ALL = List.of(PREDICT, FORECAST, EFFECT, FUNCTION, SQL, LOOKUP);

    private final ApiCaller node;
    private final OpenApiDocument document;
    private final Transport transport;
    private final String adminKey;
    private final List<String> services;
    private final List<String> endpoints;
    private final List<String> notes = new ArrayList<>();

    ApiNodeWalk(ApiCaller node, OpenApiDocument document, Transport transport, String adminKey, List<String> services,
                List<String> endpoints) {
        this.node = node;
        this.document = document;
        this.transport = transport;
        this.adminKey = adminKey;
        this.services = List.copyOf(services);
        this.endpoints = List.copyOf(endpoints);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void run() throws Transport.Unreachable {
        for (String service : services) {
            Map<String, String> found = endpointsOf(service);
            if (found.isEmpty()) {
                notes.add("service " + service + ": no endpoint to call (give --endpoint NAME, or"
                        + " --apinode-admin-key to list them)");
            }
            for (Map.Entry<String, String> endpoint : found.entrySet()) {
                endpoint(service, endpoint.getKey(), endpoint.getValue());
            }
        }
        for (SpecOperation op : node.operations()) {
            if (!node.log().called(op)) {
                node.log().notReached(op, "no endpoint of the services walked (" + String.join(", ", services)
                        + ") is of the kind that answers this verb");
            }
        }
    }

    /** @return endpoint id to type (null when unknown), in the node's order */
    private Map<String, String> endpointsOf(String service) throws Transport.Unreachable {
        Map<String, String> found = new LinkedHashMap<>();
        if (adminKey != null) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((adminKey + ":").getBytes(StandardCharsets.UTF_8));
            try {
                Transport.Reply reply = transport.send("GET", java.net.URI.create(node.base().origin()
                                + node.base().prefix() + "/admin/api/services/"
                                + URLEncoder.encode(service, StandardCharsets.UTF_8).replace("+", "%20")),
                        Map.of("Authorization", auth, "Accept", "application/json"), null);
                if (reply.status() == 200) {
                    for (JsonNode e : ApiCaller.JSON.readTree(reply.body()).path("endpoints")) {
                        found.put(e.path("id").asText(), e.path("type").asText(null));
                    }
                } else {
                    notes.add("service " + service + ": the admin API answered " + reply.status()
                            + " to the endpoint listing; using --endpoint");
                }
            } catch (Transport.Unreachable e) {
                throw e;
            } catch (IOException e) {
                notes.add("service " + service + ": the admin API's endpoint listing failed (" + e.getMessage() + ")");
            }
        }
        for (String endpoint : endpoints) {
            found.putIfAbsent(endpoint, null);
        }
        return found;
    }

    private void endpoint(String service, String endpoint, String type) throws Transport.Unreachable {
        Map<String, String> context = Map.of("serviceId", service, "endpointId", endpoint);
        List<Family> families = type == null ? ALL : BY_TYPE.getOrDefault(type, ALL);
        for (Family family : families) {
            Optional<ApiCaller.Answer> probe = call(family.operations().get(0), context);
            if (probe.isPresent() && wrongKind(probe.get())) {
                continue; // not this kind of endpoint: the answer was still checked
            }
            for (String op : family.operations().subList(1, family.operations().size())) {
                call(op, context);
            }
            return;
        }
        notes.add(service + "/" + endpoint + (type == null ? "" : " (" + type + ")")
                + ": answered every verb tried with ERR_WRONG_ENDPOINT_KIND");
    }

    private static boolean wrongKind(ApiCaller.Answer answer) {
        String said = (answer.json().path("code").asText("") + " " + answer.json().path("errorType").asText(""))
                .replace("_", "").toLowerCase(java.util.Locale.ROOT);
        return answer.status() == 400 && said.contains("wrongendpointkind");
    }

    private Optional<ApiCaller.Answer> call(String operationId, Map<String, String> context)
            throws Transport.Unreachable {
        SpecOperation spec = node.operation(operationId);
        Operation op = operation(spec);
        if (spec.method().equalsIgnoreCase("GET")) {
            return node.call(operationId, context, exampleQuery(op), null, null);
        }
        JsonNode body = exampleBody(op);
        return node.call(operationId, context, Map.of(), body == null ? null
                : body.toString().getBytes(StandardCharsets.UTF_8), body == null ? null : "application/json");
    }

    private Operation operation(SpecOperation spec) {
        PathItem item = document.api().getPaths().get(spec.path());
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(spec.method().toUpperCase()));
    }

    /** The first example of the JSON request body ({@code $ref}s to {@code components/examples} followed). */
    private JsonNode exampleBody(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        if (json == null) {
            return null;
        }
        if (json.getExample() != null) {
            return ApiCaller.JSON.valueToTree(json.getExample());
        }
        if (json.getExamples() != null) {
            for (Example example : json.getExamples().values()) {
                Example resolved = example;
                if (example.get$ref() != null && document.api().getComponents() != null
                        && document.api().getComponents().getExamples() != null) {
                    resolved = document.api().getComponents().getExamples()
                            .getOrDefault(example.get$ref().replaceFirst(".*/", ""), example);
                }
                if (resolved.getValue() != null) {
                    return ApiCaller.JSON.valueToTree(resolved.getValue());
                }
            }
        }
        return null;
    }

    /** The example of the endpoint-named query parameters ({@code x-dynamic-query-parameters}). */
    private static Map<String, String> exampleQuery(Operation op) {
        Map<String, String> query = new LinkedHashMap<>();
        Object dynamic = op.getExtensions() == null ? null : op.getExtensions().get("x-dynamic-query-parameters");
        JsonNode example = dynamic == null ? null : ApiCaller.JSON.valueToTree(dynamic).path("example");
        if (example != null) {
            example.fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
        }
        return query;
    }
}
