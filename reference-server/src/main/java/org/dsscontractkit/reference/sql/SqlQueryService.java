package org.dsscontractkit.reference.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.dataset.RowFormat;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.SqlQueryRequest;
import org.dsscontractkit.server.generated.dss.model.SqlQueryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SQL queries over real JDBC. Start executes the query and answers the result schema and an id;
 * stream sends the rows in the asked format; finish-streaming reports whether the query (and its
 * post-queries) really succeeded, which the data stream itself cannot say once rows are sent.
 */
public final class SqlQueryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlQueryService.class);
    private static final long UNREAD_TIMEOUT_MS = 10 * 60 * 1000L;
    public static final String SQL_ERROR = "com.dataiku.dip.sql.DKUSQLException";

    private enum State { READY, STREAMING, DONE, FAILED }

    private static final class Query {
        final String id;
        final String owner;
        final long createdAt = System.currentTimeMillis();
        Connection connection;
        Statement statement;
        ResultSet resultSet;
        int[] jdbcTypes = new int[0];
        List<String> columnNames = new ArrayList<>();
        List<String> postQueries;
        volatile State state = State.READY;
        volatile String error;
        volatile long rows;

        Query(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        synchronized void close() {
            try { if (resultSet != null) resultSet.close(); } catch (SQLException ignored) { /* closing */ }
            try { if (statement != null) statement.close(); } catch (SQLException ignored) { /* closing */ }
            try { if (connection != null) connection.close(); } catch (SQLException ignored) { /* closing */ }
            resultSet = null;
            statement = null;
            connection = null;
        }
    }

    private final ConnectionService connections;
    private final DatasetService datasets;
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dss-sql-reaper");
        t.setDaemon(true);
        return t;
    });

    public SqlQueryService(ConnectionService connections, DatasetService datasets) {
        this.connections = connections;
        this.datasets = datasets;
        reaper.scheduleAtFixedRate(this::reap, 1, 1, TimeUnit.MINUTES);
    }

    private static List<String> statements(List<String> given, String field) {
        if (given == null) return List.of();
        if (given.contains(null)) throw ApiException.invalidField(field, "must be an array of strings");
        return given;
    }

    /** Starts a query from the generated model (Bean Validation has checked that there is a query). */
    public ObjectNode start(Caller caller, SqlQueryRequest req) {
        String sql = req.getQuery();
        if (sql.isBlank()) throw ApiException.invalidField("query", "must not be empty");
        if (req.getType() != null && req.getType() != SqlQueryType.SQL) {
            throw ApiException.invalidField("type", "only 'sql' queries are supported by this server, got '" + req.getType() + "'");
        }
        String connectionName = req.getConnection();
        String datasetFullName = req.getDatasetFullName();
        if ((connectionName == null || connectionName.isEmpty()) && datasetFullName != null && !datasetFullName.isEmpty()) {
            int dot = datasetFullName.indexOf('.');
            if (dot <= 0) throw ApiException.invalidField("datasetFullName", "must be PROJECTKEY.datasetName");
            ObjectNode d = datasets.require(caller, datasetFullName.substring(0, dot), datasetFullName.substring(dot + 1), ProjectAccess.READ);
            connectionName = d.path("params").path("connection").asText(null);
            if (connectionName == null) throw ApiException.invalidField("datasetFullName", "dataset '" + datasetFullName + "' is not on an SQL connection");
        }
        if (connectionName == null || connectionName.isEmpty()) {
            throw ApiException.invalidField("connection", "is required (or datasetFullName)");
        }
        List<String> pre = statements(req.getPreQueries(), "preQueries");
        List<String> post = statements(req.getPostQueries(), "postQueries");
        ObjectNode conn = requireSqlConnection(caller, connectionName, "connection");
        Query q = new Query(UUID.randomUUID().toString(), caller.identifier());
        q.postQueries = post;
        try {
            q.connection = connections.open(conn);
            if (q.connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) q.connection.setAutoCommit(false);
            try (Statement s = q.connection.createStatement()) {
                for (String p : pre) s.execute(p);
            }
            q.statement = q.connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            q.statement.setFetchSize(1000);
            boolean hasResults = q.statement.execute(sql);
            ArrayNode schema = Json.array();
            if (hasResults) {
                q.resultSet = q.statement.getResultSet();
                ResultSetMetaData md = q.resultSet.getMetaData();
                q.jdbcTypes = new int[md.getColumnCount()];
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    q.jdbcTypes[i - 1] = md.getColumnType(i);
                    ObjectNode col = schema.addObject();
                    String name = md.getColumnLabel(i);
                    q.columnNames.add(name);
                    col.put("name", name);
                    col.put("type", SqlTypes.dssType(md.getColumnType(i), md.getScale(i)));
                    col.put("originalType", md.getColumnTypeName(i));
                    if (md.getColumnType(i) == java.sql.Types.VARCHAR && md.getPrecision(i) > 0 && md.getPrecision(i) < Integer.MAX_VALUE) {
                        col.put("length", md.getPrecision(i));
                    }
                }
            } else {
                if (!q.connection.getAutoCommit()) q.connection.commit();
            }
            queries.put(q.id, q);
            ObjectNode out = Json.object();
            out.put("queryId", q.id);
            out.put("hasResults", hasResults);
            out.set("schema", schema);
            return out;
        } catch (SQLException e) {
            q.close();
            String msg = "Query failed: " + e.getMessage();
            throw new ApiException(400, SQL_ERROR, msg, msg);
        }
    }

    private ObjectNode requireSqlConnection(Caller caller, String connectionName, String field) {
        ObjectNode conn = connections.requireUsable(caller, connectionName);
        if (!connections.isSql(conn)) {
            throw ApiException.invalidField(field, "'" + connectionName + "' is a " + conn.path("type").asText() + " connection, not an SQL one");
        }
        return conn;
    }

    /** Lets whoever runs a statement stop it from another thread ({@link Statement#cancel()}). */
    public interface Cancellable {
        void running(Statement statement);
    }

    /** What a statement run to its end did: rows it returned (all read) or rows it changed. */
    public record Execution(boolean hasResults, long rows) { }

    /** Receives the result of a statement run to its end: its columns, then its rows. */
    public interface Rows {
        Rows DISCARD = new Rows() { };

        default void columns(ArrayNode schema) throws IOException { }

        default void row(List<String> cells) throws IOException { }
    }

    /**
     * Runs SQL on a connection to its end, handing any result to {@code rows} row by row (a scenario's SQL step, an
     * {@code sql_query} recipe). Nothing is kept once it returns.
     *
     * @param field names the connection in errors (a scenario step's {@code params.connection})
     * @throws ApiException  when the connection is unknown, not usable by the caller or not an SQL one
     * @throws SQLException when the database refuses the SQL or the statement was cancelled
     * @throws IOException  when {@code rows} fails
     */
    public Execution execute(Caller caller, String connectionName, String sql, String field, Cancellable cancellable,
                             Rows rows) throws SQLException, IOException {
        ObjectNode conn = requireSqlConnection(caller, connectionName, field);
        try (Connection c = connections.open(conn); Statement s = c.createStatement()) {
            cancellable.running(s);
            boolean hasResults = s.execute(sql);
            long count = 0;
            if (hasResults) {
                try (ResultSet rs = s.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int[] types = new int[md.getColumnCount()];
                    for (int i = 1; i <= types.length; i++) types[i - 1] = md.getColumnType(i);
                    rows.columns(schema(md));
                    List<String> cells = new ArrayList<>(types.length);
                    while (rs.next()) {
                        cells.clear();
                        for (int i = 0; i < types.length; i++) cells.add(SqlTypes.cell(rs, i + 1, types[i]));
                        rows.row(cells);
                        count++;
                    }
                }
            } else {
                count = Math.max(0, s.getUpdateCount());
            }
            if (!c.getAutoCommit()) c.commit();
            return new Execution(hasResults, count);
        }
    }

    /**
     * The columns a query would return, as DSS schema columns, from the prepared statement: the query is checked by
     * the database but not run.
     */
    public ArrayNode describe(Caller caller, String connectionName, String sql, String field) throws SQLException {
        ObjectNode conn = requireSqlConnection(caller, connectionName, field);
        try (Connection c = connections.open(conn); PreparedStatement ps = c.prepareStatement(sql)) {
            ResultSetMetaData md = ps.getMetaData();
            if (md == null) throw new SQLException("The statement returns no rows: it has no columns");
            return schema(md);
        }
    }

    private static ArrayNode schema(ResultSetMetaData md) throws SQLException {
        ArrayNode schema = Json.array();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            ObjectNode col = schema.addObject();
            col.put("name", md.getColumnLabel(i));
            col.put("type", SqlTypes.dssType(md.getColumnType(i), md.getScale(i)));
        }
        return schema;
    }

    private Query find(Caller caller, String id) {
        Query q = queries.get(id);
        if (q == null || !caller.admin() && !q.owner.equals(caller.identifier())) throw ApiException.notFound("SQL query '" + id + "'");
        return q;
    }

    /** Checks the query can be streamed now; the rows are written by {@link #writeRows}. */
    public void beginStream(Caller caller, String id) {
        Query q = find(caller, id);
        synchronized (q) {
            if (q.state != State.READY) throw ApiException.badRequest("SQL query '" + id + "' was already streamed");
            q.state = State.STREAMING;
        }
    }

    public void writeRows(String id, RowFormat format, OutputStream out) throws IOException {
        Query q = queries.get(id);
        RowFormat.Writer w = format.open(out, q.columnNames);
        try {
            if (q.resultSet != null) {
                List<String> cells = new ArrayList<>(q.jdbcTypes.length);
                while (q.resultSet.next()) {
                    cells.clear();
                    for (int i = 0; i < q.jdbcTypes.length; i++) cells.add(SqlTypes.cell(q.resultSet, i + 1, q.jdbcTypes[i]));
                    w.row(cells);
                    q.rows++;
                }
            }
            try (Statement s = q.connection.createStatement()) {
                for (String p : q.postQueries) s.execute(p);
            }
            if (!q.connection.getAutoCommit()) q.connection.commit();
            q.state = State.DONE;
        } catch (SQLException e) {
            LOG.info("SQL query {} failed while streaming: {}", id, e.getMessage());
            q.error = e.getMessage();
            q.state = State.FAILED;
        } finally {
            w.close();
            q.close();
        }
    }

    public ObjectNode finishStreaming(Caller caller, String id) {
        Query q = find(caller, id);
        if (q.state == State.FAILED) {
            queries.remove(id);
            String msg = "Query failed while streaming: " + q.error;
            throw new ApiException(500, SQL_ERROR, msg, msg);
        }
        if (q.state != State.DONE) {
            throw ApiException.badRequest("SQL query '" + id + "' has not been streamed yet (state " + q.state + ")");
        }
        queries.remove(id);
        ObjectNode out = Json.object();
        out.put("queryId", id);
        out.put("success", true);
        out.put("rows", q.rows);
        return out;
    }

    private void reap() {
        long limit = System.currentTimeMillis() - UNREAD_TIMEOUT_MS;
        queries.values().removeIf(q -> {
            if (q.createdAt < limit && q.state != State.STREAMING) {
                q.close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        queries.values().forEach(Query::close);
        queries.clear();
    }
}
