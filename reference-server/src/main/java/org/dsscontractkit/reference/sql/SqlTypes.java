package org.dsscontractkit.reference.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeFormatter;

/** Maps JDBC column types to DSS storage types and renders cells the way DSS streams them. */
final class SqlTypes {
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private SqlTypes() {}

    static String dssType(int jdbcType, int scale) {
        switch (jdbcType) {
            case Types.TINYINT: return "tinyint";
            case Types.SMALLINT: return "smallint";
            case Types.INTEGER: return "int";
            case Types.BIGINT: return "bigint";
            case Types.REAL: return "float";
            case Types.FLOAT: case Types.DOUBLE: return "double";
            case Types.NUMERIC: case Types.DECIMAL: return scale == 0 ? "bigint" : "double";
            case Types.BOOLEAN: case Types.BIT: return "boolean";
            case Types.DATE: return "dateonly";
            case Types.TIMESTAMP: return "datetimenotz";
            case Types.TIMESTAMP_WITH_TIMEZONE: return "date";
            default: return "string";
        }
    }

    static String cell(ResultSet rs, int i, int jdbcType) throws SQLException {
        switch (jdbcType) {
            case Types.TIMESTAMP: {
                Timestamp ts = rs.getTimestamp(i);
                return ts == null ? "" : ts.toLocalDateTime().format(ISO_LOCAL);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE: {
                java.time.OffsetDateTime t = rs.getObject(i, java.time.OffsetDateTime.class);
                return t == null ? "" : t.toInstant().toString();
            }
            case Types.BOOLEAN: case Types.BIT: {
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? "" : Boolean.toString(b);
            }
            default: {
                String s = rs.getString(i);
                return s == null ? "" : s;
            }
        }
    }
}
