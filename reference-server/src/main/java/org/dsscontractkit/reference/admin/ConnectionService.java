package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data connections. Three are built in: {@code filesystem_managed} (dataset files under the data directory),
 * {@code filesystem_folders} (managed folders, under the data directory) and {@code demo_sql} (an embedded H2 database seeded with demo tables). PostgreSQL, H2 and generic
 * JDBC connections created through the API really connect.
 */
public final class ConnectionService {
    public static final String FILESYSTEM_MANAGED = "filesystem_managed";
    /** Where managed folders are stored unless told otherwise (the name DSS and its Python client default to). */
    public static final String FILESYSTEM_FOLDERS = "filesystem_folders";
    public static final String DEMO_SQL = "demo_sql";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> SQL_TYPES = Set.of("PostgreSQL", "H2", "JDBC");

    private final Database db;
    private final GroupService groups;
    private final DataDirectory dataDir;

    public ConnectionService(Database db, GroupService groups, DataDirectory dataDir) {
        this.db = db;
        this.groups = groups;
        this.dataDir = dataDir;
    }

    public void seedBuiltIns() {
        if (find(FILESYSTEM_MANAGED).isEmpty()) {
            ObjectNode c = base(FILESYSTEM_MANAGED, "Filesystem", "Managed datasets and uploads, stored in the data directory");
            c.with("params").put("root", "${dataDir}/managed_datasets");
            insert(c);
        }
        if (find(FILESYSTEM_FOLDERS).isEmpty()) {
            ObjectNode c = base(FILESYSTEM_FOLDERS, "Filesystem", "Managed folders, stored in the data directory");
            c.with("params").put("root", "${dataDir}/managed_folders");
            insert(c);
        }
        if (find(DEMO_SQL).isEmpty()) {
            ObjectNode c = base(DEMO_SQL, "H2", "Embedded demo SQL database (tables customers, orders, products)");
            c.with("params").put("url", "jdbc:h2:file:${dataDir}/demo_sql/demo");
            c.with("params").put("user", "sa");
            c.with("params").put("password", "");
            insert(c);
        }
    }

    private static ObjectNode base(String name, String type, String description) {
        ObjectNode c = Json.object();
        c.put("name", name);
        c.put("type", type);
        c.put("description", description);
        c.putObject("params");
        return c;
    }

    public Optional<ObjectNode> find(String name) {
        return db.queryOne("SELECT doc FROM connections WHERE name = ?", rs -> Json.parseObject(rs.getString(1)), name);
    }

    public ObjectNode get(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("Connection '" + name + "'"));
    }

    /** All connections keyed by name, as DSS lists them. */
    public ObjectNode listByName() {
        ObjectNode out = Json.object();
        for (ObjectNode c : db.query("SELECT doc FROM connections ORDER BY name", rs -> Json.parseObject(rs.getString(1)))) {
            out.set(c.path("name").asText(), c);
        }
        return out;
    }

    public ObjectNode create(JsonNode body) {
        ObjectNode c = Json.requireObject(body, "connection").deepCopy();
        String name = Json.requiredText(c, "name");
        if (!NAME.matcher(name).matches()) throw ApiException.invalidField("name", "must match [A-Za-z0-9_.-]+");
        validate(c);
        insert(c);
        return c;
    }

    private void validate(ObjectNode c) {
        String type = Json.requiredText(c, "type");
        ObjectNode params = Json.optionalObject(c, "params");
        if (params == null) c.putObject("params");
        Json.optionalText(c, "description");
        String usableBy = Json.optionalText(c, "usableBy");
        if (usableBy == null) c.put("usableBy", "ALL");
        else if (!usableBy.equals("ALL") && !usableBy.equals("ALLOWED")) throw ApiException.invalidField("usableBy", "must be ALL or ALLOWED");
        List<String> allowed = Json.optionalStringList(c, "allowedGroups");
        groups.requireExist(allowed, "allowedGroups");
        c.set("allowedGroups", Json.strings(allowed));
        for (String flag : List.of("allowWrite", "allowManagedDatasets", "allowManagedFolders", "allowKnowledgeBanks")) {
            c.put(flag, Json.optionalBoolean(c, flag, true));
        }
        if (!c.has("detailsReadability")) {
            ObjectNode r = c.putObject("detailsReadability");
            r.put("readableBy", "ALLOWED");
            r.putArray("allowedGroups");
        }
        if (type.equals("PostgreSQL")) {
            ObjectNode p = (ObjectNode) c.get("params");
            if (Json.optionalText(p, "host") == null) throw ApiException.invalidField("params.host", "is required for a PostgreSQL connection");
            if (Json.optionalText(p, "db") == null) throw ApiException.invalidField("params.db", "is required for a PostgreSQL connection");
            JsonNode port = p.get("port");
            if (port != null && !port.isNull() && !(port.isInt() || port.isTextual() && port.asText().matches("\\d{1,5}"))) {
                throw ApiException.invalidField("params.port", "must be a port number");
            }
        } else if (type.equals("H2") || type.equals("JDBC")) {
            String url = Json.optionalText(c.get("params"), "url");
            if (url == null) throw ApiException.invalidField("params.url", "is required for a " + type + " connection");
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw ApiException.invalidField("params.url", "must be a jdbc:h2: or jdbc:postgresql: URL (drivers bundled)");
            }
        }
    }

    private void insert(ObjectNode c) {
        String name = c.path("name").asText();
        validateDefaults(c);
        db.insertUnique("Connection '" + name + "' already exists", "INSERT INTO connections (name, doc) VALUES (?, ?)", name, Json.write(c));
    }

    private void validateDefaults(ObjectNode c) {
        if (!c.has("usableBy")) validate(c);
    }

    public ObjectNode update(String name, JsonNode body) {
        ObjectNode existing = get(name);
        ObjectNode c = Json.requireObject(body, "connection").deepCopy();
        String newName = Json.optionalText(c, "name");
        if (newName != null && !newName.equals(name)) throw ApiException.invalidField("name", "cannot be changed (was '" + name + "')");
        String type = Json.optionalText(c, "type");
        if (type != null && !type.equals(existing.path("type").asText())) throw ApiException.invalidField("type", "cannot be changed (was '" + existing.path("type").asText() + "')");
        c.put("name", name);
        c.set("type", existing.get("type"));
        validate(c);
        db.update("UPDATE connections SET doc = ? WHERE name = ?", Json.write(c), name);
        return c;
    }

    public void delete(String name) {
        get(name);
        if (name.equals(FILESYSTEM_MANAGED) || name.equals(FILESYSTEM_FOLDERS)) {
            throw ApiException.badRequest("The built-in connection '" + name + "' cannot be deleted");
        }
        db.update("DELETE FROM connections WHERE name = ?", name);
    }

    /** What a non-admin may know about a connection it can use. */
    public ObjectNode info(Caller caller, String name) {
        ObjectNode c = requireUsable(caller, name);
        ObjectNode out = Json.object();
        out.put("name", name);
        out.set("type", c.get("type"));
        out.set("allowWrite", c.get("allowWrite"));
        out.set("allowManagedDatasets", c.get("allowManagedDatasets"));
        out.set("usableBy", c.get("usableBy"));
        ObjectNode params = c.path("params").deepCopy();
        params.remove("password");
        out.set("params", params);
        return out;
    }

    public ObjectNode requireUsable(Caller caller, String name) {
        ObjectNode c = get(name);
        if (caller.admin() || "ALL".equals(c.path("usableBy").asText("ALL"))) return c;
        if (caller.inAnyGroup(Json.optionalStringList(c, "allowedGroups"))) return c;
        throw ApiException.forbidden("You may not use connection '" + name + "'");
    }

    public boolean isSql(ObjectNode c) {
        return SQL_TYPES.contains(c.path("type").asText());
    }

    /** Opens a real JDBC connection for an SQL connection definition. */
    public Connection open(ObjectNode c) throws SQLException {
        String type = c.path("type").asText();
        JsonNode p = c.path("params");
        String url;
        Properties props = new Properties();
        if (type.equals("PostgreSQL")) {
            String port = p.path("port").asText("");
            url = "jdbc:postgresql://" + p.path("host").asText() + (port.isEmpty() ? "" : ":" + port) + "/" + p.path("db").asText();
        } else if (type.equals("H2") || type.equals("JDBC")) {
            url = p.path("url").asText().replace("${dataDir}", dataDir.root().toString());
        } else {
            throw ApiException.badRequest("Connection '" + c.path("name").asText() + "' of type " + type
                    + " is not an SQL connection this server can query (supported: " + SQL_TYPES + ")");
        }
        if (p.hasNonNull("user")) props.setProperty("user", p.path("user").asText());
        if (p.hasNonNull("password")) props.setProperty("password", p.path("password").asText());
        if (url.startsWith("jdbc:postgresql:")) props.setProperty("connectTimeout", "10");
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection(url, props);
    }
}
