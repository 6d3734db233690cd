package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
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
    private static final Set<String> FILE_TYPES = Set.of("UploadedFiles", "Filesystem");
    private static final Set<String> COLUMN_TYPES = Set.of("string", "boolean", "tinyint", "smallint", "int", "bigint",
            "float", "double", "date", "dateonly", "datetimenotz", "datetimetz", "array", "map", "object", "geopoint", "geometry");

    private final Database db;
    private final ProjectService projects;
    private final ConnectionService connections;
    private final DatasetFiles files;

    public DatasetService(Database db, ProjectService projects, ConnectionService connections, DatasetFiles files) {
        this.db = db;
        this.projects = projects;
        this.connections = connections;
        this.files = files;
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
        if (FILE_TYPES.contains(type)) {
            String conn = Json.optionalText(params, "connection");
            if (conn == null || conn.isEmpty()) {
                if (type.equals("UploadedFiles")) {
                    params.put("uploadConnection", Optional.ofNullable(Json.optionalText(params, "uploadConnection")).orElse(ConnectionService.FILESYSTEM_MANAGED));
                } else {
                    params.put("connection", ConnectionService.FILESYSTEM_MANAGED);
                }
            } else {
                connections.requireUsable(caller, conn);
            }
            if (!params.has("path")) params.put("path", "${projectKey}/" + d.path("name").asText());
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

    public ObjectNode setMetadata(Caller caller, String projectKey, String name, JsonNode body) {
        ObjectNode d = require(caller, projectKey, name, ProjectAccess.WRITE);
        ObjectNode md = Json.requireObject(body, "metadata");
        String description = Json.optionalText(md, "description");
        String shortDesc = Json.optionalText(md, "shortDesc");
        if (description != null) d.put("description", description);
        if (shortDesc != null) d.put("shortDesc", shortDesc);
        if (md.has("tags")) d.set("tags", Json.strings(Json.optionalStringList(md, "tags")));
        ObjectNode custom = Json.optionalObject(md, "custom");
        if (custom != null) {
            ObjectNode kv = Json.optionalObject(custom, "kv");
            d.set("customFields", kv == null ? Json.object() : kv.deepCopy());
        }
        ObjectNode checklists = Json.optionalObject(md, "checklists");
        if (checklists != null) d.set("checklists", checklists.deepCopy());
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
        if (!isFileBased(d)) {
            throw ApiException.badRequest("Dataset '" + d.path("name").asText() + "' of type " + d.path("type").asText()
                    + " has no files: only UploadedFiles and Filesystem datasets store files");
        }
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
        int n = isFileBased(d) ? files.clear(projectKey, name) : 0;
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
        return files.read(d.path("projectKey").asText(), d.path("name").asText(), d.path("formatParams"), width, sel.indices(), sink);
    }
}
