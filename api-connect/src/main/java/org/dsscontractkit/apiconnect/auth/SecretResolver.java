package org.dsscontractkit.apiconnect.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apiconnect.preset.PresetSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a secret field (literal string, {@code {env: NAME}} or {@code {file: path}}) into its value and
 * registers that value with the {@link Redactor}, so it never shows up in a log, message or output column.
 */
public final class SecretResolver {
    private final Function<String, String> env;
    private final Redactor redactor;
    private final PresetSources sources;

    public SecretResolver(Function<String, String> env, Redactor redactor, PresetSources sources) {
        this.env = env;
        this.redactor = redactor;
        this.sources = sources;
    }

    public static SecretResolver fromSystem(Redactor redactor, PresetSources sources) {
        Map<String, String> system = System.getenv();
        return new SecretResolver(system::get, redactor, sources);
    }

    /** Resolves {@code node}; returns null when absent. {@code secret} decides whether the value gets redacted. */
    public String resolve(JsonNode node, String field, boolean secret) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        String value;
        if (node.isObject() && node.has("env")) {
            String name = node.get("env").asText();
            value = env.apply(name);
            if (value == null) {
                throw sources.error(field, "environment variable " + name + " is not set");
            }
        } else if (node.isObject() && node.has("file")) {
            Path file = Path.of(node.get("file").asText());
            try {
                value = Files.readString(file).strip();
            } catch (IOException e) {
                throw sources.error(field, "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        } else if (node.isValueNode()) {
            value = node.asText();
        } else {
            throw sources.error(field, "expected a string, {env: NAME} or {file: path}");
        }
        if (secret) redactor.addSecret(value);
        return value;
    }

    /** The file backing a secret field, when it is given as {@code {file: path}}. */
    public static Path fileOf(JsonNode node) {
        return node != null && node.isObject() && node.has("file") ? Path.of(node.get("file").asText()) : null;
    }

    public Redactor redactor() { return redactor; }

    public PresetSources sources() { return sources; }
}
