package org.dsscontractkit.reference.it;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of the DSS document as the permission matrix calls it: method, path template, the operation. */
record MatrixCall(String method, String template, JsonNode op) {

    String id() {
        return op.path("operationId").asText();
    }

    /** The document's example body (application/json), or null. */
    JsonNode exampleBody() {
        JsonNode media = op.path("requestBody").path("content").path("application/json");
        if (media.has("example")) return media.get("example");
        JsonNode examples = media.path("examples");
        if (examples.isObject() && examples.size() > 0) return examples.elements().next().path("value");
        return null;
    }

    boolean multipart() {
        return op.path("requestBody").path("content").has("multipart/form-data");
    }
}
