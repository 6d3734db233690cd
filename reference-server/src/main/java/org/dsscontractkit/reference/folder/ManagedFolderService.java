package org.dsscontractkit.reference.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.auth.Secrets;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.server.error.ApiException;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Managed folders of a project: settings documents stored whole (unknown attributes survive a GET / PUT), files on
 * disk under the root of the folder's filesystem connection, at the folder's {@code params.path}, and the history of
 * what the folder held after each change of its files (its metrics).
 */
public final class ManagedFolderService {
    public static final String DEFAULT_CONNECTION = ConnectionService.FILESYSTEM_FOLDERS;
    public static final String DEFAULT_PATH = "/${projectKey}/${odbId}";
    private static final int MAX_NAME = 255;

    private final Database db;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final DataDirectory dataDir;
    private final FolderFiles files;

    public ManagedFolderService(Database db, ProjectService projects, ConnectionService connections, DataDirectory dataDir,
                                FolderFiles files) {
        this.db = db;
        this.projects = projects;
        this.connections = connections;
        this.dataDir = dataDir;
        this.files = files;
    }

    public FolderFiles files() { return files; }

    /** The folder id in a "smart id" as datasets name their folder: {@code id}, or {@code PROJECTKEY.id} for one of this project. */
    public static String idOfSmartId(String projectKey, String smartId) {
        return smartId.startsWith(projectKey + ".") ? smartId.substring(projectKey.length() + 1) : smartId;
    }

    public Optional<ObjectNode> find(String projectKey, String id) {
        return db.queryOne("SELECT doc FROM managed_folders WHERE project_key = ? AND id = ?", rs -> Json.parseObject(rs.getString(1)),
                projectKey, id);
    }

    public ObjectNode require(Caller caller, String projectKey, String id, ProjectAccess access) {
        projects.require(caller, projectKey, access);
        return find(projectKey, id).orElseThrow(() -> ApiException.notFound("Managed folder '" + projectKey + "." + id + "'"));
    }

    public ArrayNode list(Caller caller, String projectKey) {
        projects.require(caller, projectKey, ProjectAccess.READ);
        ArrayNode out = Json.array();
        db.query("SELECT doc FROM managed_folders WHERE project_key = ? ORDER BY name", rs -> Json.parseObject(rs.getString(1)), projectKey)
                .forEach(out::add);
        return out;
    }

    public ObjectNode create(Caller caller, String projectKey, JsonNode body) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        ObjectNode f = Json.requireObject(body, "managed folder").deepCopy();
        String name = validName(Json.requiredText(f, "name"), "name");
        String bodyKey = Json.optionalText(f, "projectKey");
        if (bodyKey != null && !bodyKey.equals(projectKey)) {
            throw ApiException.invalidField("projectKey", "must be the project of the URL ('" + projectKey + "'), got '" + bodyKey + "'");
        }
        f.put("projectKey", projectKey);
        String id = Secrets.randomToken(8);
        f.put("id", id);
        f.put("name", name);
        normalise(f, caller);
        ObjectNode tag = f.putObject("creationTag");
        tag.putObject("lastModifiedBy").put("login", caller.identifier());
        tag.put("lastModifiedOn", System.currentTimeMillis());
        db.insertUnique("Managed folder '" + name + "' already exists in project " + projectKey,
                "INSERT INTO managed_folders (project_key, id, name, doc) VALUES (?, ?, ?, ?)", projectKey, id, name, Json.write(f));
        return f;
    }

    /** Defaults and checks shared by creation and saving: type, connection, path, partitioning, tags. */
    private void normalise(ObjectNode f, Caller caller) {
        ObjectNode params = Json.optionalObject(f, "params");
        if (params == null) params = f.putObject("params");
        String connection = Json.optionalText(params, "connection");
        if (connection == null || connection.isBlank()) params.put("connection", connection = DEFAULT_CONNECTION);
        ObjectNode c = connections.requireUsable(caller, connection);
        if (!"Filesystem".equals(c.path("type").asText())) {
            throw ApiException.invalidField("params.connection", "connection '" + connection + "' is of type "
                    + c.path("type").asText() + ": managed folders are stored on Filesystem connections");
        }
        String type = Json.optionalText(f, "type");
        if (type == null || type.isBlank()) f.put("type", "Filesystem");
        else if (!type.equals("Filesystem")) {
            throw ApiException.invalidField("type", "'" + type + "' is not offered by this server: managed folders are of type Filesystem");
        }
        String path = Json.optionalText(params, "path");
        if (path == null || path.isBlank()) params.put("path", DEFAULT_PATH);
        root(f); // refuses a path that would leave the connection
        if (!f.path("partitioning").isObject()) f.putObject("partitioning").putArray("dimensions");
        f.set("tags", Json.strings(Json.optionalStringList(f, "tags")));
    }

    private static String validName(String name, String field) {
        if (name.isBlank()) throw ApiException.invalidField(field, "must not be blank");
        if (name.length() > MAX_NAME) throw ApiException.invalidField(field, "must be at most " + MAX_NAME + " characters");
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch == '/' || ch == '\\') {
                throw ApiException.invalidField(field, "must not contain '/', '\\' or control characters, got '" + name + "'");
            }
        }
        return name;
    }

    public ObjectNode save(Caller caller, String projectKey, String id, JsonNode body) {
        ObjectNode existing = require(caller, projectKey, id, ProjectAccess.WRITE);
        ObjectNode f = Json.requireObject(body, "managed folder settings").deepCopy();
        String bodyId = Json.optionalText(f, "id");
        if (bodyId != null && !bodyId.equals(id)) throw ApiException.invalidField("id", "cannot be changed (was '" + id + "')");
        String bodyKey = Json.optionalText(f, "projectKey");
        if (bodyKey != null && !bodyKey.equals(projectKey)) throw ApiException.invalidField("projectKey", "cannot be changed (was '" + projectKey + "')");
        String name = existing.path("name").asText();
        String newName = Json.optionalText(f, "name");
        if (newName != null && !newName.equals(name)) {
            throw ApiException.invalidField("name", "cannot be changed by saving the settings (was '" + name + "'): rename the folder");
        }
        f.put("id", id);
        f.put("projectKey", projectKey);
        f.put("name", name);
        if (!f.has("creationTag")) f.set("creationTag", existing.get("creationTag"));
        normalise(f, caller);
        db.update("UPDATE managed_folders SET doc = ? WHERE project_key = ? AND id = ?", Json.write(f), projectKey, id);
        ObjectNode out = Json.object();
        out.put("msg", "Updated managed folder " + projectKey + "." + id);
        return out;
    }

    public void rename(Caller caller, String projectKey, String id, String newName) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.WRITE);
        String name = validName(newName, "newName");
        f.put("name", name);
        db.insertUnique("Managed folder '" + name + "' already exists in project " + projectKey,
                "UPDATE managed_folders SET name = ?, doc = ? WHERE project_key = ? AND id = ?", name, Json.write(f), projectKey, id);
    }

    /** Deletes the folder; its files stay (as DSS: deleting a folder does not delete its contents). */
    public void delete(Caller caller, String projectKey, String id) {
        require(caller, projectKey, id, ProjectAccess.WRITE);
        db.update("DELETE FROM managed_folders WHERE project_key = ? AND id = ?", projectKey, id);
    }

    /** Where the folder's files live: its connection's root, then its path with {@code ${projectKey}} and {@code ${odbId}} replaced. */
    public Path root(ObjectNode folder) {
        JsonNode params = folder.path("params");
        String connection = params.path("connection").asText(DEFAULT_CONNECTION);
        String rootParam = connections.get(connection).path("params").path("root").asText("");
        if (rootParam.isBlank()) {
            throw ApiException.invalidField("params.connection", "connection '" + connection + "' has no root directory (params.root)");
        }
        Path root = Path.of(rootParam.replace("${dataDir}", dataDir.root().toString())).toAbsolutePath().normalize();
        String path = params.path("path").asText(DEFAULT_PATH)
                .replace("${projectKey}", folder.path("projectKey").asText())
                .replace("${odbId}", folder.path("id").asText());
        return FolderPath.parse(path, "params.path").resolveIn(root);
    }

    // ---- files ----------------------------------------------------------------------------------

    public List<FolderFiles.Item> contents(Caller caller, String projectKey, String id) {
        return files.list(root(require(caller, projectKey, id, ProjectAccess.READ)));
    }

    public Path file(Caller caller, String projectKey, String id, String filePath) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.READ);
        return files.existing(root(f), FolderPath.parse(filePath, "filePath"), f.path("name").asText());
    }

    public FolderFiles.Item put(Caller caller, String projectKey, String id, String filePath, InputStream content) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.WRITE);
        FolderPath path = FolderPath.parse(filePath, "filePath");
        Path root = root(f);
        FolderFiles.Item stored = files.store(root, path, content);
        recordMeasure(projectKey, id, root);
        return stored;
    }

    public void deleteFile(Caller caller, String projectKey, String id, String filePath) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.WRITE);
        FolderPath path = FolderPath.parse(filePath, "filePath");
        Path root = root(f);
        if (files.delete(root, path)) recordMeasure(projectKey, id, root);
    }

    /** What a copy moved. */
    public record Copied(long files, long bytes) {}

    /**
     * Checks a copy of a folder's files into another (rights, existence, not into itself) and returns the work
     * that does it, to run as a future.
     */
    public java.util.function.Supplier<Copied> copy(Caller caller, String projectKey, String id, String targetProjectKey,
                                                    String targetId, String writeMode) {
        ObjectNode source = require(caller, projectKey, id, ProjectAccess.READ);
        if (targetProjectKey == null || targetProjectKey.isBlank()) throw ApiException.invalidField("targetProjectKey", "is required");
        if (targetId == null || targetId.isBlank()) throw ApiException.invalidField("targetFolderId", "is required");
        ObjectNode target = require(caller, targetProjectKey, targetId, ProjectAccess.WRITE);
        String mode = writeMode == null ? "OVERWRITE" : writeMode;
        if (!mode.equals("OVERWRITE") && !mode.equals("APPEND")) {
            throw ApiException.invalidField("writeMode", "must be OVERWRITE or APPEND, got '" + mode + "'");
        }
        Path from = root(source);
        Path to = root(target);
        if (from.startsWith(to) || to.startsWith(from)) {
            throw ApiException.invalidField("targetFolderId", "the target folder's files would be the source's: a folder cannot be copied into itself");
        }
        return () -> {
            if (mode.equals("OVERWRITE")) files.clear(to);
            long count = 0;
            long bytes = 0;
            for (FolderFiles.Item item : files.list(from)) {
                try (InputStream in = java.nio.file.Files.newInputStream(from.resolve(item.path().substring(1)))) {
                    bytes += files.store(to, FolderPath.parse(item.path(), "filePath"), in).size();
                    count++;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Cannot copy '" + item.path() + "'", e);
                }
            }
            recordMeasure(targetProjectKey, targetId, to);
            return new Copied(count, bytes);
        };
    }

    // ---- metrics ---------------------------------------------------------------------------------

    private void recordMeasure(String projectKey, String id, Path root) {
        FolderFiles.Measure m = files.measure(root);
        db.update("INSERT INTO managed_folder_measures (project_key, folder_id, measured_on, file_count, total_bytes) VALUES (?, ?, ?, ?, ?)",
                projectKey, id, System.currentTimeMillis(), m.files(), m.bytes());
    }

    public record Measured(long time, long files, long bytes) {}

    /** Measures the folder's files now and adds the values to the history of its metrics. */
    public Measured computeMetrics(Caller caller, String projectKey, String id) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.WRITE);
        Path root = root(f);
        recordMeasure(projectKey, id, root);
        FolderFiles.Measure m = files.measure(root);
        return new Measured(System.currentTimeMillis(), m.files(), m.bytes());
    }

    /** What the folder holds now (measured on its files). */
    public Measured current(Caller caller, String projectKey, String id) {
        ObjectNode f = require(caller, projectKey, id, ProjectAccess.READ);
        FolderFiles.Measure m = files.measure(root(f));
        return new Measured(System.currentTimeMillis(), m.files(), m.bytes());
    }

    /** What the folder held after each change of its files, oldest first. */
    public List<Measured> history(Caller caller, String projectKey, String id) {
        require(caller, projectKey, id, ProjectAccess.READ);
        return db.query("SELECT measured_on, file_count, total_bytes FROM managed_folder_measures WHERE project_key = ? AND folder_id = ?"
                        + " ORDER BY measured_on, seq", rs -> new Measured(rs.getLong(1), rs.getLong(2), rs.getLong(3)), projectKey, id);
    }
}
