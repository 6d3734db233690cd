package org.dsscontractkit.contract.fuzz;

import java.util.function.Predicate;

/** The kinds of request the fuzz makes of an operation; each applies to the operations it makes sense for. */
public enum Mutation {
    WELL_FORMED("a request the document allows", 2, op -> true),
    NO_CREDENTIALS("no credentials at all", 1, op -> true),
    UNKNOWN_KEY("an API key the server does not know", 1, op -> true),
    MALFORMED_CREDENTIALS("an Authorization header that is not Basic/Bearer with a key, or a bogus ticket", 1, op -> true),
    HOSTILE_PATH_SEGMENT("a path parameter with NUL, ../, %-garbage, unicode or a very long segment", 3,
            op -> !op.parameters("path").isEmpty()),
    QUERY_WRONG_TYPE("a declared query parameter with a value of the wrong type", 2, op -> !op.parameters("query").isEmpty()),
    QUERY_GARBAGE("undeclared, repeated, empty or %-garbage query parameters", 1, op -> true),
    HOSTILE_HEADERS("hostile X-DKU-ProxyUser, Accept or oversized headers", 1, op -> true),
    PROPERTY_WRONG_TYPE("a declared body property (or array item) with a value of the wrong type", 4,
            op -> op.jsonBody().isPresent() && (!SchemaValues.propertyPaths(op.jsonBody().get().schema()).isEmpty()
                    || op.jsonBody().get().schema().getItems() != null)),
    MISSING_REQUIRED("a body without some of its required properties", 1, op -> op.jsonBody().isPresent()
            && op.jsonBody().get().example() != null && op.jsonBody().get().example().isObject()
            && op.jsonBody().get().schema().getRequired() != null && !op.jsonBody().get().schema().getRequired().isEmpty()),
    UNKNOWN_PROPERTY("a body with an undeclared property", 1, op -> op.jsonBody().isPresent()),
    BODY_WRONG_TYPE("a body that is JSON of another type than the document's", 1, op -> op.jsonBody().isPresent()),
    MALFORMED_JSON("a body that is not JSON (truncated, trailing garbage, bad escapes, invalid UTF-8)", 2,
            op -> op.jsonBody().isPresent()),
    DEEPLY_NESTED("a JSON body nested 10 000 levels or more", 1, op -> op.jsonBody().isPresent()),
    WRONG_CONTENT_TYPE("a JSON body sent with another Content-Type, or none", 1, op -> op.jsonBody().isPresent()),
    OVERSIZED_BODY("a body of several MB (also to operations that take none)", 0, op -> true),
    MULTIPART_WITHOUT_FILE("a multipart operation called without a multipart body or without its file part", 2,
            op -> op.multipartBody().isPresent()),
    MALFORMED_MULTIPART("a multipart body with a wrong boundary, truncated, or a hostile file name", 2,
            op -> op.multipartBody().isPresent());

    private final String description;
    private final int weight;
    private final Predicate<FuzzOperation> applies;

    Mutation(String description, int weight, Predicate<FuzzOperation> applies) {
        this.description = description;
        this.weight = weight;
        this.applies = applies;
    }

    public String description() {
        return description;
    }

    /** How many times it appears in an operation's schedule; 0 = once per schedule, whatever its length. */
    int weight() {
        return weight;
    }

    public boolean appliesTo(FuzzOperation operation) {
        return applies.test(operation);
    }

    /** @return whether the request carries no valid credentials by design */
    public boolean withoutCredentials() {
        return this == NO_CREDENTIALS || this == UNKNOWN_KEY || this == MALFORMED_CREDENTIALS;
    }
}
