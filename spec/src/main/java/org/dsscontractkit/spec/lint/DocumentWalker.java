package org.dsscontractkit.spec.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Visits the operations of a (bundled) OpenAPI document, in document order. */
final class DocumentWalker {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private DocumentWalker() {
    }

    static void operations(JsonNode document, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    visitor.visit(op.getKey(), path.getKey(), op.getValue());
                }
            }
        }
    }

    /** JSON Pointer escaping of one reference token. */
    static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
