package org.dsscontractkit.reference.sql;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dsscontractkit.reference.dataset.RowFormat;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.SqlQueriesApi;
import org.dsscontractkit.server.generated.dss.model.SqlQueryRequest;
import org.dsscontractkit.server.generated.dss.model.TabularDataFormat;

public final class SqlQueriesResource extends ApiResource implements SqlQueriesApi {
    private final SqlQueryService sql;

    public SqlQueriesResource(SqlQueryService sql) { this.sql = sql; }

    @Override public Response startSqlQuery(SqlQueryRequest sqlQueryRequest) {
        return ok(sql.start(caller(), sqlQueryRequest));
    }

    @Override public Response streamSqlQueryResults(String queryId, TabularDataFormat format, String formatParams) {
        RowFormat rowFormat = RowFormat.parse(format == null ? null : format.toString(), RowFormat.JSON);
        sql.beginStream(caller(), queryId);
        StreamingOutput body = out -> sql.writeRows(queryId, rowFormat, out);
        return Response.ok(body, rowFormat.contentType()).build();
    }

    @Override public Response finishSqlQueryStreaming(String queryId) {
        sql.finishStreaming(caller(), queryId);
        return noContent();
    }
}
