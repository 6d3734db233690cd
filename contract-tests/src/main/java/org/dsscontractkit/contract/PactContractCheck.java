package org.dsscontractkit.contract;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.support.json.JsonException;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks pact files (every specification version pact-jvm reads, V1 to V4) against the OpenAPI documents: each
 * HTTP interaction's request and response (the examples the matchers were generated from) must conform.
 *
 * <p>The pact is read by pact-jvm ({@link DefaultPactReader}), its interactions become the validator's requests
 * and responses through the validator's pact module ({@link PactRequest}, {@link PactResponse}); the
 * {@link ContractValidator} routes each to its document and records violations and coverage.</p>
 *
 * <p>This is the bi-directional half of the kit: a consumer's expectations are held against the published contract
 * without a running provider.</p>
 */
public final class PactContractCheck {

    private static final String CONTENT_TYPE = "Content-Type";

    /** A file that is not a pact: not JSON, or no {@code interactions}/{@code messages} array. */
    public static final class NotAPactException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAPactException(String message) {
            super(message);
        }
    }

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

    /**
     * @return the violations of every HTTP interaction in one pact file, labelled "file: interaction description"
     * @throws NotAPactException when the file is not a pact
     */
    public List<Violation> checkFile(Path pactFile) throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (Interaction interaction : read(pactFile).getInteractions()) {
            if (!interaction.isSynchronousRequestResponse()) {
                continue;
            }
            SynchronousRequestResponse exchange = interaction.asSynchronousRequestResponse();
            String label = pactFile.getFileName() + ": \"" + interaction.getDescription() + "\"";
            violations.addAll(validator.validate(label, request(exchange.getRequest()), response(exchange.getResponse())));
        }
        return violations;
    }

    /**
     * @return how many HTTP interactions a pact file holds
     * @throws NotAPactException when the file is not a pact
     */
    public static int interactionCount(Path pactFile) throws IOException {
        return (int) read(pactFile).getInteractions().stream().filter(Interaction::isSynchronousRequestResponse).count();
    }

    /**
     * Reads a pact with pact-jvm, once: parsed with its JSON parser, then turned into a pact of the version the file
     * declares.
     */
    static Pact read(Path pactFile) throws IOException {
        JsonValue json;
        try (InputStream in = Files.newInputStream(pactFile)) {
            json = JsonParser.parseStream(in);
        } catch (JsonException e) {
            throw new NotAPactException(pactFile + ": not a pact file (invalid JSON: " + e.getMessage() + ")");
        }
        if (!(json instanceof JsonValue.Object pact) || !(isArray(pact, "interactions") || isArray(pact, "messages"))) {
            throw new NotAPactException(pactFile + ": not a pact file (no \"interactions\" array)");
        }
        return DefaultPactReader.INSTANCE.pactFromJson(pact, new FileSource(pactFile.toFile()));
    }

    private static boolean isArray(JsonValue.Object json, String field) {
        return json.has(field) && json.get(field) instanceof JsonValue.Array;
    }

    /**
     * The pact's request for the validator. A body without a {@code Content-Type} header is given the content type
     * the pact records for it (V4 bodies carry one; pact-jvm infers it for older versions), else JSON.
     */
    private static Request request(IRequest request) {
        Request adapted = PactRequest.of(request);
        if (request.getBody().isPresent() && adapted.getHeaderValues(CONTENT_TYPE).isEmpty()) {
            return new RequestWithContentType(adapted, contentType(request.getBody()));
        }
        return adapted;
    }

    private static Response response(IResponse response) {
        Response adapted = PactResponse.of(response);
        if (response.getBody().isPresent() && adapted.getHeaderValues(CONTENT_TYPE).isEmpty()) {
            return new ResponseWithContentType(adapted, contentType(response.getBody()));
        }
        return adapted;
    }

    private static String contentType(OptionalBody body) {
        ContentType type = body.getContentType();
        return type == null || type.getContentType() == null ? "application/json" : type.toString();
    }

    /** A request with a {@code Content-Type} header added. */
    private record RequestWithContentType(Request request, String contentType) implements Request {
        @Override
        public String getPath() {
            return request.getPath();
        }

        @Override
        public Method getMethod() {
            return request.getMethod();
        }

        @Override
        public Optional<String> getBody() {
            return request.getBody();
        }

        @Override
        public Optional<Body> getRequestBody() {
            return request.getRequestBody();
        }

        @Override
        public Collection<String> getQueryParameters() {
            return request.getQueryParameters();
        }

        @Override
        public Collection<String> getQueryParameterValues(String name) {
            return request.getQueryParameterValues(name);
        }

        @Override
        public Map<String, Collection<String>> getHeaders() {
            Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.getHeaders());
            headers.put(CONTENT_TYPE, List.of(contentType));
            return headers;
        }

        @Override
        public Collection<String> getHeaderValues(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? List.of(contentType) : request.getHeaderValues(name);
        }
    }

    /** A response with a {@code Content-Type} header added. */
    private record ResponseWithContentType(Response response, String contentType) implements Response {
        @Override
        public int getStatus() {
            return response.getStatus();
        }

        @Override
        public Optional<String> getBody() {
            return response.getBody();
        }

        @Override
        public Optional<Body> getResponseBody() {
            return response.getResponseBody();
        }

        @Override
        public Collection<String> getHeaderValues(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? List.of(contentType) : response.getHeaderValues(name);
        }
    }
}
