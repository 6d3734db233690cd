package org.dsscontractkit.spec.build;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw YAML/JSON trees of an OpenAPI document and the files it {@code $ref}s, read without any OpenAPI semantics
 * so that a broken reference can be reported where it is written rather than where a parser gave up.
 */
public final class SourceTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path baseDir;
    private final Map<Path, JsonNode> files = new HashMap<>();

    public SourceTree(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** A node inside one file. */
    public record Location(Path file, String pointer, JsonNode node) {
    }

    /** The outcome of following one {@code $ref}: the target, or why there is none. */
    public record Resolution(Location target, String failure) {
        boolean resolved() {
            return target != null;
        }
    }

    public JsonNode read(Path file) {
        Path key = file.toAbsolutePath().normalize();
        JsonNode cached = files.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            JsonNode tree = YAML.readTree(key.toFile());
            files.put(key, tree);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display(key) + ": " + e.getMessage(), e);
        }
    }

    /** Name of a file as the messages show it: relative to the source folder when it is inside it. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString() : abs.toString();
    }

    /** Follows {@code ref} written in {@code fromFile}. */
    public Resolution resolve(Path fromFile, String ref) {
        if (ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//")) {
            return new Resolution(null, "remote $ref '" + ref + "' is not allowed: the build must work offline");
        }
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Path target = filePart.isEmpty()
                ? fromFile.toAbsolutePath().normalize()
                : fromFile.toAbsolutePath().getParent().resolve(filePart).normalize();
        if (!Files.isRegularFile(target)) {
            return new Resolution(null, "$ref '" + ref + "' points to missing file " + display(target));
        }
        JsonNode root;
        try {
            root = read(target);
        } catch (UncheckedIOException e) {
            return new Resolution(null, "$ref '" + ref + "': " + e.getMessage());
        }
        String pointer = decodeFragment(fragment);
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            return new Resolution(null, "$ref '" + ref + "' has a fragment that is not a JSON pointer");
        }
        JsonNode node = root.at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            return new Resolution(null, "$ref '" + ref + "' does not resolve: " + display(target)
                    + " has nothing at '" + pointer + "'" + nearestExisting(root, pointer));
        }
        return new Resolution(new Location(target, pointer, node), null);
    }

    private static String nearestExisting(JsonNode root, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonPointer parent = p.head();
        if (parent == null || root.at(parent).isMissingNode() || !root.at(parent).isObject()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        root.at(parent).fieldNames().forEachRemaining(n -> {
            if (names.length() < 300) {
                names.append(names.length() == 0 ? "" : ", ").append(n);
            }
        });
        return " (known names there: " + names + ")";
    }

    static String decodeFragment(String fragment) {
        // URI fragments may percent-encode characters such as '{' in path templates.
        return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public static String escapePointerToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public Optional<JsonNode> cached(Path file) {
        return Optional.ofNullable(files.get(file.toAbsolutePath().normalize()));
    }
}
