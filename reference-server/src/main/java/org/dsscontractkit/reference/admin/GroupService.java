package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.generated.dss.model.GroupCreation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DSS user groups: who is admin, who may create projects, and the principals of project permissions. */
public final class GroupService {
    public static final String ADMINISTRATORS = "administrators";
    private final Database db;

    public GroupService(Database db) { this.db = db; }

    /** The groups every fresh instance has, as in a new DSS install. */
    public void seedDefaults() {
        if (!db.query("SELECT name FROM dss_groups", rs -> rs.getString(1)).isEmpty()) return;
        insert(group(ADMINISTRATORS, "DSS administrators", true, true));
        insert(group("data_scientists", "Data scientists: may create projects", false, true));
        insert(group("analysts", "Business analysts", false, false));
        insert(group("readers", "Read-only users", false, false));
    }

    private static ObjectNode group(String name, String description, boolean admin, boolean mayCreateProjects) {
        ObjectNode g = Json.object();
        g.put("name", name);
        g.put("description", description);
        g.put("sourceType", "LOCAL");
        g.put("admin", admin);
        g.put("mayCreateProjects", mayCreateProjects);
        return g;
    }

    public ArrayNode list() {
        ArrayNode out = Json.array();
        db.query("SELECT doc FROM dss_groups ORDER BY name", rs -> Json.parseObject(rs.getString(1))).forEach(out::add);
        return out;
    }

    public Optional<ObjectNode> find(String name) {
        return db.queryOne("SELECT doc FROM dss_groups WHERE name = ?", rs -> Json.parseObject(rs.getString(1)), name);
    }

    public ObjectNode get(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("Group '" + name + "'"));
    }

    public Map<String, ObjectNode> byName(Collection<String> names) {
        Map<String, ObjectNode> out = new java.util.HashMap<>();
        for (JsonNode g : list()) {
            if (names.contains(g.path("name").asText())) out.put(g.path("name").asText(), (ObjectNode) g);
        }
        return out;
    }

    /** A new group from the generated model (Bean Validation has checked the name). */
    public ObjectNode create(GroupCreation request) {
        return insert((ObjectNode) Json.sent(request));
    }

    private ObjectNode insert(ObjectNode g) {
        if (!g.hasNonNull("sourceType")) g.put("sourceType", "LOCAL");
        if (!g.has("admin")) g.put("admin", false);
        if (!g.has("mayCreateProjects")) g.put("mayCreateProjects", false);
        String name = g.path("name").asText();
        db.insertUnique("Group '" + name + "' already exists", "INSERT INTO dss_groups (name, doc) VALUES (?, ?)", name, Json.write(g));
        return g;
    }

    public ObjectNode update(String name, JsonNode body) {
        get(name);
        ObjectNode g = Json.requireObject(body, "group").deepCopy();
        String newName = Json.requiredText(g, "name"); // a definition is written back whole (the Group schema requires it)
        if (!newName.equals(name)) throw ApiException.invalidField("name", "cannot be changed (was '" + name + "')");
        g.put("name", name);
        Json.optionalBoolean(g, "admin", false);
        db.update("UPDATE dss_groups SET doc = ? WHERE name = ?", Json.write(g), name);
        return g;
    }

    public void delete(String name) {
        get(name);
        if (ADMINISTRATORS.equals(name)) throw ApiException.badRequest("The 'administrators' group cannot be deleted");
        db.update("DELETE FROM dss_groups WHERE name = ?", name);
    }

    public void requireExist(List<String> names, String field) {
        for (String n : names) {
            if (find(n).isEmpty()) throw ApiException.invalidField(field, "group '" + n + "' does not exist");
        }
    }
}
