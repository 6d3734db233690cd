package org.dsscontractkit.apinode.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dsscontractkit.apinode.TabularDataset;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;

/** A dataset stored as a SQL table; key lookups run as indexed {@code WHERE} queries instead of scans. */
public final class SqlTableDataset implements TabularDataset {

    private final DataSource dataSource;
    private final String table;

    public SqlTableDataset(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    public List<String> columns() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM " + quote(table) + " WHERE 1 = 0");
             ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            return names;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Iterable<Map<String, Object>> rows() {
        return query("SELECT * FROM " + quote(table), List.of(), Integer.MAX_VALUE);
    }

    @Override
    public List<Map<String, Object>> find(Map<String, Object> keyValues, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(quote(table));
        String glue = " WHERE ";
        for (String column : keyValues.keySet()) {
            sql.append(glue).append(quote(column)).append(" = ?");
            glue = " AND ";
        }
        return query(sql.toString(), new ArrayList<>(keyValues.values()), limit);
    }

    private List<Map<String, Object>> query(String sql, List<Object> values, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float) && !(v instanceof java.math.BigDecimal)) {
                    s.setLong(i + 1, n.longValue());
                } else if (v instanceof Number n) {
                    s.setBigDecimal(i + 1, new java.math.BigDecimal(n.toString()));
                } else {
                    s.setString(i + 1, String.valueOf(v));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                return List.of(); // a key that cannot even be converted to the column type matches nothing
            }
            throw failure(e);
        }
    }

    private ApiException failure(SQLException e) {
        return NodeErrors.of(503, "DatasetUnavailable", "Cannot read table '" + table + "': " + e.getMessage());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

}
