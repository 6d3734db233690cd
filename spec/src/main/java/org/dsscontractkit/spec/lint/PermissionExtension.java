package org.dsscontractkit.spec.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the machine-readable permissions of a document: the vocabulary is defined once in
 * {@code info.x-dss-permissions} (each name with its {@code description}: what a caller needs, and {@code denied}:
 * the status a caller lacking it gets, absent when any valid key holds it), and every operation names one of its
 * entries in {@code x-dss-permission}.
 */
public final class PermissionExtension {

    public static final String VOCABULARY = "x-dss-permissions";
    public static final String OPERATION = "x-dss-permission";

    private PermissionExtension() {
    }

    /** The permission names the document defines (empty when it defines none). */
    public static Set<String> vocabulary(JsonNode document) {
        Set<String> names = new TreeSet<>();
        document.path("info").path(VOCABULARY).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The status a caller lacking the permission gets; empty when every valid key holds it. */
    public static java.util.OptionalInt deniedStatus(JsonNode document, String permission) {
        JsonNode denied = document.path("info").path(VOCABULARY).path(permission).path("denied");
        return denied.isInt() ? java.util.OptionalInt.of(denied.asInt()) : java.util.OptionalInt.empty();
    }

    /** One message per operation that lacks a valid permission, saying exactly what to add where. */
    public static List<String> problems(JsonNode document) {
        Set<String> names = vocabulary(document);
        List<String> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add("info has no " + VOCABULARY + ": define the permission vocabulary there (name: {description:"
                    + " what a caller needs to hold it, denied: the status of a caller lacking it})");
            return problems;
        }
        for (String name : names) {
            JsonNode entry = document.path("info").path(VOCABULARY).path(name);
            if (!entry.path("description").isTextual() || entry.path("description").asText().isBlank()) {
                problems.add("info." + VOCABULARY + "." + name + " has no description of what the permission means");
            }
            if (entry.has("denied") && !(entry.path("denied").isInt() && entry.path("denied").asInt() / 100 == 4)) {
                problems.add("info." + VOCABULARY + "." + name + ".denied is not a 4xx status: " + entry.path("denied"));
            }
        }
        DocumentWalker.operations(document, (method, path, operation) -> {
            JsonNode permission = operation.path(OPERATION);
            String where = operation.path("operationId").asText("?") + " (" + method.toUpperCase() + " " + path + ")";
            if (permission.isMissingNode()) {
                problems.add(where + " has no " + OPERATION + ": add the line `" + OPERATION + ": <permission>` to"
                        + " the operation (next to its operationId), <permission> being one of " + names
                        + " (info." + VOCABULARY + " says what each means; it must match what the reference server"
                        + " enforces, which PermissionMatrixIT checks)");
            } else if (!names.contains(permission.asText())) {
                problems.add(where + " has " + OPERATION + ": " + permission + ", which is not one of " + names
                        + " defined in info." + VOCABULARY);
            }
        });
        return problems;
    }
}
