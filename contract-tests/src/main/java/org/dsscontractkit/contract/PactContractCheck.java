package org.dsscontractkit.contract;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks pact files (Pact specification V3 or V4, HTTP interactions) against the OpenAPI documents: each
 * interaction's request and response (the examples the matchers were generated from) must conform.
 *
 * <p>This is the bi-directional half of the kit: a consumer's expectations are held against the published contract
 * without a running provider.</p>
 */
public final class PactContractCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ContractValidator validator;

    public PactContractCheck(ContractValidator validator) {
        this.validator = validator;
    }

    /** @return the violations of every HTTP interaction of every {@code *.json} pact under {@code dir} */
    public List<Violation> checkDirectory(Path dir) throws IOException {
        List<Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                violations.addAll(checkFile(file));
            }
        }
        return violations;
    }

    /** @return the violations of every HTTP interaction in one pact file, labelled "file: interaction description" */
    public List<Violation> checkFile(Path pactFile) throws IOException {
        JsonNode pact = MAPPER.readTree(pactFile.toFile());
        if (!pact.path("interactions").isArray() && !pact.path("messages").isArray()) {
            throw new IllegalArgumentException(pactFile + ": not a pact file (no \"interactions\" array)");
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode interaction : pact.path("interactions")) {
            String type = interaction.path("type").asText("Synchronous/HTTP");
            if (!type.equals("Synchronous/HTTP")) {
                continue;
            }
            String label = pactFile.getFileName() + ": \"" + interaction.path("description").asText() + "\"";
            violations.addAll(validator.validate(label, request(interaction.path("request")),
                    response(interaction.path("response"))));
        }
        return violations;
    }

    /** @return how many HTTP interactions a pact file holds */
    public static int interactionCount(Path pactFile) throws IOException {
        int count = 0;
        for (JsonNode interaction : MAPPER.readTree(pactFile.toFile()).path("interactions")) {
            if (interaction.path("type").asText("Synchronous/HTTP").equals("Synchronous/HTTP")) {
                count++;
            }
        }
        return count;
    }

    private static SimpleRequest request(JsonNode request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.path("method").asText("GET"),
                request.path("path").asText("/"));
        JsonNode query = request.path("query");
        if (query.isTextual()) {
            ValidatingProxy.queryParameters(query.asText()).forEach(builder::withQueryParam);
        } else {
            query.fields().forEachRemaining(e -> builder.withQueryParam(e.getKey(), values(e.getValue())));
        }
        request.path("headers").fields().forEachRemaining(e -> builder.withHeader(e.getKey(), values(e.getValue())));
        byte[] body = body(request);
        if (body != null) {
            builder.withBody(body);
            if (header(request, "Content-Type") == null) {
                builder.withContentType(contentType(request));
            }
        }
        return builder.build();
    }

    private static SimpleResponse response(JsonNode response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.path("status").asInt(200));
        response.path("headers").fields().forEachRemaining(e -> builder.withHeader(e.getKey(), values(e.getValue())));
        byte[] body = body(response);
        if (body != null) {
            builder.withBody(body);
            if (header(response, "Content-Type") == null) {
                builder.withContentType(contentType(response));
            }
        }
        return builder.build();
    }

    private static String header(JsonNode message, String name) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) message.path("headers")::fields) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return values(e.getValue()).get(0);
            }
        }
        return null;
    }

    private static String contentType(JsonNode message) {
        JsonNode body = message.path("body");
        return body.isObject() && body.has("contentType") ? body.path("contentType").asText() : "application/json";
    }

    /** V4 bodies are {content, contentType, encoded}; V3 bodies are the JSON document itself. */
    private static byte[] body(JsonNode message) {
        JsonNode body = message.get("body");
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (body.isObject() && body.has("content")) {
            JsonNode content = body.get("content");
            String encoded = body.path("encoded").asText("false");
            if (content.isTextual() && encoded.equalsIgnoreCase("base64")) {
                return Base64.getDecoder().decode(content.asText());
            }
            return content.isTextual() ? content.asText().getBytes(StandardCharsets.UTF_8)
                    : content.toString().getBytes(StandardCharsets.UTF_8);
        }
        return body.isTextual() ? body.asText().getBytes(StandardCharsets.UTF_8) : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> values(JsonNode value) {
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(v.asText()));
            return values;
        }
        return List.of(value.asText());
    }
}
