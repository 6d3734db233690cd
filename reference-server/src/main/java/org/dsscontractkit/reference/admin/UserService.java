package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Secrets;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.generated.dss.model.UserCreation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** DSS users. Passwords are stored as bcrypt hashes only and never leave the server. */
public final class UserService {
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.@+-]+");
    private static final Set<String> PROFILES = Set.of("DATA_SCIENTIST", "DATA_ANALYST", "READER", "DESIGNER",
            "PLATFORM_ADMIN", "EXPLORER", "VISUAL_DESIGNER", "AI_CONSUMER", "AI_ACCESS_USER", "FULL_DESIGNER",
            "ADVANCED_ANALYTICS_DESIGNER", "NONE");
    public static final String ADMIN_LOGIN = "admin";

    private final Database db;
    private final GroupService groups;

    public UserService(Database db, GroupService groups) {
        this.db = db;
        this.groups = groups;
    }

    public void seedAdmin() {
        if (find(ADMIN_LOGIN).isPresent()) return;
        create(new UserCreation().login(ADMIN_LOGIN).password(Secrets.randomToken(24)).displayName("Administrator")
                .groups(List.of(GroupService.ADMINISTRATORS)).userProfile("DESIGNER"));
    }

    public ArrayNode list(boolean includeSettings) {
        ArrayNode out = Json.array();
        for (ObjectNode u : db.query("SELECT doc FROM dss_users ORDER BY login", rs -> Json.parseObject(rs.getString(1)))) {
            if (!includeSettings) {
                u.remove("userProperties");
                u.remove("adminProperties");
                u.remove("preferences");
                u.remove("credentials");
            }
            out.add(u);
        }
        return out;
    }

    public Optional<ObjectNode> find(String login) {
        return db.queryOne("SELECT doc FROM dss_users WHERE login = ?", rs -> Json.parseObject(rs.getString(1)), login);
    }

    public ObjectNode get(String login) {
        return find(login).orElseThrow(() -> ApiException.notFound("User '" + login + "'"));
    }

    public List<String> groupsOf(ObjectNode user) {
        return Json.optionalStringList(user, "groups");
    }

    /** A new user from the generated model (Bean Validation has checked that login and password are present). */
    public ObjectNode create(UserCreation request) {
        ObjectNode u = (ObjectNode) Json.sent(request);
        String login = request.getLogin();
        if (!LOGIN.matcher(login).matches()) throw ApiException.invalidField("login", "must match [A-Za-z0-9_.@+-]+");
        String sourceType = request.getSourceType() == null ? "LOCAL" : request.getSourceType().toString();
        String password = request.getPassword();
        if ("LOCAL".equals(sourceType) && (password == null || password.isEmpty())) {
            throw ApiException.invalidField("password", "is required for a LOCAL user");
        }
        normalise(u, login, sourceType);
        u.remove("password");
        u.put("creationDate", System.currentTimeMillis());
        String hash = password == null || password.isEmpty() ? null : Secrets.bcrypt(password);
        db.insertUnique("User '" + login + "' already exists", "INSERT INTO dss_users (login, password_hash, doc) VALUES (?, ?, ?)", login, hash, Json.write(u));
        return u;
    }

    private void normalise(ObjectNode u, String login, String sourceType) {
        u.put("login", login);
        u.put("sourceType", sourceType);
        if (Json.optionalText(u, "displayName") == null) u.put("displayName", login);
        String profile = Json.optionalText(u, "userProfile");
        if (profile == null) u.put("userProfile", "DATA_SCIENTIST");
        else if (!PROFILES.contains(profile)) throw ApiException.invalidField("userProfile", "must be one of " + PROFILES);
        Json.optionalText(u, "email");
        u.put("enabled", Json.optionalBoolean(u, "enabled", true));
        List<String> g = Json.optionalStringList(u, "groups");
        groups.requireExist(g, "groups");
        u.set("groups", Json.strings(g));
    }

    public ObjectNode update(String login, JsonNode body) {
        ObjectNode existing = get(login);
        ObjectNode u = Json.requireObject(body, "user").deepCopy();
        String newLogin = Json.requiredText(u, "login"); // a definition is written back whole (the User schema requires it)
        if (!newLogin.equals(login)) throw ApiException.invalidField("login", "cannot be changed (was '" + login + "')");
        String password = Json.optionalText(u, "password");
        String source = Json.optionalText(u, "sourceType");
        normalise(u, login, source != null ? source : existing.path("sourceType").asText("LOCAL"));
        u.remove("password");
        u.set("creationDate", existing.get("creationDate"));
        db.inTransaction(c -> {
            Database.update(c, "UPDATE dss_users SET doc = ? WHERE login = ?", Json.write(u), login);
            if (password != null && !password.isEmpty()) {
                Database.update(c, "UPDATE dss_users SET password_hash = ? WHERE login = ?", Secrets.bcrypt(password), login);
            }
            return null;
        });
        return u;
    }

    public void delete(String login, String callerLogin, boolean allowSelfDeletion) {
        get(login);
        if (login.equals(callerLogin) && !allowSelfDeletion) {
            throw ApiException.badRequest("Refusing to delete your own user '" + login + "' (set allowSelfDeletion=true)");
        }
        db.inTransaction(c -> {
            Database.update(c, "DELETE FROM api_keys WHERE owner_login = ? AND kind = 'PERSONAL'", login);
            Database.update(c, "DELETE FROM dss_users WHERE login = ?", login);
            return null;
        });
    }

    /** The public profile a non-admin may read about another user. */
    public ObjectNode info(String login) {
        ObjectNode u = get(login);
        ObjectNode out = Json.object();
        out.put("login", login);
        out.set("displayName", u.get("displayName"));
        out.set("email", u.get("email"));
        out.set("groups", u.get("groups"));
        out.set("userProfile", u.get("userProfile"));
        out.set("enabled", u.get("enabled"));
        return out;
    }
}
