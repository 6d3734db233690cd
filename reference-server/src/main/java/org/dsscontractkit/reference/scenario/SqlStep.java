package org.dsscontractkit.reference.scenario;

import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.io.IOException;
import java.sql.SQLException;

/**
 * {@code exec_sql}: runs {@code params.sql} (with {@code ${variables}} expanded) on the SQL connection
 * {@code params.connection}, as the caller that fired the scenario. An SQL error fails the step; an abort cancels
 * the statement.
 */
final class SqlStep implements Step {
    static final String TYPE = "exec_sql";

    private final SqlQueryService sql;

    SqlStep(SqlQueryService sql) {
        this.sql = sql;
    }

    @Override
    public Result run(Context ctx) {
        String connection = ctx.params().path("connection").asText("");
        String text = ctx.params().path("sql").asText("");
        if (connection.isEmpty()) {
            return Result.failed(ErrorTypes.BAD_REQUEST, "No connection", "params.connection must name the SQL connection to run on");
        }
        if (text.isBlank()) return Result.failed(ErrorTypes.BAD_REQUEST, "No SQL", "params.sql must hold the SQL to run");
        String expanded = ctx.expand(text);
        ctx.log("INFO", "Running SQL on connection " + connection + ": " + oneLine(expanded));
        long t0 = System.currentTimeMillis();
        try {
            SqlQueryService.Execution e = sql.execute(ctx.caller(), connection, expanded, "params.connection", ctx::statementStarted,
                    SqlQueryService.Rows.DISCARD);
            ctx.log("INFO", (e.hasResults() ? "Read " + e.rows() + " row(s)" : "Changed " + e.rows() + " row(s)")
                    + " in " + (System.currentTimeMillis() - t0) + " ms");
            return Result.success();
        } catch (SQLException | IOException e) {
            if (ctx.abortRequested()) {
                ctx.log("WARN", "SQL statement cancelled by the abort");
                return Result.aborted();
            }
            ctx.log("ERROR", "SQL failed: " + e.getMessage());
            return Result.failed(SqlQueryService.SQL_ERROR, "SQL step failed", e.getMessage());
        } catch (ApiException e) {
            ctx.log("ERROR", e.detailedMessage());
            return Result.failed(e.errorType(), "SQL step could not run", e.detailedMessage());
        }
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
