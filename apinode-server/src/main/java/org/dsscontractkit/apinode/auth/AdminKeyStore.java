package org.dsscontractkit.apinode.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin API keys: the keys given in the configuration, plus keys created through {@code POST /admin/api/keys}
 * (stored as SHA-256 digests in {@code admin-keys.json}; the secret is shown once, at creation).
 */
public final class AdminKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final List<String> configuredKeys;
    private final List<ObjectNode> keys = new ArrayList<>();

    public AdminKeyStore(Path file, List<String> configuredKeys) {
        this.file = file;
        this.configuredKeys = List.copyOf(configuredKeys);
        try {
            if (Files.exists(file)) {
                JSON.readTree(file.toFile()).path("keys").forEach(k -> keys.add((ObjectNode) k));
            } else if (configuredKeys.isEmpty()) {
                // First start without a configured key: create one so the admin API is usable, and say where it is.
                String secret = newSecret();
                add(secret, "bootstrap", "Created at first start", "apinode", null);
                Path keyFile = file.resolveSibling("admin-key.txt");
                DurableFiles.write(keyFile, (secret + "\n").getBytes(StandardCharsets.UTF_8));
                LOG.warn("No admin key configured: created one, stored in {}", keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read admin keys " + file, e);
        }
    }

    public synchronized boolean accepts(String key) {
        if (key == null) {
            return false;
        }
        for (String configured : configuredKeys) {
            if (MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        String digest = digest(key);
        long now = System.currentTimeMillis();
        for (ObjectNode k : keys) {
            if (digest.equals(k.path("sha256").asText())) {
                return !k.hasNonNull("expiry") || k.get("expiry").asLong() > now;
            }
        }
        return false;
    }

    public synchronized ArrayNode list() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode k : keys) {
            ObjectNode view = k.deepCopy();
            view.remove("sha256");
            list.add(view);
        }
        return list;
    }

    /** Creates a key from the {@code add_key} body {label, description, createdBy, expiry}; answers it with its secret. */
    public synchronized ObjectNode create(JsonNode body) {
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw NodeErrors.badInput("InvalidRequest", "The body must be a JSON object {label, description, createdBy, expiry}");
        }
        Long expiry = expiry(b.get("expiry"));
        String secret = newSecret();
        ObjectNode created = add(secret, text(b, "label"), text(b, "description"), text(b, "createdBy"), expiry).deepCopy();
        created.remove("sha256");
        created.put("key", secret);
        return created;
    }

    public synchronized void deleteBySecret(String secret) {
        String digest = digest(secret);
        if (!keys.removeIf(k -> digest.equals(k.path("sha256").asText()))) {
            throw NodeErrors.notFound("KeyNotFound", "No admin key with this secret");
        }
        save();
    }

    public synchronized void deleteById(String id) {
        if (!keys.removeIf(k -> id.equals(k.path("id").asText()))) {
            throw NodeErrors.notFound("KeyNotFound", "No admin key with id '" + id + "'");
        }
        save();
    }

    private ObjectNode add(String secret, String label, String description, String createdBy, Long expiry) {
        ObjectNode k = JsonNodeFactory.instance.objectNode();
        k.put("id", UUID.randomUUID().toString());
        k.put("sha256", digest(secret));
        k.put("keyPrefix", secret.substring(0, 6));
        k.put("label", label);
        k.put("description", description);
        k.put("createdBy", createdBy);
        k.put("createdOn", System.currentTimeMillis());
        if (expiry == null) {
            k.putNull("expiry");
        } else {
            k.put("expiry", expiry);
        }
        keys.add(k);
        save();
        return k;
    }

    private static Long expiry(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        try {
            return Instant.parse(node.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw NodeErrors.badInput("InvalidExpiry", "'expiry' must be epoch milliseconds or an ISO-8601 instant, got '" + node.asText() + "'")
                    .at("expiry", "format");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void save() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("keys").addAll(keys);
        try {
            // the caller answers 2xx once this returns: the new key list must be on disk by then
            DurableFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw NodeErrors.of(500, "KeysNotSaved", "Cannot save admin keys: " + e.getMessage());
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
