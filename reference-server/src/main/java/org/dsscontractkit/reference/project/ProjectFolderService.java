package org.dsscontractkit.reference.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Secrets;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.Database;

import java.util.List;

/** The tree of project folders rooted at ROOT; children and project keys are always read from the store. */
public final class ProjectFolderService {
    public static final String ROOT = "ROOT";
    private final Database db;
    private final ProjectService projects;

    public ProjectFolderService(Database db, ProjectService projects) {
        this.db = db;
        this.projects = projects;
    }

    private record Folder(String id, String parentId, String name, ObjectNode settings) {}

    private Folder load(String id) {
        return db.queryOne("SELECT id, parent_id, name, doc FROM project_folders WHERE id = ?",
                        rs -> new Folder(rs.getString(1), rs.getString(2), rs.getString(3), Json.parseObject(rs.getString(4))), id)
                .orElseThrow(() -> ApiException.notFound("Project folder '" + id + "'"));
    }

    public ObjectNode get(Caller caller, String id) {
        Folder f = load(id);
        ObjectNode out = Json.object();
        out.put("id", f.id());
        if (f.name() != null) out.put("name", f.name());
        if (f.parentId() != null) out.put("parentId", f.parentId());
        out.set("childrenIds", Json.strings(db.query(
                "SELECT id FROM project_folders WHERE parent_id = ? ORDER BY name", rs -> rs.getString(1), id)));
        List<String> keys = db.query("SELECT project_key FROM projects WHERE folder_id = ? ORDER BY project_key", rs -> rs.getString(1), id);
        keys.removeIf(k -> projects.find(k).map(p -> ProjectAccess.levelOf(caller, p) == null).orElse(true));
        out.set("projectKeys", Json.strings(keys));
        return out;
    }

    public ObjectNode locateProject(Caller caller, String projectKey) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        String folderId = db.queryOne("SELECT folder_id FROM projects WHERE project_key = ?", rs -> rs.getString(1), projectKey).orElseThrow();
        return get(caller, folderId);
    }

    public ObjectNode createChild(Caller caller, String parentId, String name) {
        load(parentId);
        if (!caller.mayCreateProjects()) throw ApiException.forbidden("You may not create project folders");
        if (name == null || name.isBlank()) throw ApiException.invalidField("name", "is required (query parameter)");
        if (name.contains("/")) throw ApiException.invalidField("name", "must not contain '/'");
        requireStorableName(name);
        String id = Secrets.randomToken(7);
        db.inTransaction(c -> {
            if (!Database.query(c, "SELECT id FROM project_folders WHERE parent_id = ? AND name = ?", rs -> rs.getString(1), parentId, name).isEmpty()) {
                throw ApiException.conflict("A folder named '" + name + "' already exists in folder '" + parentId + "'");
            }
            ObjectNode settings = Json.object();
            settings.put("owner", caller.identifier());
            settings.putArray("permissions");
            Database.update(c, "INSERT INTO project_folders (id, parent_id, name, doc) VALUES (?, ?, ?, ?)", id, parentId, name, Json.write(settings));
            return null;
        });
        return get(caller, id);
    }

    private void requireManage(Caller caller, Folder f) {
        if (caller.admin()) return;
        if (caller.login() != null && caller.login().equals(f.settings().path("owner").asText())) return;
        throw ApiException.forbidden("You may not modify project folder '" + f.id() + "'");
    }

    public ObjectNode settings(Caller caller, String id) {
        Folder f = load(id);
        ObjectNode out = f.settings().deepCopy();
        out.put("name", f.name() == null ? "" : f.name());
        return out;
    }

    private static void requireStorableName(String name) {
        if (name.length() > MAX_NAME) throw ApiException.invalidField("name", "is " + name.length() + " characters long; at most " + MAX_NAME);
    }

    /** The store's bound on a folder name (project_folders.name). */
    private static final int MAX_NAME = 255;

    public void saveSettings(Caller caller, String id, JsonNode body) {
        Folder f = load(id);
        requireManage(caller, f);
        ObjectNode s = Json.requireObject(body, "folder settings").deepCopy();
        String name = Json.optionalText(s, "name");
        if (ROOT.equals(id) && name != null && !name.isEmpty()) throw ApiException.invalidField("name", "the root folder cannot be renamed");
        if (name != null && name.isBlank() && !ROOT.equals(id)) throw ApiException.invalidField("name", "must not be empty");
        if (name != null) requireStorableName(name);
        Json.optionalText(s, "owner");
        String newName = ROOT.equals(id) ? null : (name == null ? f.name() : name);
        s.remove("name");
        db.update("UPDATE project_folders SET name = ?, doc = ? WHERE id = ?", newName, Json.write(s), id);
    }

    public void delete(Caller caller, String id) {
        if (ROOT.equals(id)) throw ApiException.badRequest("The root project folder cannot be deleted");
        Folder f = load(id);
        requireManage(caller, f);
        db.inTransaction(c -> {
            if (!Database.query(c, "SELECT id FROM project_folders WHERE parent_id = ?", rs -> rs.getString(1), id).isEmpty()
                    || !Database.query(c, "SELECT project_key FROM projects WHERE folder_id = ?", rs -> rs.getString(1), id).isEmpty()) {
                throw ApiException.conflict("Project folder '" + id + "' is not empty: move or delete its folders and projects first");
            }
            Database.update(c, "DELETE FROM project_folders WHERE id = ?", id);
            return null;
        });
    }

    public void move(Caller caller, String id, String destination) {
        if (ROOT.equals(id)) throw ApiException.badRequest("The root project folder cannot be moved");
        Folder f = load(id);
        requireManage(caller, f);
        if (destination == null || destination.isEmpty()) throw ApiException.invalidField("destination", "is required (query parameter)");
        load(destination);
        for (String cur = destination; cur != null; cur = load(cur).parentId()) {
            if (cur.equals(id)) throw ApiException.invalidField("destination", "cannot move a folder into itself or one of its sub-folders");
        }
        db.update("UPDATE project_folders SET parent_id = ? WHERE id = ?", destination, id);
    }

    public void moveProject(Caller caller, String id, String projectKey, String destination) {
        load(id);
        projects.require(caller, projectKey, ProjectAccess.ADMIN);
        if (destination == null || destination.isEmpty()) throw ApiException.invalidField("destination", "is required (query parameter)");
        load(destination);
        int n = db.update("UPDATE projects SET folder_id = ? WHERE project_key = ? AND folder_id = ?", destination, projectKey, id);
        if (n == 0) throw ApiException.notFound("Project '" + projectKey + "' in folder '" + id + "'");
    }
}
