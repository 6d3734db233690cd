package org.dsscontractkit.contract.conformance;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.OpenApiDocument;
import org.dsscontractkit.contract.SpecOperation;
import org.dsscontractkit.contract.Violation;

/**
 * Calls the operations of one document by operationId on a live server, sends the raw answer (status, headers, body)
 * through the kit's {@link ContractValidator} and logs the exchange.
 *
 * <p>It speaks raw HTTP rather than through the generated client on purpose: what is checked is the bytes on the
 * wire, and a deserialising client would hide a drift (an unknown field dropped) or fail before the check could
 * name it. In read-only mode it refuses to send anything but GET, so a read-only run cannot change the server.</p>
 */
final class ApiCaller {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Map<String, SpecOperation> operations = new LinkedHashMap<>();
    private final DssBase base;
    private final Transport transport;
    private final ContractValidator validator;
    private final ConformanceLog log;
    private final String apiKey;
    private final String authorization;
    private final boolean writesAllowed;

    /** What the server answered; {@code json} is the parsed body, a missing node when it is not JSON. */
    record Answer(int status, byte[] body, JsonNode json, boolean truncated, String contentType,
                  Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** "403 (com.dataiku.dip.exceptions.UnauthorizedException: Action forbidden)" for a reason line. */
        String summary() {
            if (json.hasNonNull("errorType")) {
                return status + " (" + json.path("errorType").asText() + ": " + json.path("message").asText("") + ")";
            }
            return String.valueOf(status);
        }
    }

    ApiCaller(OpenApiDocument document, DssBase base, Transport transport, ContractValidator validator,
              ConformanceLog log, String apiKey, boolean writesAllowed) {
        document.operations().forEach(op -> operations.put(op.operationId(), op));
        this.base = base;
        this.transport = transport;
        this.validator = validator;
        this.log = log;
        this.apiKey = apiKey;
        this.authorization = apiKey == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        this.writesAllowed = writesAllowed;
    }

    DssBase base() {
        return base;
    }

    ConformanceLog log() {
        return log;
    }

    /** @throws IllegalStateException when the document has no such operation (a walk out of step with the spec) */
    SpecOperation operation(String operationId) {
        SpecOperation op = operations.get(operationId);
        if (op == null) {
            throw new IllegalStateException("the document has no operation " + operationId);
        }
        return op;
    }

    boolean declares(String operationId) {
        return operations.containsKey(operationId);
    }

    List<SpecOperation> operations() {
        return List.copyOf(operations.values());
    }

    Optional<Answer> get(String operationId, Map<String, String> pathParameters, Map<String, String> query)
            throws Transport.Unreachable {
        return call(operationId, pathParameters, query, null, null);
    }

    /**
     * Calls the operation; logs and validates the exchange.
     *
     * @return the answer, or empty when none came (the exchange is logged with the cause)
     * @throws Transport.Unreachable when the server cannot be reached at all
     */
    Optional<Answer> call(String operationId, Map<String, String> pathParameters, Map<String, String> query,
                          byte[] body, String contentType) throws Transport.Unreachable {
        SpecOperation op = operation(operationId);
        if (!writesAllowed && !op.method().equalsIgnoreCase("GET")) {
            throw new IllegalStateException(op + " is not a read: refused in a read-only run");
        }
        String path = fill(op.path(), pathParameters);
        String rawQuery = query(query);
        String label = redact(op.method() + " " + base.documentPath(path) + rawQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        headers.put("Accept", "*/*");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        Transport.Reply reply;
        try {
            reply = transport.send(op.method(), base.resolve(path + rawQuery), headers, body);
        } catch (Transport.Unreachable e) {
            throw e;
        } catch (IOException e) {
            log.add(new Exchange(op, label, 0, List.of(), e.getMessage()));
            return Optional.empty();
        }
        String responseType = reply.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).flatMap(h -> h.getValue().stream())
                .findFirst().orElse(null);
        boolean json = responseType != null && responseType.toLowerCase(Locale.ROOT).contains("json");
        JsonNode tree = MissingNode.getInstance();
        if (json && !reply.truncated() && reply.body().length > 0) {
            try {
                tree = JSON.readTree(reply.body());
            } catch (IOException notJson) {
                tree = MissingNode.getInstance(); // the validator names the broken body
            }
        }
        List<Violation> violations;
        String note = null;
        if (reply.truncated() && json) {
            violations = List.of();
            note = "answer larger than " + Transport.MAX_BODY_BYTES / (1024 * 1024) + " MiB: cut, body not validated";
        } else {
            violations = validator.validate(label, request(op, base.documentPath(path), query, headers, body),
                    response(reply));
        }
        log.add(new Exchange(op, label, reply.status(), violations, note));
        return Optional.of(new Answer(reply.status(), reply.body(), tree, reply.truncated(), responseType,
                reply.headers()));
    }

    /** The key may travel in a path (getGlobalApiKeyBySecret): it never reaches a report. */
    private String redact(String label) {
        if (apiKey == null || apiKey.length() < 4) {
            return label;
        }
        return label.replace(URLEncoder.encode(apiKey, StandardCharsets.UTF_8).replace("+", "%20"), "<api-key>")
                .replace(apiKey, "<api-key>");
    }

    private static com.atlassian.oai.validator.model.Request request(SpecOperation op, String path,
                                                                     Map<String, String> query,
                                                                     Map<String, String> headers, byte[] body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(op.method(), path);
        headers.forEach(request::withHeader);
        if (query != null) {
            query.forEach(request::withQueryParam);
        }
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static com.atlassian.oai.validator.model.Response response(Transport.Reply reply) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(reply.status());
        reply.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (reply.body().length > 0) {
            response.withBody(reply.body());
        }
        return response.build();
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for path parameter " + m.group(1) + " of " + template);
            }
            m.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(path);
        return path.toString();
    }

    static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String query(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("?");
        new TreeMap<>(query).forEach((name, value) -> text.append(text.length() > 1 ? "&" : "")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }
}
