package org.dsscontractkit.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a {@code prism mock} for every documented answer of every operation of a mock-ready document, the way a UI
 * developer does: a valid request built from the document's own examples (path and required query parameters, the
 * JSON or form body) with {@code Prefer: code=<status>}, and checks that the mock answers that status with the
 * document's example.
 */
final class DocumentedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String BOUNDARY = "dss-contract-kit-boundary";
    /** JavaScript writes the example's 204.0 as 204: the same number. */
    private static final java.util.Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final JsonNode api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DocumentedAnswers(JsonNode api) {
        this.api = api;
    }

    static DocumentedAnswers of(String mockDocumentJson) {
        try (InputStream in = DocumentedAnswers.class.getClassLoader().getResourceAsStream(mockDocumentJson)) {
            if (in == null) {
                throw new IllegalStateException(mockDocumentJson + " not on the classpath (spec jar)");
            }
            return new DocumentedAnswers(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was asked and what is wrong with the answers, one line per wrong answer. */
    record Report(int asked, List<String> wrong) {
    }

    /** Asks for every documented answer with a body, of every operation whose path starts with {@code prefix}. */
    Report askAll(String mockUrl, String prefix) throws IOException, InterruptedException {
        int asked = 0;
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(prefix)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = op.getValue().path("responses").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = it.next();
                    Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields();
                    if (!media.hasNext()) {
                        continue;
                    }
                    Map.Entry<String, JsonNode> type = media.next();
                    asked++;
                    String label = op.getValue().path("operationId").asText() + " (" + op.getKey().toUpperCase()
                            + " " + path.getKey() + ") " + response.getKey() + " " + type.getKey();
                    HttpResponse<String> answer = http.send(request(mockUrl, path.getKey(), op.getKey(), op.getValue(),
                            response.getKey(), type.getKey()), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != Integer.parseInt(response.getKey())) {
                        wrong.add(label + ": answered " + answer.statusCode() + " " + abbreviate(answer.body()));
                        continue;
                    }
                    Optional<JsonNode> example = example(type.getValue());
                    if (type.getKey().equals("application/json") && example.isPresent()
                            && !JSON.readTree(answer.body()).equals(SAME_NUMBER, example.get())) {
                        wrong.add(label + ": answered " + abbreviate(answer.body()) + " instead of the example "
                                + abbreviate(example.get().toString()));
                    }
                }
            }
        }
        return new Report(asked, wrong);
    }

    private HttpRequest request(String mockUrl, String path, String method, JsonNode op, String status, String accept) {
        String target = path;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                target = target.replace("{" + parameter.path("name").asText() + "}",
                        URLEncoder.encode(exampleText(parameter), StandardCharsets.UTF_8).replace("+", "%20"));
            } else if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter.path("name").asText()).append('=')
                        .append(URLEncoder.encode(exampleText(parameter), StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mockUrl + target + query))
                .header("Prefer", "code=" + status)
                .header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("any-key:".getBytes(StandardCharsets.UTF_8)));
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            String body = example(content.path("application/json")).map(JsonNode::toString).orElse("{}");
            request.header("Content-Type", "application/json").method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body));
        } else if (content.has("multipart/form-data")) {
            String file = example(content.path("multipart/form-data")).map(e -> e.path("file").asText()).orElse("a\n1\n");
            String form = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"example.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    /** The media type's example: its own, its first named one, or its schema's. */
    private Optional<JsonNode> example(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return Optional.of(mediaType.get("example"));
        }
        Iterator<JsonNode> named = mediaType.path("examples").elements();
        if (named.hasNext()) {
            return Optional.of(resolve(named.next()).path("value")).filter(v -> !v.isMissingNode());
        }
        JsonNode schema = resolve(mediaType.path("schema"));
        return schema.has("example") ? Optional.of(schema.get("example")) : Optional.empty();
    }

    private String exampleText(JsonNode parameter) {
        JsonNode example = parameter.has("example") ? parameter.get("example") : resolve(parameter.path("schema")).path("example");
        if (example.isMissingNode()) {
            throw new IllegalStateException("parameter " + parameter.path("name").asText() + " has no example");
        }
        return example.isTextual() ? example.asText() : example.toString();
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : node;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
