package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.folder.ManagedFolderService;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.DatasetMetadata;
import org.dsscontractkit.reference.storage.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Datasets of a project: settings documents stored whole (unknown attributes survive), schema, metadata,
 * and the data of file-based datasets, streamed from files under the data directory.
 */
public final class DatasetService {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Types whose data are files this server reads. */
    private static final Set<String> FILE_TYPES = Set.of("UploadedFiles", "Filesystem", "FilesInFolder");
    /** Types whose files are the dataset's own (stored with it); FilesInFolder datasets read a managed folder's. */
    private static final Set<String> OWN_FILE_TYPES = Set.of("UploadedFiles", "Filesystem");
    private static final Set<String> COLUMN_TYPES = Set.of("string", "boolean", "tinyint", "smallint", "int", "bigint",
            "float", "double", "date", "dateonly", "datetimenotz", "datetimetz", "array", "map", "object", "geopoint", "geometry");

    private final Database db;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final DatasetFiles files;
    private final ManagedFolderService folders;

    public DatasetService(Database db, ProjectService projects, ConnectionService connections, DatasetFiles files,
                          ManagedFolderService folders) {
        this.db = db;
        this.projects = projects;
        this.connections = connections;
        this.files = files;
        this.folders = folders;
    }

    public DatasetFiles files() { return files; }

    public Optional<ObjectNode> find(String projectKey, String name) {
        return db.queryOne("SELECT doc FROM datasets WHERE project_key = ? AND name = ?", rs -> Json.parseObject(rs.getString(1)), projectKey, name);
    }

    /** The dataset, once the caller's access to its project is checked. */
    public ObjectNode require(Caller caller, String projectKey, String name, ProjectAccess access) {
        projects.require(caller, projectKey, access);
        return find(projectKey, name).orElseThrow(() -> ApiException.notFound("Dataset '" + projectKey + "." + name + "'"));
    }

    public List<ObjectNode> listAll(String projectKey) {
        return db.query("SELECT doc FROM datasets WHERE project_key = ? ORDER BY name", rs -> Json.parseObject(rs.getString(1)), projectKey);
    }

    public ArrayNode list(Caller caller, String projectKey, List<String> tags, boolean foreign) {
        ObjectNode project = projects.require(caller, projectKey, ProjectAccess.READ);
        ArrayNode out = Json.array();
        List<ObjectNode> all = new ArrayList<>(listAll(projectKey));
        if (foreign) {
            // Datasets other projects expose to this one (project settings "exposedObjects" of the source project).
            for (ObjectNode other : projects.listReadable(caller)) {
                String otherKey = other.path("projectKey").asText();
                if (otherKey.equals(projectKey)) continue;
                for (JsonNode exposed : other.path("settings").path("exposedObjects").path("objects")) {
                    if (!"DATASET".equals(exposed.path("type").asText())) continue;
                    for (JsonNode rule : exposed.path("rules")) {
                        if (projectKey.equals(rule.path("targetProject").asText())) {
                            find(otherKey, exposed.path("localName").asText()).ifPresent(all::add);
                        }
                    }
                }
            }
        }
        for (ObjectNode d : all) {
            if (!tags.isEmpty() && Json.optionalStringList(d, "tags").stream().noneMatch(tags::contains)) continue;
            out.add(d);
        }
        return out;
    }

    public ObjectNode create(Caller caller, String projectKey, JsonNode body) {
        projects.require(caller, projectKey, ProjectAccess.WRITE);
        ObjectNode d = Json.requireObject(body, "dataset").deepCopy();
        String name = Json.requiredText(d, "name");
        if (!NAME.matcher(name).matches()) throw ApiException.invalidField("name", "must match [A-Za-z0-9_]+, got '" + name + "'");
        String bodyKey = Json.optionalText(d, "projectKey");
        if (bodyKey != null && !bodyKey.equals(projectKey)) {
            throw ApiException.invalidField("projectKey", "must be the project of the URL ('" + projectKey + "'), got '" + bodyKey + "'");
        }
        d.put("projectKey", projectKey);
        normalise(d, caller);
        db.insertUnique("Dataset '" + projectKey + "." + name + "' already exists", "INSERT INTO datasets (project_key, name, doc) VALUES (?, ?, ?)", projectKey, name, Json.write(d));
        return d;
    }

    private void normalise(ObjectNode d, Caller caller) {
        String type = Json.requiredText(d, "type");
        ObjectNode params = Json.optionalObject(d, "params");
        if (params == null) params = d.putObject("params");
        String formatType = Json.optionalText(d, "formatType");
        ObjectNode formatParams = Json.optionalObject(d, "formatParams");
        if (formatParams == null) formatParams = d.putObject("formatParams");
        if (type.equals("FilesInFolder")) {
            String smartId = Json.optionalText(params, "folderSmartId");
            if (smartId == null || smartId.isBlank()) {
                throw ApiException.invalidField("params.folderSmartId", "is required: the id of the managed folder holding the files");
            }
            String projectKey = d.path("projectKey").asText();
            if (folders.find(projectKey, ManagedFolderService.idOfSmartId(projectKey, smartId)).isEmpty()) {
                throw ApiException.invalidField("params.folderSmartId", "no managed folder '" + smartId + "' in project " + projectKey);
            }
        }
        if (FILE_TYPES.contains(type)) {
            String conn = Json.optionalText(params, "connection");
            if (type.equals("FilesInFolder")) {
                // the folder says where the files are
            } else if (conn == null || conn.isEmpty()) {
                if (type.equals("UploadedFiles")) {
                    params.put("uploadConnection", Optional.ofNullable(Json.optionalText(params, "uploadConnection")).orElse(ConnectionService.FILESYSTEM_MANAGED));
                } else {
                    params.put("connection", ConnectionService.FILESYSTEM_MANAGED);
                }
            } else {
                connections.requireUsable(caller, conn);
            }
            if (!params.has("path") && !type.equals("FilesInFolder")) params.put("path", "${projectKey}/" + d.path("name").asText());
            if (formatType == null) d.put("formatType", "csv");
            if (!formatParams.has("separator")) formatParams.put("separator", ",");
            if (!formatParams.has("style")) formatParams.put("style", "excel");
            if (!formatParams.has("parseHeaderRow")) formatParams.put("parseHeaderRow", true);
            if (!formatParams.has("charset")) formatParams.put("charset", "utf8");
            DatasetFiles.csvFormat(formatParams);
        } else {
            String conn = Json.optionalText(params, "connection");
            if (conn != null && !conn.isEmpty()) connections.requireUsable(caller, conn);
        }
        Json.optionalBoolean(d, "managed", false);
        if (!d.has("managed")) d.put("managed", false);
        d.set("tags", Json.strings(Json.optionalStringList(d, "tags")));
        ObjectNode schema = Json.optionalObject(d, "schema");
        d.set("schema", validSchema(schema == null ? emptySchema() : schema));
        if (!d.has("partitioning")) d.putObject("partitioning").putArray("dimensions");
        if (!d.has("creationTag")) {
            ObjectNode t = d.putObject("creationTag");
            t.putObject("lastModifiedBy").put("login", caller.identifier());
            t.put("lastModifiedOn", System.currentTimeMillis());
        }
    }

    private static ObjectNode emptySchema() {
        ObjectNode s = Json.object();
        s.putArray("columns");
        s.put("userModified", false);
        return s;
    }

    /**
     * Widest schema the server keeps. Every read of a dataset parses its definition, schema included: without a
     * bound one upload of a file without line breaks (300,000 cells on its only row) made every later call on the
     * dataset parse megabytes, and a small heap ran out (found by the fuzz).
     */
    static final int MAX_COLUMNS = 10_000;

    static ObjectNode validSchema(JsonNode schema) {
        if (!schema.isObject()) throw ApiException.invalidField("schema", "must be an object {columns: [...]}");
        JsonNode cols = schema.get("columns");
        if (cols == null || cols.isNull()) throw ApiException.invalidField("columns", "is required (array of {name, type})");
        if (!cols.isArray()) throw ApiException.invalidField("columns", "must be an array of {name, type}");
        if (cols.size() > MAX_COLUMNS) throw ApiException.invalidField("columns", "has " + cols.size() + " columns; at most " + MAX_COLUMNS);
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode c : cols) {
            String f = "columns[" + i++ + "]";
            if (!c.isObject()) throw ApiException.invalidField(f, "must be an object {name, type}");
            JsonNode n = c.get("name");
            if (n == null || !n.isTextual() || n.asText().isEmpty()) throw ApiException.invalidField(f + ".name", "is required (non-empty string)");
            if (!names.add(n.asText())) throw ApiException.invalidField(f + ".name", "duplicate column name '" + n.asText() + "'");
            JsonNode t = c.get("type");
            if (t == null || !t.isTextual()) throw ApiException.invalidField(f + ".type", "is required (one of " + COLUMN_TYPES + ")");
            if (!COLUMN_TYPES.contains(t.asText())) throw ApiException.invalidField(f + ".type", "unknown type '" + t.asText() + "' (one of " + COLUMN_TYPES + ")");
        }
        return (ObjectNode) schema.deepCopy();
    }

    /**
     * Creates a managed dataset on a connection, as DSS does for {@code new_managed_dataset(...).create()}: files
     * (CSV, tab-separated, no header row) under the dataset's own path of a filesystem connection, or a table named
     * after the project and the dataset on an SQL connection.
     */
    public ObjectNode createManaged(Caller caller, String projectKey, JsonNode body) {
        ObjectNode req = Json.requireObject(body, "managed dataset");
        String name = Json.requiredText(req, "name");
        JsonNode settings = req.path("creationSettings");
        String connection = settings.path("connectionId").asText(ConnectionService.FILESYSTEM_MANAGED);
        ObjectNode c = connections.requireUsable(caller, connection);
        String formatOption = settings.path("specificSettings").path("formatOptionId").asText("csv");
        ObjectNode d = Json.object();
        d.put("name", name);
        d.put("projectKey", projectKey);
        d.put("managed", true);
        ObjectNode params = d.putObject("params");
        params.put("connection", connection);
        if ("Filesystem".equals(c.path("type").asText())) {
            if (!formatOption.equals("csv")) {
                throw ApiException.invalidField("creationSettings.specificSettings.formatOptionId", "'" + formatOption + "' is not offered: csv only");
            }
            d.put("type", "Filesystem");
            params.put("path", "${projectKey}/" + name);
            d.put("formatType", "csv");
            ObjectNode fp = d.putObject("formatParams");
            fp.put("style", "excel");
            fp.put("separator", "\t");
            fp.put("parseHeaderRow", false);
            fp.put("charset", "utf8");
        } else if (connections.isSql(c)) {
            d.put("type", c.path("type").asText());
            params.put("mode", "table");
            params.put("table", "${projectKey}_" + name);
        } else {
            throw ApiException.invalidField("creationSettings.connectionId", "connection '" + connection + "' of type "
                    + c.path("type").asText() + " cannot store managed datasets");
        }
        String typeOption = settings.path("typeOptionId").asText("");
        if (!typeOption.isEmpty() && !typeOption.equals(d.path("type").asText())) {
            throw ApiException.invalidField("creationSettings.typeOptionId", "connection '" + connection + "' stores datasets of type "
                    + d.path("type").asText() + ", not '" + typeOption + "'");
        }
        String partitioning = settings.path("partitioningOptionId").asText("NP");
        if (partitioning.startsWith("copy:dataset:")) {
            String source = partitioning.substring("copy:dataset:".length());
            ObjectNode from = find(projectKey, source).orElseThrow(() -> ApiException.invalidField("creationSettings.partitioningOptionId",
                    "no dataset '" + source + "' in project " + projectKey + " to copy the partitioning from"));
            d.set("partitioning", from.path("partitioning").deepCopy());
        } else if (partitioning.startsWith("copy:folder:")) {
            String source = partitioning.substring("copy:folder:".length());
            ObjectNode from = folders.find(projectKey, ManagedFolderService.idOfSmartId(projectKey, source)).orElseThrow(() -> ApiException.invalidField(
                    "creationSettings.partitioningOptionId", "no managed folder '" + source + "' in project " + projectKey + " to copy the partitioning from"));
            d.set("partitioning", from.path("partitioning").deepCopy());
        } else if (!partitioning.equals("NP")) {
            throw ApiException.invalidField("creationSettings.partitioningOptionId", "'" + partitioning
                    + "' is not one of NP, copy:dataset:<name>, copy:folder:<id>");
        }
        return create(caller, projectKey, d);
    }

    /**
     * Checks a copy of a dataset's rows into another dataset (rights, types, mode) and returns the work that does it,
     * to run as a future: the rows are read from the source and written as one new file of the target, in the
     * target's format; {@code OVERWRITE} first removes the target's files, {@code syncSchema} first gives the target
     * the source's schema.
     *
     * @return the work; its result counts the rows copied
     */
    public java.util.function.Supplier<ObjectNode> copy(Caller caller, String projectKey, String name, String targetProjectKey,
                                                         String targetName, boolean syncSchema, String writeMode) {
        ObjectNode source = require(caller, projectKey, name, ProjectAccess.READ);
        if (targetProjectKey == null || targetProjectKey.isBlank()) throw ApiException.invalidField("targetProjectKey", "is required");
        if (targetName == null || targetName.isBlank()) throw ApiException.invalidField("targetDatasetName", "is required");
        ObjectNode target = require(caller, targetProjectKey, targetName, ProjectAccess.WRITE);
        if (!OWN_FILE_TYPES.contains(target.path("type").asText())) {
            throw ApiException.invalidField("targetDatasetName", "dataset '" + targetName + "' of type " + target.path("type").asText()
                    + " cannot be written here: copy into an UploadedFiles or Filesystem dataset");
        }
        if (projectKey.equals(targetProjectKey) && name.equals(targetName)) {
            throw ApiException.invalidField("targetDatasetName", "a dataset cannot be copied into itself");
        }
        String mode = writeMode == null ? "OVERWRITE" : writeMode;
        if (!mode.equals("OVERWRITE") && !mode.equals("APPEND")) {
            throw ApiException.invalidField("writeMode", "must be OVERWRITE or APPEND, got '" + mode + "'");
        }
        return () -> {
            ObjectNode t = find(targetProjectKey, targetName).orElseThrow(() -> ApiException.notFound("Dataset '" + targetProjectKey + "." + targetName + "'"));
            if (syncSchema) {
                t.set("schema", source.path("schema").deepCopy());
                write(targetProjectKey, targetName, t);
            }
            if (mode.equals("OVERWRITE")) files.clear(targetProjectKey, targetName);
            ColumnSelection all = select(source, null);
            long[] rows = {0};
            try {
                files.writeFile(targetProjectKey, targetName, "copy_of_" + name + "_" + System.currentTimeMillis() + ".csv",
                        t.path("formatParams"), all.names(), out -> read(source, all, cells -> {
                            out.printRecord(cells);
                            rows[0]++;
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException("Copy of " + projectKey + "." + name + " failed after " + rows[0] + " rows: " + e.getMessage(), e);
            }
            ObjectNode result = Json.object();
            result.put("targetProjectKey", targetProjectKey);
            result.put("targetDatasetName", targetName);
            result.put("copiedRows", rows[0]);
            return result;
        };
    }

    /**
     * The SQL connection an SQL dataset reads, once the caller's right to change the dataset's settings and to use
     * the connection are checked; 400 for a dataset that is not on an SQL connection.
     */
    public ObjectNode sqlConnectionOf(Caller caller, String projectKey, String name) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        String conn = d.path("params").path("connection").asText("");
        ObjectNode c = conn.isEmpty() ? null : connections.requireUsable(caller, conn);
        if (c == null || !connections.isSql(c)) {
            throw ApiException.badRequest("Dataset '" + name + "' of type " + d.path("type").asText()
                    + " is not on an SQL connection: only SQL datasets have a table to detect");
        }
        return c;
    }

    /**
     * The files a format detection ({@link FormatDetector}) reads, once the caller's right to change the dataset's
     * settings is checked.
     */
    public List<Path> filesToDetect(Caller caller, String projectKey, String name) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        if (!isFileBased(d)) {
            throw ApiException.badRequest("Dataset '" + name + "' of type " + d.path("type").asText()
                    + " has no files to detect a format from: only UploadedFiles, Filesystem and FilesInFolder datasets do");
        }
        return dataFiles(d);
    }

    public ObjectNode settings(Caller caller, String projectKey, String name) {
        return require(caller, projectKey, name, ProjectAccess.READ);
    }

    public ObjectNode saveSettings(Caller caller, String projectKey, String name, JsonNode body) {
        ObjectNode existing = require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode d = Json.requireObject(body, "dataset settings").deepCopy();
        String newName = Json.optionalText(d, "name");
        if (newName != null && !newName.equals(name)) throw ApiException.invalidField("name", "cannot be changed here (was '" + name + "')");
        String bodyKey = Json.optionalText(d, "projectKey");
        if (bodyKey != null && !bodyKey.equals(projectKey)) throw ApiException.invalidField("projectKey", "cannot be changed (was '" + projectKey + "')");
        d.put("name", name);
        d.put("projectKey", projectKey);
        if (!d.has("type")) d.set("type", existing.get("type"));
        if (!d.has("creationTag")) d.set("creationTag", existing.get("creationTag"));
        normalise(d, caller);
        write(projectKey, name, d);
        return d;
    }

    private void write(String projectKey, String name, ObjectNode d) {
        db.update("UPDATE datasets SET doc = ? WHERE project_key = ? AND name = ?", Json.write(d), projectKey, name);
    }

    public ObjectNode schema(Caller caller, String projectKey, String name) {
        return (ObjectNode) require(caller, projectKey, name, ProjectAccess.READ).get("schema");
    }

    public ObjectNode setSchema(Caller caller, String projectKey, String name, JsonNode body) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode s = validSchema(Json.requireObject(body, "schema"));
        if (!s.has("userModified")) s.put("userModified", true);
        d.set("schema", s);
        write(projectKey, name, d);
        return s;
    }

    /** Dataset metadata lives in the settings document (description, tags, custom fields), as in DSS. */
    public ObjectNode metadata(Caller caller, String projectKey, String name) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.READ);
        ObjectNode md = Json.object();
        md.put("label", name);
        md.put("description", d.path("description").asText(""));
        md.put("shortDesc", d.path("shortDesc").asText(""));
        md.set("tags", d.path("tags").deepCopy());
        ObjectNode custom = md.putObject("custom");
        custom.set("kv", d.path("customFields").isObject() ? d.get("customFields").deepCopy() : Json.object());
        md.set("checklists", d.path("checklists").isObject() ? d.get("checklists").deepCopy() : Json.object().set("checklists", Json.array()));
        return md;
    }

    public ObjectNode setMetadata(Caller caller, String projectKey, String name, DatasetMetadata md) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        if (md.getDescription() != null) d.put("description", md.getDescription());
        if (md.getShortDesc() != null) d.put("shortDesc", md.getShortDesc());
        if (md.getTags() != null) d.set("tags", Json.strings(md.getTags()));
        if (md.getCustom() != null) {
            d.set("customFields", md.getCustom().getKv() == null ? Json.object() : Json.sent(md.getCustom().getKv()));
        }
        if (md.getChecklists() != null) d.set("checklists", Json.sent(md.getChecklists()));
        write(projectKey, name, d);
        return metadata(caller, projectKey, name);
    }

    public void delete(Caller caller, String projectKey, String name, boolean dropData) {
        require(caller, projectKey, name, ProjectAccess.WRITE);
        db.update("DELETE FROM datasets WHERE project_key = ? AND name = ?", projectKey, name);
        if (dropData) files.clear(projectKey, name);
    }

    public boolean isFileBased(ObjectNode d) {
        return FILE_TYPES.contains(d.path("type").asText());
    }

    private void requireFileBased(ObjectNode d) {
        if (!OWN_FILE_TYPES.contains(d.path("type").asText())) {
            throw ApiException.badRequest("Dataset '" + d.path("name").asText() + "' of type " + d.path("type").asText()
                    + " has no files of its own: only UploadedFiles and Filesystem datasets store files"
                    + (d.path("type").asText().equals("FilesInFolder") ? " (put files into its managed folder)" : ""));
        }
    }

    /** The files holding the data of a file-based dataset, in reading order; empty for other datasets. */
    public List<Path> dataFiles(ObjectNode d) {
        String projectKey = d.path("projectKey").asText();
        String type = d.path("type").asText();
        if (type.equals("FilesInFolder")) {
            String id = ManagedFolderService.idOfSmartId(projectKey, d.path("params").path("folderSmartId").asText());
            return folders.find(projectKey, id).map(f -> {
                Path root = folders.root(f);
                return folders.files().list(root).stream().map(i -> root.resolve(i.path().substring(1))).toList();
            }).orElse(List.of());
        }
        return OWN_FILE_TYPES.contains(type) ? files.files(projectKey, d.path("name").asText()) : List.of();
    }

    public List<String> partitions(Caller caller, String projectKey, String name) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.READ);
        if (d.path("partitioning").path("dimensions").size() > 0) {
            // Partitioned file datasets are laid out one folder per partition; uploads here are never partitioned.
            return List.of();
        }
        return List.of("NP");
    }

    /** Checks a partition spec against a non-partitioned dataset: only NP (or nothing) is valid. */
    public static void requireNotPartitionedSpec(List<String> partitions) {
        for (String spec : partitions) {
            for (String p : spec.split("[|,]")) {
                if (!p.isEmpty() && !p.equals("NP")) {
                    throw ApiException.invalidField("partitions", "the dataset is not partitioned: only 'NP' is valid, got '" + p + "'");
                }
            }
        }
    }

    public ObjectNode clear(Caller caller, String projectKey, String name, List<String> partitions) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        requireNotPartitionedSpec(partitions);
        // a FilesInFolder dataset reads a folder it does not own: clearing it never deletes the folder's files
        int n = OWN_FILE_TYPES.contains(d.path("type").asText()) ? files.clear(projectKey, name) : 0;
        ObjectNode out = Json.object();
        out.put("success", true);
        out.put("clearedFiles", n);
        return out;
    }

    public ArrayNode uploadedFiles(Caller caller, String projectKey, String name) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.READ);
        requireFileBased(d);
        return files.describe(projectKey, name);
    }

    /** Stores an uploaded file; the first upload of a dataset without schema infers it from the header and values. */
    public ObjectNode upload(Caller caller, String projectKey, String name, String fileName, InputStream content) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        requireFileBased(d);
        String safe = DatasetFiles.validFileName(fileName);
        boolean replacing = java.nio.file.Files.exists(files.dir(projectKey, name).resolve(safe));
        long size = files.store(projectKey, name, safe, content);
        if (d.path("schema").path("columns").size() == 0) {
            try {
                inferSchema(d, files.dir(projectKey, name).resolve(safe));
            } catch (ApiException unusable) {
                // a new file that cannot give a schema is not kept; one that replaced an older file stays, as uploaded
                if (!replacing) files.deleteFile(projectKey, name, safe);
                throw unusable;
            }
            write(projectKey, name, d);
        }
        ObjectNode out = Json.object();
        out.put("path", "/" + safe);
        out.put("size", size);
        return out;
    }

    public void deleteUploadedFile(Caller caller, String projectKey, String name, String fileName) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        requireFileBased(d);
        String f = fileName.startsWith("/") ? fileName.substring(1) : fileName;
        if (!files.deleteFile(projectKey, name, f)) throw ApiException.notFound("Uploaded file '" + f + "' of dataset '" + name + "'");
    }

    private void inferSchema(ObjectNode d, Path file) {
        JsonNode fp = d.path("formatParams");
        try {
            List<List<String>> head = files.head(file, fp, 1001);
            if (head.isEmpty()) return;
            boolean header = DatasetFiles.parseHeader(fp);
            List<String> names = header ? head.get(0) : null;
            int width = head.stream().mapToInt(List::size).max().orElse(0);
            if (width > MAX_COLUMNS) {
                throw ApiException.invalidField("file", "has a row of " + width + " columns; a schema has at most "
                        + MAX_COLUMNS + " (is the separator right? formatParams.separator is '"
                        + fp.path("separator").asText(",") + "')");
            }
            ArrayNode cols = Json.array();
            for (int i = 0; i < width; i++) {
                ObjectNode c = cols.addObject();
                String n = names != null && i < names.size() && !names.get(i).isBlank() ? names.get(i) : "col_" + i;
                c.put("name", n);
                c.put("type", ColumnTypes.infer(head.subList(header ? 1 : 0, head.size()), i));
            }
            ObjectNode s = d.with("schema");
            s.set("columns", cols);
            s.put("userModified", false);
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("Uploaded file cannot be parsed as " + d.path("formatType").asText() + ": " + e.getMessage());
        }
    }

    public record ColumnSelection(List<String> names, int[] indices) {}

    public ColumnSelection select(ObjectNode d, String columns) {
        List<String> all = new ArrayList<>();
        for (JsonNode c : d.path("schema").path("columns")) all.add(c.path("name").asText());
        if (columns == null || columns.isBlank()) return new ColumnSelection(all, null);
        List<String> names = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (String c : columns.split(",")) {
            String n = c.trim();
            int i = all.indexOf(n);
            if (i < 0) throw ApiException.invalidField("columns", "unknown column '" + n + "' (dataset columns: " + all + ")");
            names.add(n);
            idx.add(i);
        }
        return new ColumnSelection(names, idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Streams the rows of a dataset; returns the number of rows. */
    public long read(ObjectNode d, ColumnSelection sel, RowSink sink) throws IOException {
        if (!isFileBased(d)) return 0;
        int width = d.path("schema").path("columns").size();
        return files.read(dataFiles(d), d.path("formatParams"), width, sel.indices(), sink);
    }
}
