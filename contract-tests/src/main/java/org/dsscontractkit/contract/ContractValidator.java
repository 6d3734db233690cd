package org.dsscontractkit.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Validates HTTP exchanges (request and response) against a set of OpenAPI documents and keeps what it saw: the
 * violations, and which operations were exercised (for the coverage report).
 *
 * <p>Each request is routed to the first document declaring its path (the DSS document and the API node document
 * share the {@code /public/api} prefix but not their paths). A request no document declares is itself a violation.</p>
 */
public final class ContractValidator {

    private static final String UNEXPECTED_QUERY_PARAMETER = "validation.request.parameter.query.unexpected";

    private static ContractValidator shared;

    private final List<OpenApiDocument> documents;
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final Set<SpecOperation> exercised = Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile int exchanges;

    public ContractValidator(List<OpenApiDocument> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("documents: at least one OpenAPI document is needed");
        }
        this.documents = List.copyOf(documents);
    }

    /** @return the process-wide validator over the kit's two bundled documents (parsed once, on first use) */
    public static synchronized ContractValidator shared() {
        if (shared == null) {
            shared = new ContractValidator(OpenApiDocument.bundled());
        }
        return shared;
    }

    /**
     * Validates one exchange and records it.
     *
     * @param label how the exchange is named in a violation ("GET /public/api/projects/" or a pact interaction)
     * @return the violations found in this exchange (also recorded); empty when it conforms
     */
    public List<Violation> validate(String label, Request request, Response response) {
        synchronized (this) {
            exchanges++;
        }
        List<Violation> found = new ArrayList<>();
        Optional<OpenApiDocument.Match> match = Optional.empty();
        for (OpenApiDocument document : documents) {
            match = document.match(request.getPath(), request.getMethod());
            if (match.isPresent()) {
                break;
            }
        }
        if (match.isEmpty()) {
            found.add(new Violation(label, null, "validation.request.path.missing",
                    "No operation in " + documents.stream().map(OpenApiDocument::name).collect(Collectors.joining(", "))
                            + " matches " + request.getMethod() + " " + request.getPath(), response.getStatus()));
        } else {
            SpecOperation operation = match.get().operation();
            if (operation != null) {
                exercised.add(operation);
            }
            ValidationReport report = match.get().validator().validate(request, response);
            for (ValidationReport.Message message : report.getMessages()) {
                if (match.get().dynamicQueryParameters() && UNEXPECTED_QUERY_PARAMETER.equals(message.getKey())) {
                    continue; // the endpoint names these parameters (x-dynamic-query-parameters)
                }
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    found.add(new Violation(label, operation, message.getKey(), describe(message), response.getStatus()));
                }
            }
        }
        violations.addAll(found);
        return found;
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        for (String info : message.getAdditionalInfo()) {
            text.append(" | ").append(info);
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append(" | ").append(nested.getMessage());
        }
        return text.toString();
    }

    /** @return every violation recorded so far, oldest first */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** @return how many exchanges were validated */
    public int exchangeCount() {
        return exchanges;
    }

    /** @return the coverage of the documents by the exchanges validated so far */
    public CoverageReport coverage() {
        List<SpecOperation> all = documents.stream().flatMap(d -> d.operations().stream()).toList();
        Set<SpecOperation> seen;
        synchronized (exercised) {
            seen = new LinkedHashSet<>(exercised);
        }
        return new CoverageReport(all, seen, exchanges, violations.size());
    }
}
