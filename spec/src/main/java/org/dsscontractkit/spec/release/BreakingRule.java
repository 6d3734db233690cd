package org.dsscontractkit.spec.release;

/**
 * The rules the gate names. Most are openapi-diff's backward-incompatibility checks under their own property names
 * (without the {@code incompatible.} prefix); the ones marked "kit" are checks openapi-diff does not make (or
 * makes too broadly) that the kit adds, because a generated client or a pact breaks on them.
 */
public final class BreakingRule {

    public static final String OPERATION_REMOVED = "operation.removed";
    public static final String OPERATION_ID_CHANGED = "operation.id.changed";
    public static final String REQUEST_PARAMS_DECREASED = "request.params.decreased";
    public static final String REQUEST_PARAMS_REQUIRED_INCREASED = "request.params.required.increased";
    public static final String REQUEST_PARAM_STYLE_CHANGED = "request.param.style.changed";
    public static final String REQUEST_PARAM_EXPLODE_CHANGED = "request.param.explode.changed";
    public static final String REQUEST_PARAM_ALLOWEMPTY_DECREASED = "request.param.allowempty.decreased";
    /** kit: openapi-diff also flags a request body that became optional, which breaks nobody. */
    public static final String REQUEST_BODY_REQUIRED_INCREASED = "request.body.required.increased";
    public static final String REQUEST_CONTENT_DECREASED = "request.content.decreased";
    public static final String REQUEST_ENUM_DECREASED = "request.enum.decreased";
    public static final String REQUEST_REQUIRED_INCREASED = "request.required.increased";
    /** kit: a client that sent null for this property is now refused. */
    public static final String REQUEST_NULLABLE_DECREASED = "request.nullable.decreased";
    public static final String RESPONSE_RESPONSES_DECREASED = "response.responses.decreased";
    public static final String RESPONSE_CONTENT_DECREASED = "response.content.decreased";
    public static final String RESPONSE_ENUM_INCREASED = "response.enum.increased";
    /** A property that was required in the answer is now optional: clients reading it may get nothing. */
    public static final String RESPONSE_REQUIRED_DECREASED = "response.required.decreased";
    /**
     * kit: a property of an answer is gone (or renamed). openapi-diff only flags it when the property was required;
     * every client that reads an optional property breaks just the same, and so does every pact that expects it.
     */
    public static final String RESPONSE_PROPERTY_REMOVED = "response.property.removed";
    /** kit: an answer may now carry null where it never did; clients that dereference it break. */
    public static final String RESPONSE_NULLABLE_INCREASED = "response.nullable.increased";
    public static final String RESPONSE_HEADERS_DECREASED = "response.headers.decreased";
    public static final String SCHEMA_TYPE_CHANGED = "schema.type.changed";
    public static final String SCHEMA_DISCRIMINATOR_CHANGED = "schema.discriminator.changed";
    public static final String SECURITY_REQUIREMENTS_DECREASED = "security.requirements.decreased";

    private BreakingRule() {
    }
}
