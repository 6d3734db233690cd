package org.dsscontractkit.reference.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.GroupService;
import org.dsscontractkit.reference.admin.UserService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.ProjectCreation;
import org.dsscontractkit.server.generated.dss.model.ProjectMetadata;
import org.dsscontractkit.server.generated.dss.model.ProjectPermissions;
import org.dsscontractkit.server.generated.dss.model.ProjectVariables;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.reference.storage.DocumentStore;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects: creation rules, permissions, metadata and variables. The whole project document is stored
 * as JSON; {@code owner} and {@code folder} are also columns because listings and moves query them.
 */
public final class ProjectService {
    private static final Set<String> PERMISSION_FLAGS = Set.of("admin", "readProjectContent", "writeProjectContent",
            "readDashboards", "writeDashboards", "moderateDashboards", "runScenarios", "manageDashboardAuthorizations",
            "manageExposedElements", "manageAdditionalDashboardUsers", "executeApp", "shareToWorkspaces");

    private final Database db;
    private final UserService users;
    private final GroupService groups;
    private final DocumentStore documents;
    private final DataDirectory dataDir;

    public ProjectService(Database db, UserService users, GroupService groups, DocumentStore documents, DataDirectory dataDir) {
        this.db = db;
        this.users = users;
        this.groups = groups;
        this.documents = documents;
        this.dataDir = dataDir;
    }

    public Database db() { return db; }

    public Optional<ObjectNode> find(String key) {
        return db.queryOne("SELECT doc, folder_id FROM projects WHERE project_key = ?", rs -> {
            ObjectNode d = Json.parseObject(rs.getString(1));
            d.put("projectFolderId", rs.getString(2));
            return d;
        }, key);
    }

    /** The project, if the caller has at least {@code wanted} access: 404 when missing, 403 when not allowed. */
    public ObjectNode require(Caller caller, String key, ProjectAccess wanted) {
        ObjectNode p = find(key).orElseThrow(() -> ApiException.notFound("Project '" + key + "'"));
        ProjectAccess level = ProjectAccess.levelOf(caller, p);
        if (level == null || !level.allows(wanted)) {
            String what = switch (wanted) {
                case READ -> "read";
                case WRITE -> "write";
                case ADMIN -> "administer";
            };
            throw ApiException.forbidden("You may not " + what + " project '" + key + "'");
        }
        return p;
    }

    public List<ObjectNode> listReadable(Caller caller) {
        List<ObjectNode> all = db.query("SELECT doc, folder_id FROM projects ORDER BY project_key", rs -> {
            ObjectNode d = Json.parseObject(rs.getString(1));
            d.put("projectFolderId", rs.getString(2));
            return d;
        });
        all.removeIf(p -> ProjectAccess.levelOf(caller, p) == null);
        return all;
    }

    public ArrayNode list(Caller caller, List<String> tags, boolean includeLocation) {
        ArrayNode out = Json.array();
        for (ObjectNode p : listReadable(caller)) {
            if (!tags.isEmpty()) {
                List<String> projectTags = Json.optionalStringList(p.path("metadata"), "tags");
                if (projectTags.stream().noneMatch(tags::contains)) continue;
            }
            ObjectNode s = summary(p);
            if (includeLocation) {
                ObjectNode loc = s.putObject("projectLocation");
                loc.put("projectFolderId", p.path("projectFolderId").asText());
            }
            out.add(s);
        }
        return out;
    }

    public ObjectNode summary(ObjectNode p) {
        ObjectNode s = Json.object();
        s.put("projectKey", p.path("projectKey").asText());
        s.set("name", p.get("name"));
        s.set("owner", p.get("owner"));
        s.set("description", p.path("metadata").get("description"));
        s.set("shortDesc", p.path("metadata").get("shortDesc"));
        s.set("tags", p.path("metadata").path("tags").deepCopy());
        s.put("projectStatus", p.path("projectStatus").asText(""));
        s.set("creationTag", p.get("creationTag"));
        s.set("versionTag", p.get("versionTag"));
        return s;
    }

    /** A new project from the generated model (Bean Validation has checked projectKey, name and owner). */
    public ObjectNode create(Caller caller, ProjectCreation req, String folderId) {
        if (!caller.mayCreateProjects()) throw ApiException.forbidden("You may not create new projects");
        String key = req.getProjectKey();
        String name = req.getName();
        String owner = req.getOwner();
        if (users.find(owner).isEmpty()) throw ApiException.invalidField("owner", "user '" + owner + "' does not exist");
        String description = req.getDescription();
        ObjectNode settings = req.getSettings() == null ? null : (ObjectNode) Json.sent(req.getSettings());
        ArrayNode permissions = validPermissions(Json.sent(req.getPermissions()));
        List<String> tags = req.getTags() == null ? List.of() : req.getTags();
        String folder = folderId == null || folderId.isEmpty() ? "ROOT" : folderId;
        if (db.queryOne("SELECT id FROM project_folders WHERE id = ?", rs -> rs.getString(1), folder).isEmpty()) {
            throw ApiException.invalidField("projectFolderId", "project folder '" + folder + "' does not exist");
        }

        long now = System.currentTimeMillis();
        ObjectNode p = Json.object();
        p.put("projectKey", key);
        p.put("name", name);
        p.put("owner", owner);
        p.set("permissions", permissions);
        p.set("settings", settings == null ? defaultSettings() : settings);
        ObjectNode md = p.putObject("metadata");
        md.put("label", name);
        md.put("description", description == null ? "" : description);
        md.put("shortDesc", "");
        md.set("tags", Json.strings(tags));
        md.putObject("custom").putObject("kv");
        md.putObject("checklists").putArray("checklists");
        ObjectNode vars = p.putObject("variables");
        vars.putObject("standard");
        vars.putObject("local");
        p.set("creationTag", tag(caller, now));
        p.set("versionTag", tag(caller, now));
        p.put("projectStatus", "");
        db.insertUnique("Project '" + key + "' already exists", "INSERT INTO projects (project_key, folder_id, owner_login, created_on, doc) VALUES (?, ?, ?, ?, ?)",
                    key, folder, owner, now, Json.write(p));
        return p;
    }

    private static ObjectNode defaultSettings() {
        ObjectNode s = Json.object();
        s.putObject("settings").put("flowAnchorSourcesToStart", false);
        s.putArray("exposedObjects");
        return s;
    }

    private static ObjectNode tag(Caller caller, long at) {
        ObjectNode t = Json.object();
        t.put("versionNumber", 1);
        t.putObject("lastModifiedBy").put("login", caller.identifier());
        t.put("lastModifiedOn", at);
        return t;
    }

    private ArrayNode validPermissions(JsonNode perms) {
        ArrayNode out = Json.array();
        if (perms == null || perms.isNull()) return out;
        if (!perms.isArray()) throw ApiException.invalidField("permissions", "must be an array of {group, ...flags}");
        int i = 0;
        for (JsonNode p : perms) {
            String field = "permissions[" + i++ + "]";
            if (!p.isObject()) throw ApiException.invalidField(field, "must be an object");
            JsonNode g = p.get("group");
            if (g == null || !g.isTextual() || g.asText().isEmpty()) throw ApiException.invalidField(field + ".group", "is required");
            if (groups.find(g.asText()).isEmpty()) throw ApiException.invalidField(field + ".group", "group '" + g.asText() + "' does not exist");
            Iterator<Map.Entry<String, JsonNode>> it = p.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (PERMISSION_FLAGS.contains(e.getKey()) && !e.getValue().isBoolean() && !e.getValue().isNull()) {
                    throw ApiException.invalidField(field + "." + e.getKey(), "must be a boolean");
                }
            }
            out.add(p.deepCopy());
        }
        return out;
    }

    private void save(String key, ObjectNode p, Caller caller) {
        ObjectNode vt = p.with("versionTag");
        vt.put("versionNumber", vt.path("versionNumber").asInt(0) + 1);
        vt.putObject("lastModifiedBy").put("login", caller.identifier());
        vt.put("lastModifiedOn", System.currentTimeMillis());
        p.remove("projectFolderId");
        db.update("UPDATE projects SET doc = ?, owner_login = ? WHERE project_key = ?", Json.write(p), p.path("owner").asText(), key);
    }

    public ObjectNode metadata(Caller caller, String key) {
        return (ObjectNode) require(caller, key, ProjectAccess.READ).get("metadata");
    }

    public void setMetadata(Caller caller, String key, ProjectMetadata metadata) {
        ObjectNode p = require(caller, key, ProjectAccess.WRITE);
        ObjectNode md = (ObjectNode) Json.sent(metadata);
        md.set("tags", Json.strings(metadata.getTags() == null ? List.of() : metadata.getTags()));
        p.set("metadata", md);
        save(key, p, caller);
    }

    public ObjectNode permissions(Caller caller, String key) {
        ObjectNode p = require(caller, key, ProjectAccess.ADMIN);
        ObjectNode out = Json.object();
        out.set("owner", p.get("owner"));
        out.set("permissions", p.get("permissions"));
        return out;
    }

    public void setPermissions(Caller caller, String key, ProjectPermissions request) {
        ObjectNode p = require(caller, key, ProjectAccess.ADMIN);
        String owner = request.getOwner();
        if (owner != null) {
            if (users.find(owner).isEmpty()) throw ApiException.invalidField("owner", "user '" + owner + "' does not exist");
            p.put("owner", owner);
        }
        p.set("permissions", validPermissions(Json.sent(request.getPermissions())));
        save(key, p, caller);
    }

    public ObjectNode variables(Caller caller, String key) {
        return (ObjectNode) require(caller, key, ProjectAccess.READ).get("variables");
    }

    public void setVariables(Caller caller, String key, ProjectVariables variables) {
        ObjectNode p = require(caller, key, ProjectAccess.WRITE);
        ObjectNode vars = Json.object();
        vars.set("standard", Json.sent(variables.getStandard()));
        vars.set("local", Json.sent(variables.getLocal()));
        p.set("variables", vars);
        save(key, p, caller);
    }

    /** Global variables overridden by the project's standard then local ones (DSS precedence). */
    public ObjectNode resolvedVariables(Caller caller, String key, boolean typed) {
        ObjectNode p = require(caller, key, ProjectAccess.READ);
        ObjectNode out = documents.getObject("globalVariables", Json.object()).deepCopy();
        out.setAll((ObjectNode) p.path("variables").path("standard"));
        out.setAll((ObjectNode) p.path("variables").path("local"));
        if (!typed) {
            Iterator<Map.Entry<String, JsonNode>> it = out.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) e.setValue(Json.MAPPER.getNodeFactory().textNode(
                        e.getValue().isValueNode() ? e.getValue().asText() : Json.write(e.getValue())));
            }
        }
        return out;
    }

    /** Deletes the project rows in one transaction, then its files. Returns what was removed. */
    public ObjectNode delete(Caller caller, String key, boolean clearManagedDatasets, boolean clearJobLogs) {
        require(caller, key, ProjectAccess.ADMIN);
        List<ObjectNode> datasets = db.query("SELECT doc FROM datasets WHERE project_key = ?", rs -> Json.parseObject(rs.getString(1)), key);
        db.inTransaction(c -> {
            Database.update(c, "DELETE FROM jobs WHERE project_key = ?", key);
            Database.update(c, "DELETE FROM datasets WHERE project_key = ?", key);
            Database.update(c, "DELETE FROM projects WHERE project_key = ?", key);
            return null;
        });
        int cleared = 0;
        for (ObjectNode ds : datasets) {
            boolean managed = ds.path("managed").asBoolean(false);
            if (!managed || clearManagedDatasets) {
                DataDirectory.deleteRecursively(dataDir.datasetFiles(key, ds.path("name").asText()));
                cleared++;
            }
        }
        if (clearJobLogs) DataDirectory.deleteRecursively(dataDir.projectJobs(key));
        ObjectNode result = Json.object();
        result.put("projectKey", key);
        result.put("deletedDatasets", datasets.size());
        result.put("clearedDatasetData", cleared);
        return result;
    }
}
