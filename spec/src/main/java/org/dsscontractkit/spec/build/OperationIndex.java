package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Lists the operations of a source document, following path items written as {@code $ref}s to other files. */
public final class OperationIndex {

    private final List<Operation> operations;

    private OperationIndex(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    public static OperationIndex of(SourceTree tree, Path rootFile) {
        JsonNode root = tree.read(rootFile);
        List<Operation> found = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = rootFile;
            String pointer = "/paths/" + SourceTree.escapePointerToken(entry.getKey());
            JsonNode item = entry.getValue();
            if (item.has("$ref")) {
                SourceTree.Resolution r = tree.resolve(rootFile, item.get("$ref").asText());
                if (!r.resolved()) {
                    continue; // reported by RefChecker
                }
                file = r.target().file();
                pointer = r.target().pointer();
                item = r.target().node();
            }
            Operation.Location pathItem = new Operation.Location(file, pointer, item);
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toLowerCase(Locale.ROOT);
                if (!Operation.METHODS.contains(method) || !op.getValue().isObject()) {
                    continue;
                }
                JsonNode id = op.getValue().get("operationId");
                String operationId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
                found.add(new Operation(entry.getKey(), method, operationId, file, pointer + "/" + method,
                        op.getValue(), pathItem));
            }
        }
        return new OperationIndex(found);
    }

    public List<Operation> operations() {
        return operations;
    }

    public Optional<Operation> find(String path, String method) {
        return operations.stream()
                .filter(o -> o.path().equals(path) && o.method().equalsIgnoreCase(method))
                .findFirst();
    }
}
