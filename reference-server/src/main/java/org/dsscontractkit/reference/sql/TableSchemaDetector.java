package org.dsscontractkit.reference.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Reads the schema of an SQL dataset's table from the database itself (JDBC metadata, no query on the data), for
 * {@code testAndDetectSettings/externalSQL}.
 */
public final class TableSchemaDetector {
    private final ConnectionService connections;

    public TableSchemaDetector(ConnectionService connections) {
        this.connections = connections;
    }

    /**
     * @param connection the dataset's SQL connection (already checked usable)
     * @param params     the dataset's {@code params}: {@code table}, optional {@code schema} and {@code catalog}
     * @return {@code {connectionOK, tableExists, schemaDetection: {newSchema}}}; 400 when the table is missing
     */
    public ObjectNode detect(ObjectNode connection, ObjectNode params) {
        String table = params.path("table").asText("");
        if (table.isBlank()) throw ApiException.invalidField("params.table", "is required to detect the schema of an SQL dataset");
        String schema = params.path("schema").asText("");
        String catalog = params.path("catalog").asText("");
        try (Connection c = connections.open(connection)) {
            DatabaseMetaData meta = c.getMetaData();
            ObjectNode out = Json.object();
            out.put("connectionOK", true);
            ArrayNode columns = columns(meta, catalog, schema, table);
            if (columns.isEmpty()) columns = columns(meta, catalog, schema, table.toUpperCase(Locale.ROOT)); // unquoted names, folded
            if (columns.isEmpty()) {
                throw ApiException.invalidField("params.table", "no table '" + table + "'" + (schema.isEmpty() ? "" : " in schema '" + schema + "'")
                        + " on connection '" + connection.path("name").asText() + "'");
            }
            out.put("tableExists", true);
            ObjectNode newSchema = out.putObject("schemaDetection").putObject("newSchema");
            newSchema.set("columns", columns);
            newSchema.put("userModified", false);
            return out;
        } catch (SQLException e) {
            throw new ApiException(400, ErrorTypes.SQL_FAILURE, "Cannot read the table's schema: " + e.getMessage(), e.getMessage());
        }
    }

    private static ArrayNode columns(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        ArrayNode columns = Json.array();
        String escape = meta.getSearchStringEscape();
        // getColumns takes patterns: '_' and '%' in a name must not match other tables
        String exact = escape == null ? table : table.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        String schemaPattern = schema.isEmpty() ? null : escape == null ? schema
                : schema.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet rs = meta.getColumns(catalog.isEmpty() ? null : catalog, schemaPattern, exact, null)) {
            while (rs.next()) {
                ObjectNode col = columns.addObject();
                col.put("name", rs.getString("COLUMN_NAME"));
                col.put("type", SqlTypes.dssType(rs.getInt("DATA_TYPE"), rs.getInt("DECIMAL_DIGITS")));
                String comment = rs.getString("REMARKS");
                if (comment != null && !comment.isEmpty()) col.put("comment", comment);
            }
        }
        return columns;
    }
}
