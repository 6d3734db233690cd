package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * One operation of a source document, as written (path items that are {@code $ref}s already followed).
 *
 * @param file     file holding the operation object
 * @param pointer  JSON pointer of the operation object in that file
 * @param node     the operation object
 * @param pathItem the path item it belongs to (for path-level parameters)
 */
public record Operation(String path, String method, String operationId, Path file, String pointer, JsonNode node,
                        Location pathItem) {

    public static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    public record Location(Path file, String pointer, JsonNode node) {
    }

    /** "operation getProject (GET /projects/{projectKey})", or the method and path alone without an operationId. */
    public String label() {
        String route = method.toUpperCase(Locale.ROOT) + " " + path;
        return operationId == null ? "operation " + route + " (no operationId)"
                : "operation " + operationId + " (" + route + ")";
    }
}
