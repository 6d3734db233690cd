package org.dsscontractkit.reference.apikey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.GroupService;
import org.dsscontractkit.reference.admin.UserService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Secrets;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.GlobalApiKey;
import org.dsscontractkit.server.generated.dss.model.GlobalApiKeyCreation;
import org.dsscontractkit.server.generated.dss.model.GlobalApiKeyPermissions;
import org.dsscontractkit.reference.storage.Database;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Global and personal API keys. The secret is shown once, in the creation response;
 * only its SHA-256 digest is stored, so listings never carry {@code key} ("secure API keys" mode).
 */
public final class ApiKeyService {
    public static final String GLOBAL = "GLOBAL";
    public static final String PERSONAL = "PERSONAL";

    private final Database db;
    private final UserService users;
    private final GroupService groups;
    private final KnownCallers callers;

    public ApiKeyService(Database db, UserService users, GroupService groups) {
        this.db = db;
        this.users = users;
        this.groups = groups;
        this.callers = new KnownCallers(db::writeGeneration, System::nanoTime);
    }

    private record StoredKey(String id, String kind, String owner, ObjectNode doc) {}

    private static StoredKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), Json.parseObject(rs.getString(4)));
    }

    private static final String COLS = "SELECT id, kind, owner_login, doc FROM api_keys";

    /**
     * Makes sure an admin key exists. Returns the new secret when one had to be generated, empty otherwise.
     * A key given on the command line is registered (by digest) if it is not known yet.
     */
    public Optional<String> ensureAdminKey(String givenSecret) {
        if (givenSecret != null) {
            if (givenSecret.length() < 8) throw new IllegalArgumentException("--admin-api-key must be at least 8 characters");
            if (findBySecret(givenSecret).isEmpty()) insertAdminKey(givenSecret);
            return Optional.empty();
        }
        boolean any = !db.query("SELECT id FROM api_keys WHERE kind = 'GLOBAL' AND id LIKE 'admin-%'", rs -> rs.getString(1)).isEmpty();
        if (any) return Optional.empty();
        String secret = "dkuaps-" + Secrets.randomToken(40);
        insertAdminKey(secret);
        return Optional.of(secret);
    }

    private void insertAdminKey(String secret) {
        ObjectNode doc = Json.object();
        String id = "admin-" + Secrets.randomToken(10);
        doc.put("id", id);
        doc.put("label", "Administrator key (bootstrap)");
        doc.put("description", "Created at server start; acts as user 'admin'");
        doc.putObject("globalPermissions").put("admin", true);
        doc.set("groups", Json.array());
        doc.put("dssUserForImpersonation", UserService.ADMIN_LOGIN);
        insert(id, GLOBAL, null, secret, doc);
    }

    private void insert(String id, String kind, String owner, String secret, ObjectNode doc) {
        long now = System.currentTimeMillis();
        doc.put("createdOn", now);
        db.update("INSERT INTO api_keys (id, kind, owner_login, secret_hash, created_on, doc) VALUES (?, ?, ?, ?, ?, ?)",
                id, kind, owner, Secrets.sha256(secret), now, Json.write(doc));
    }

    private Optional<StoredKey> findBySecret(String secret) {
        return db.queryOne(COLS + " WHERE secret_hash = ?", ApiKeyService::row, Secrets.sha256(secret));
    }

    /** Resolves the caller of a request from the key secret; empty when the key is unknown or its user disabled. */
    public Optional<Caller> authenticate(String secret) {
        return callers.resolve(secret, () -> findBySecret(secret).flatMap(this::callerOf));
    }

    private Optional<Caller> callerOf(StoredKey k) {
        if (PERSONAL.equals(k.kind())) return callerForUser(k.owner(), k.id(), k.kind(), false);
        boolean keyAdmin = k.doc().path("globalPermissions").path("admin").asBoolean(false);
        String impersonated = k.doc().path("dssUserForImpersonation").asText(null);
        if (impersonated != null && !impersonated.isEmpty()) {
            return callerForUser(impersonated, k.id(), k.kind(), keyAdmin);
        }
        Set<String> g = new LinkedHashSet<>(Json.optionalStringList(k.doc(), "groups"));
        return Optional.of(build(null, k.id(), k.kind(), g, keyAdmin));
    }

    public Optional<Caller> callerForUser(String login, String keyId, String kind, boolean forceAdmin) {
        Optional<ObjectNode> user = users.find(login);
        if (user.isEmpty() || !user.get().path("enabled").asBoolean(true)) return Optional.empty();
        return Optional.of(build(login, keyId, kind, new LinkedHashSet<>(users.groupsOf(user.get())), forceAdmin));
    }

    private Caller build(String login, String keyId, String kind, Set<String> g, boolean forceAdmin) {
        boolean admin = forceAdmin;
        boolean mayCreate = forceAdmin;
        for (ObjectNode group : groups.byName(g).values()) {
            admin |= group.path("admin").asBoolean(false);
            mayCreate |= group.path("mayCreateProjects").asBoolean(false) || group.path("admin").asBoolean(false);
        }
        return new Caller(login, keyId, kind, Set.copyOf(g), admin, mayCreate);
    }

    // ---- global keys -------------------------------------------------------------------------

    public ArrayNode listGlobal() {
        ArrayNode out = Json.array();
        db.query(COLS + " WHERE kind = 'GLOBAL' ORDER BY created_on", ApiKeyService::row).forEach(k -> out.add(k.doc()));
        return out;
    }

    public ObjectNode createGlobal(GlobalApiKeyCreation req, Caller caller) {
        ObjectNode doc = Json.object();
        String id = Secrets.randomToken(16);
        doc.put("id", id);
        doc.put("label", req.getLabel());
        doc.put("description", req.getDescription());
        GlobalApiKeyPermissions perms = req.getGlobalPermissions();
        ObjectNode storedPerms = perms == null ? Json.object() : (ObjectNode) Json.sent(perms);
        storedPerms.put("admin", perms != null && Boolean.TRUE.equals(perms.getAdmin()));
        doc.set("globalPermissions", storedPerms);
        List<String> g = req.getGroups() == null ? List.of() : req.getGroups();
        groups.requireExist(g, "groups");
        doc.set("groups", Json.strings(g));
        doc.put("createdBy", caller.identifier());
        String secret = "dkuaps-" + Secrets.randomToken(40);
        insert(id, GLOBAL, null, secret, doc);
        ObjectNode out = doc.deepCopy();
        out.put("key", secret);
        return out;
    }

    public ObjectNode getGlobal(String id) {
        return db.queryOne(COLS + " WHERE kind = 'GLOBAL' AND id = ?", ApiKeyService::row, id)
                .orElseThrow(() -> ApiException.notFound("Global API key '" + id + "'")).doc();
    }

    public ObjectNode getGlobalBySecret(String secret) {
        return findBySecret(secret).filter(k -> GLOBAL.equals(k.kind()))
                .orElseThrow(() -> ApiException.notFound("Global API key with this secret")).doc();
    }

    /** Replaces a global key's definition (as read, changed and written back by the client); the secret stays. */
    public ObjectNode updateGlobal(String id, GlobalApiKey key) {
        ObjectNode existing = getGlobal(id);
        if (key.getId() != null && !key.getId().equals(id)) throw ApiException.invalidField("id", "cannot be changed");
        groups.requireExist(key.getGroups() == null ? List.of() : key.getGroups(), "groups");
        ObjectNode req = (ObjectNode) Json.sent(key);
        req.remove("key");
        req.put("id", id);
        req.set("createdOn", existing.get("createdOn"));
        req.set("createdBy", existing.get("createdBy"));
        db.update("UPDATE api_keys SET doc = ? WHERE id = ?", Json.write(req), id);
        return req;
    }

    public void deleteGlobal(String id) {
        getGlobal(id);
        db.update("DELETE FROM api_keys WHERE id = ?", id);
    }

    // ---- personal keys -----------------------------------------------------------------------

    public ArrayNode listPersonal(String ownerOrNull) {
        ArrayNode out = Json.array();
        List<StoredKey> keys = ownerOrNull == null
                ? db.query(COLS + " WHERE kind = 'PERSONAL' ORDER BY created_on", ApiKeyService::row)
                : db.query(COLS + " WHERE kind = 'PERSONAL' AND owner_login = ? ORDER BY created_on", ApiKeyService::row, ownerOrNull);
        keys.forEach(k -> out.add(k.doc()));
        return out;
    }

    /** A personal key of {@code forUser}, or of the caller when null. */
    public ObjectNode createPersonal(String label, String description, String forUser, Caller caller) {
        String user = forUser;
        if (user == null) {
            if (caller.login() == null) {
                throw ApiException.badRequest("A personal API key belongs to a user; this global key acts as no user");
            }
            user = caller.login();
        }
        users.get(user);
        ObjectNode doc = Json.object();
        String id = Secrets.randomToken(16);
        doc.put("id", id);
        doc.put("user", user);
        doc.put("label", label == null ? "" : label);
        doc.put("description", description == null ? "" : description);
        doc.put("createdBy", caller.identifier());
        String secret = "dkupk-" + Secrets.randomToken(40);
        insert(id, PERSONAL, user, secret, doc);
        ObjectNode out = doc.deepCopy();
        out.put("key", secret);
        return out;
    }

    public ObjectNode getPersonal(String id, Caller caller) {
        StoredKey k = db.queryOne(COLS + " WHERE kind = 'PERSONAL' AND id = ?", ApiKeyService::row, id)
                .orElseThrow(() -> ApiException.notFound("Personal API key '" + id + "'"));
        if (!caller.admin() && !k.owner().equals(caller.login())) {
            // Same answer as for a missing key: do not reveal other users' key ids.
            throw ApiException.notFound("Personal API key '" + id + "'");
        }
        return k.doc();
    }

    /** Changes the label and description of a personal key (null leaves one as it is). */
    public ObjectNode updatePersonal(String id, String label, String description, Caller caller) {
        ObjectNode existing = getPersonal(id, caller);
        ObjectNode doc = existing.deepCopy();
        if (label != null) doc.put("label", label);
        if (description != null) doc.put("description", description);
        db.update("UPDATE api_keys SET doc = ? WHERE id = ?", Json.write(doc), id);
        return doc;
    }

    public void deletePersonal(String id, Caller caller) {
        getPersonal(id, caller);
        db.update("DELETE FROM api_keys WHERE id = ?", id);
    }
}
