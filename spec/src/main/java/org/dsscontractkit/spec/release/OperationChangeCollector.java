package org.dsscontractkit.spec.release;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirements;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxLength;
import org.openapitools.openapidiff.core.model.schema.ChangedMaxProperties;
import org.openapitools.openapidiff.core.model.schema.ChangedMinItems;
import org.openapitools.openapidiff.core.model.schema.ChangedMinLength;
import org.openapitools.openapidiff.core.model.schema.ChangedMinProperties;
import org.openapitools.openapidiff.core.model.schema.ChangedMultipleOf;
import org.openapitools.openapidiff.core.model.schema.ChangedNullable;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedPattern;
import org.openapitools.openapidiff.core.model.schema.ChangedReadOnly;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;
import org.openapitools.openapidiff.core.model.schema.ChangedUniqueItems;
import org.openapitools.openapidiff.core.model.schema.ChangedWriteOnly;

/**
 * Walks openapi-diff's tree of one changed operation and names each change: breaking ones with the rule and the spot
 * (openapi-diff only says "broken compatibility" per media type), the others as changelog notes. Also applies the
 * kit's corrections to openapi-diff: a removed optional response property and a response that became nullable are
 * breaking, a request body that became optional is not.
 */
final class OperationChangeCollector {

    private final String document;
    private final String operationId;
    private final String method;
    private final String path;
    private final List<BreakingChange> breaking = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<ChangedSchema> walking = Collections.newSetFromMap(new IdentityHashMap<>());

    OperationChangeCollector(String document, String operationId, String method, String path) {
        this.document = document;
        this.operationId = operationId;
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
    }

    List<BreakingChange> breaking() {
        return List.copyOf(breaking);
    }

    List<String> notes() {
        return notes.stream().distinct().toList();
    }

    void collect(ChangedOperation op) {
        if (op.getOperationId() != null && op.getOperationId().isChanged() == DiffResult.INCOMPATIBLE) {
            breaks("operation", BreakingRule.OPERATION_ID_CHANGED, "operationId " + op.getOperationId().getLeft()
                    + " -> " + op.getOperationId().getRight() + " (generated clients rename the method)");
        }
        if (op.isDeprecated()) {
            notes.add("deprecated");
        }
        parameters(op.getParameters());
        requestBody(op.getRequestBody());
        responses(op.getApiResponses());
        security(op.getSecurityRequirements());
    }

    private void breaks(String location, String rule, String detail) {
        breaking.add(new BreakingChange(document, operationId, method, path, location, rule, detail));
    }

    private void parameters(ChangedParameters params) {
        if (params == null) {
            return;
        }
        for (Parameter missing : params.getMissing()) {
            breaks(parameter(missing.getIn(), missing.getName()), BreakingRule.REQUEST_PARAMS_DECREASED,
                    "parameter removed (clients that send it may be refused)");
        }
        for (Parameter added : params.getIncreased()) {
            if (Boolean.TRUE.equals(added.getRequired())) {
                breaks(parameter(added.getIn(), added.getName()), BreakingRule.REQUEST_PARAMS_REQUIRED_INCREASED,
                        "new required parameter (clients that do not send it are refused)");
            } else {
                notes.add("optional parameter " + added.getIn() + " `" + added.getName() + "` added");
            }
        }
        for (ChangedParameter changed : params.getChanged()) {
            String location = parameter(changed.getIn(), changed.getName());
            boolean requiredNow = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
            if (changed.isChangeRequired()) {
                if (requiredNow) {
                    breaks(location, BreakingRule.REQUEST_PARAMS_REQUIRED_INCREASED, "parameter became required");
                } else {
                    notes.add("parameter " + changed.getIn() + " `" + changed.getName() + "` became optional");
                }
            }
            if (changed.isChangeStyle()) {
                breaks(location, BreakingRule.REQUEST_PARAM_STYLE_CHANGED, "style "
                        + changed.getOldParameter().getStyle() + " -> " + changed.getNewParameter().getStyle());
            }
            if (changed.isChangeExplode()) {
                breaks(location, BreakingRule.REQUEST_PARAM_EXPLODE_CHANGED, "explode "
                        + changed.getOldParameter().getExplode() + " -> " + changed.getNewParameter().getExplode());
            }
            if (changed.isChangeAllowEmptyValue() && !Boolean.TRUE.equals(changed.getNewParameter().getAllowEmptyValue())) {
                breaks(location, BreakingRule.REQUEST_PARAM_ALLOWEMPTY_DECREASED, "empty values no longer allowed");
            }
            if (changed.isDeprecated()) {
                notes.add("parameter " + changed.getIn() + " `" + changed.getName() + "` deprecated");
            }
            schema(changed.getSchema(), location, "");
            content(changed.getContent(), location);
        }
    }

    private static String parameter(String in, String name) {
        return "parameter " + in + " " + name;
    }

    private void requestBody(ChangedRequestBody body) {
        if (body == null) {
            return;
        }
        boolean requiredBefore = body.getOldRequestBody() != null
                && Boolean.TRUE.equals(body.getOldRequestBody().getRequired());
        boolean requiredNow = body.getNewRequestBody() != null
                && Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
        if (requiredNow && !requiredBefore) {
            breaks("request body", BreakingRule.REQUEST_BODY_REQUIRED_INCREASED,
                    "request body became required (clients that send none are refused)");
        } else if (requiredBefore && !requiredNow) {
            notes.add("request body became optional");
        }
        content(body.getContent(), "request body");
    }

    private void responses(ChangedApiResponse responses) {
        if (responses == null) {
            return;
        }
        responses.getMissing().keySet().forEach(status -> breaks("response " + status,
                BreakingRule.RESPONSE_RESPONSES_DECREASED, "response " + status + " no longer documented"));
        responses.getIncreased().keySet().forEach(status -> notes.add("response " + status + " added"));
        for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
            String location = "response " + entry.getKey();
            headers(entry.getValue().getHeaders(), location);
            content(entry.getValue().getContent(), location);
        }
    }

    private void headers(ChangedHeaders headers, String location) {
        if (headers == null) {
            return;
        }
        headers.getMissing().keySet().forEach(name -> breaks(location + " header " + name,
                BreakingRule.RESPONSE_HEADERS_DECREASED, "header no longer sent"));
        headers.getIncreased().keySet().forEach(name -> notes.add(location + " header `" + name + "` added"));
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            ChangedHeader header = entry.getValue();
            String at = location + " header " + entry.getKey();
            if (header.isCoreChanged() == DiffResult.INCOMPATIBLE) {
                if (header.isRequired()) {
                    breaks(at, Boolean.TRUE.equals(header.getNewHeader().getRequired())
                            ? "response.header.required.increased" : "response.header.required.decreased",
                            "required " + header.getOldHeader().getRequired() + " -> " + header.getNewHeader().getRequired());
                }
                if (header.isExplode()) {
                    breaks(at, "response.header.explode.changed", "explode changed");
                }
            }
            schema(header.getSchema(), at, "");
            content(header.getContent(), at);
        }
    }

    private void content(ChangedContent content, String location) {
        if (content == null) {
            return;
        }
        boolean request = content.getContext().isRequest();
        content.getMissing().keySet().forEach(type -> breaks(location + " " + type,
                request ? BreakingRule.REQUEST_CONTENT_DECREASED : BreakingRule.RESPONSE_CONTENT_DECREASED,
                "media type " + type + " no longer " + (request ? "accepted" : "returned")));
        content.getIncreased().keySet().forEach(type -> notes.add(location + " media type `" + type + "` added"));
        for (Map.Entry<String, ChangedMediaType> entry : content.getChanged().entrySet()) {
            schema(entry.getValue().getSchema(), location + " " + entry.getKey(), "$");
        }
    }

    private void security(ChangedSecurityRequirements security) {
        if (security == null || security.isChanged() == DiffResult.NO_CHANGES) {
            return;
        }
        if (security.getMissing() != null && !security.getMissing().isEmpty()) {
            breaks("security", BreakingRule.SECURITY_REQUIREMENTS_DECREASED,
                    "a way to authenticate is no longer accepted: " + security.getMissing());
        } else if (security.isChanged() == DiffResult.INCOMPATIBLE) {
            breaks("security", "security.requirement.changed", "security requirements changed");
        } else {
            notes.add("security requirements extended");
        }
    }

    private void schema(ChangedSchema schema, String location, String jsonPath) {
        if (schema == null || !walking.add(schema)) {
            return; // a recursive schema: its changes are reported where the walk first met it
        }
        try {
            walkSchema(schema, location, jsonPath);
        } finally {
            walking.remove(schema);
        }
    }

    private void walkSchema(ChangedSchema schema, String location, String jsonPath) {
        boolean request = schema.getContext().isRequest();
        String at = jsonPath.isEmpty() ? location : location + " " + jsonPath;
        if (schema.isChangedType()) {
            breaks(at, BreakingRule.SCHEMA_TYPE_CHANGED, "type " + typeOf(schema.getOldSchema()) + " -> "
                    + typeOf(schema.getNewSchema()));
        }
        if (schema.isDiscriminatorPropertyChanged()) {
            breaks(at, BreakingRule.SCHEMA_DISCRIMINATOR_CHANGED, "discriminator property changed");
        }
        List<String> oldRequired = schema.getOldSchema() == null || schema.getOldSchema().getRequired() == null
                ? List.of() : schema.getOldSchema().getRequired();
        List<String> added = List.copyOf(schema.getIncreasedProperties().keySet());
        for (String name : schema.getMissingProperties().keySet()) {
            if (request) {
                notes.add(at + ": property `" + name + "` no longer documented");
            } else {
                breaks(property(location, jsonPath, name), BreakingRule.RESPONSE_PROPERTY_REMOVED,
                        (oldRequired.contains(name) ? "required" : "optional") + " property removed"
                                + (added.isEmpty() ? "" : " (added: " + String.join(", ", added) + ")"));
            }
        }
        for (String name : added) {
            List<String> newRequired = schema.getNewSchema() == null || schema.getNewSchema().getRequired() == null
                    ? List.of() : schema.getNewSchema().getRequired();
            if (!(request && newRequired.contains(name))) { // a new required request property is reported below
                notes.add(at + ": property `" + name + "` added");
            }
        }
        required(schema.getRequired(), request, location, jsonPath, schema.getMissingProperties().keySet());
        nullable(schema.getNullable(), request, at);
        // a new type makes its old enum, pattern and bounds moot: the type change is the one thing to report
        if (!schema.isChangedType()) {
            enumeration(schema.getEnumeration(), request, at);
            for (Changed leaf : new Changed[] {schema.getReadOnly(), schema.getWriteOnly(), schema.getMaxLength(),
                    schema.getMinLength(), schema.getNumericRange(), schema.getMultipleOf(), schema.getMaxItems(),
                    schema.getMinItems(), schema.getMaxProperties(), schema.getMinProperties(), schema.getUniqueItems(),
                    schema.getPattern()}) {
                leaf(leaf, request, at);
            }
        }
        if (schema.isChangeDefault()) {
            notes.add(at + ": default value changed");
        }
        if (schema.isChangeDeprecated() && schema.getNewSchema() != null
                && Boolean.TRUE.equals(schema.getNewSchema().getDeprecated())) {
            notes.add(at + ": deprecated");
        }
        oneOf(schema.getOneOfSchema(), request, location, jsonPath);
        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            schema(property.getValue(), location, child(jsonPath, property.getKey()));
        }
        schema(schema.getItems(), location, jsonPath + "[]");
        schema(schema.getAddProp(), location, jsonPath + ".*");
    }

    private void required(ChangedRequired required, boolean request, String location, String jsonPath,
                          Set<String> removedProperties) {
        if (required == null || required.isChanged() == DiffResult.NO_CHANGES) {
            return;
        }
        if (request) {
            required.getIncreased().forEach(name -> breaks(property(location, jsonPath, name),
                    BreakingRule.REQUEST_REQUIRED_INCREASED, "property became required (clients that omit it are refused)"));
            required.getMissing().forEach(name -> notes.add(property(location, jsonPath, name) + ": became optional"));
        } else {
            required.getMissing().stream().filter(name -> !removedProperties.contains(name))
                    .forEach(name -> breaks(property(location, jsonPath, name), BreakingRule.RESPONSE_REQUIRED_DECREASED,
                            "property became optional (clients reading it may get nothing)"));
            required.getIncreased().forEach(name -> notes.add(property(location, jsonPath, name) + ": always present now"));
        }
    }

    private void nullable(ChangedNullable nullable, boolean request, String at) {
        if (nullable == null || nullable.isChanged() == DiffResult.NO_CHANGES) {
            return;
        }
        boolean before = Boolean.TRUE.equals(nullable.getLeft());
        boolean now = Boolean.TRUE.equals(nullable.getRight());
        if (!request && now && !before) {
            breaks(at, BreakingRule.RESPONSE_NULLABLE_INCREASED, "may now be null");
        } else if (request && before && !now) {
            breaks(at, BreakingRule.REQUEST_NULLABLE_DECREASED, "null no longer accepted");
        } else {
            notes.add(at + ": " + (now ? "may be null" : "never null"));
        }
    }

    private void enumeration(ChangedEnum<?> values, boolean request, String at) {
        if (values == null || values.isChanged() == DiffResult.NO_CHANGES) {
            return;
        }
        if (request && !values.getMissing().isEmpty()) {
            breaks(at, BreakingRule.REQUEST_ENUM_DECREASED, "values no longer accepted: " + values.getMissing());
        }
        if (!request && !values.getIncreased().isEmpty()) {
            breaks(at, BreakingRule.RESPONSE_ENUM_INCREASED, "new values clients do not know: " + values.getIncreased());
        }
        if (request && !values.getIncreased().isEmpty()) {
            notes.add(at + ": new values accepted " + values.getIncreased());
        }
        if (!request && !values.getMissing().isEmpty()) {
            notes.add(at + ": values no longer returned " + values.getMissing());
        }
    }

    private void oneOf(ChangedOneOfSchema oneOf, boolean request, String location, String jsonPath) {
        if (oneOf == null) {
            return;
        }
        String at = jsonPath.isEmpty() ? location : location + " " + jsonPath;
        if (request && !oneOf.getMissing().isEmpty()) {
            breaks(at, "request.oneof.decreased", "oneOf alternatives no longer accepted: " + oneOf.getMissing().keySet());
        } else if (!request && !oneOf.getIncreased().isEmpty()) {
            breaks(at, "response.oneof.increased", "new oneOf alternatives: " + oneOf.getIncreased().keySet());
        }
        for (Map.Entry<String, ChangedSchema> entry : oneOf.getChanged().entrySet()) {
            schema(entry.getValue(), location, jsonPath + "<" + entry.getKey().replaceFirst(".*/", "") + ">");
        }
    }

    /** The constraints openapi-diff judges on its own; the kit only names them. */
    private void leaf(Changed leaf, boolean request, String at) {
        if (leaf == null) {
            return;
        }
        DiffResult result = leaf.isChanged();
        if (result == DiffResult.NO_CHANGES || result == DiffResult.METADATA) {
            return;
        }
        String name;
        String detail;
        if (leaf instanceof ChangedMaxLength c) {
            name = request ? "request.max.length.decreased" : "response.max.length.increased";
            detail = "maxLength " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedMinLength c) {
            name = request ? "request.min.length.increased" : "response.min.length.increased";
            detail = "minLength " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedNumericRange c) {
            name = request ? "request.numeric.range.decreased" : "response.numeric.range.increased";
            detail = "range [" + c.getOldMinimumValue() + ", " + c.getOldMaximumValue() + "] -> ["
                    + c.getNewMinimumValue() + ", " + c.getNewMaximumValue() + "]";
        } else if (leaf instanceof ChangedReadOnly) {
            name = "request.readonly.changed";
            detail = "readOnly changed";
        } else if (leaf instanceof ChangedWriteOnly) {
            name = "response.writeonly.changed";
            detail = "writeOnly changed";
        } else if (leaf instanceof ChangedPattern c) {
            name = "schema.pattern.changed";
            detail = "pattern " + c.getOldPattern() + " -> " + c.getNewPattern();
            if (request ? c.getNewPattern() == null : c.getOldPattern() == null) {
                // openapi-diff flags any pattern change; a request pattern dropped refuses nothing, and a response
                // pattern added only narrows what clients receive
                result = DiffResult.COMPATIBLE;
            }
        } else if (leaf instanceof ChangedMaxItems c) {
            name = "schema.max-items.changed";
            detail = "maxItems " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedMinItems c) {
            name = "schema.min-items.changed";
            detail = "minItems " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedMaxProperties c) {
            name = "schema.max-properties.changed";
            detail = "maxProperties " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedMinProperties c) {
            name = "schema.min-properties.changed";
            detail = "minProperties " + c.getOldValue() + " -> " + c.getNewValue();
        } else if (leaf instanceof ChangedUniqueItems c) {
            name = "schema.unique-items.changed";
            detail = "uniqueItems " + c.getLeft() + " -> " + c.getRight();
        } else if (leaf instanceof ChangedMultipleOf c) {
            name = "schema.multiple-of.changed";
            detail = "multipleOf " + c.getLeft() + " -> " + c.getRight();
        } else {
            name = "schema." + leaf.getClass().getSimpleName().replaceFirst("^Changed", "").toLowerCase(Locale.ROOT)
                    + ".changed";
            detail = "changed";
        }
        if (result == DiffResult.INCOMPATIBLE) {
            breaks(at, name, detail);
        } else {
            notes.add(at + ": " + detail);
        }
    }

    private static String property(String location, String jsonPath, String name) {
        return location + " " + child(jsonPath.isEmpty() ? "$" : jsonPath, name);
    }

    private static String child(String jsonPath, String name) {
        String base = jsonPath.isEmpty() ? "$" : jsonPath;
        return name.matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? base + "." + name : base + "['" + name + "']";
    }

    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "none";
        }
        String type = Objects.requireNonNullElse(schema.getType(), schema.get$ref() != null ? schema.get$ref() : "any");
        return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
    }
}
