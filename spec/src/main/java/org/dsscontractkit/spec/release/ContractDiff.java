package org.dsscontractkit.spec.release;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Compares two versions of one OpenAPI document with openapi-diff and lists, per operation, what was added, removed,
 * deprecated or changed, and which changes can break a client ({@link OperationChangeCollector} names them).
 */
public final class ContractDiff {

    /** A renamed operationId renames the generated client's method: breaking here, though not by default there. */
    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty(BackwardIncompatibleProp.OPERATION_ID_CHANGED.getPropertyName(), "true")
            .build();

    private ContractDiff() {
    }

    /**
     * @param document file stem, used in every message
     * @param oldText  the released document (YAML or JSON), or null when the document is new
     * @param newText  the current document, or null when it was withdrawn
     */
    public static DocumentChanges compare(String document, String oldText, String newText) {
        OpenAPI before = oldText == null ? null : parse(document, "released", oldText);
        OpenAPI after = newText == null ? null : parse(document, "current", newText);
        String title = Optional.ofNullable(after != null ? after : before).map(OpenAPI::getInfo)
                .map(i -> i.getTitle()).orElse(document);
        if (before == null || after == null) {
            OpenAPI only = before == null ? after : before;
            OperationChange.Kind kind = before == null ? OperationChange.Kind.ADDED : OperationChange.Kind.REMOVED;
            List<OperationChange> all = new ArrayList<>();
            operations(only).forEach((key, op) -> all.add(whole(document, kind, key, op)));
            return new DocumentChanges(document, title, version(before), version(after), all);
        }
        Map<String, Operation> beforeOps = operations(before);
        Map<String, Operation> afterOps = operations(after);
        // openapi-diff copies global security onto the operations it compares; nothing read above depends on it
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(before, after, OPTIONS);

        Map<String, OperationChange> byKey = new LinkedHashMap<>();
        afterOps.keySet().forEach(key -> byKey.put(key, null)); // document order
        for (Endpoint added : diff.getNewEndpoints()) {
            String key = key(added.getMethod().name(), added.getPathUrl());
            byKey.put(key, whole(document, OperationChange.Kind.ADDED, key, added.getOperation()));
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isChanged() == DiffResult.NO_CHANGES) {
                continue;
            }
            String key = key(changed.getHttpMethod().name(), changed.getPathUrl());
            byKey.put(key, changed(document, key, changed));
        }
        for (Endpoint missing : diff.getMissingEndpoints()) {
            String key = key(missing.getMethod().name(), missing.getPathUrl());
            Operation op = beforeOps.getOrDefault(key, missing.getOperation());
            byKey.put("removed " + key, whole(document, OperationChange.Kind.REMOVED, key, op));
        }
        List<OperationChange> changes = byKey.values().stream().filter(c -> c != null).toList();
        return new DocumentChanges(document, title, version(before), version(after), changes);
    }

    private static OperationChange changed(String document, String key, ChangedOperation changed) {
        Operation op = changed.getNewOperation();
        String method = key.substring(0, key.indexOf(' '));
        String path = key.substring(key.indexOf(' ') + 1);
        OperationChangeCollector collector = new OperationChangeCollector(document, operationId(op, key), method, path);
        collector.collect(changed);
        List<String> notes = collector.notes();
        // openapi-diff calls a schema "compatibly changed" as soon as one property changed at all, even if only its
        // example did: what the collector names is the measure (it names every change a client can notice)
        boolean docsOnly = collector.breaking().isEmpty() && notes.isEmpty();
        return new OperationChange(changed.isDeprecated() ? OperationChange.Kind.DEPRECATED : OperationChange.Kind.CHANGED,
                operationId(op, key), method, path, firstTag(op), op.getSummary(), notes, collector.breaking(), docsOnly);
    }

    private static OperationChange whole(String document, OperationChange.Kind kind, String key, Operation op) {
        String method = key.substring(0, key.indexOf(' '));
        String path = key.substring(key.indexOf(' ') + 1);
        List<BreakingChange> breaking = kind == OperationChange.Kind.REMOVED
                ? List.of(new BreakingChange(document, operationId(op, key), method, path, "operation",
                        BreakingRule.OPERATION_REMOVED, "operation removed (clients calling it get 404)"))
                : List.of();
        return new OperationChange(kind, operationId(op, key), method, path, firstTag(op), op.getSummary(), List.of(),
                breaking, false);
    }

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> ops.put(key(method.name(), path), op)));
        }
        return ops;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static String operationId(Operation op, String key) {
        return op != null && op.getOperationId() != null ? op.getOperationId() : key;
    }

    private static String firstTag(Operation op) {
        return op == null || op.getTags() == null || op.getTags().isEmpty() ? null : op.getTags().get(0);
    }

    private static String version(OpenAPI api) {
        return api == null || api.getInfo() == null ? null : api.getInfo().getVersion();
    }

    static OpenAPI parse(String document, String which, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            throw new IllegalArgumentException("the " + which + " " + document + " document cannot be read: "
                    + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
