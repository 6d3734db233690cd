package org.dsscontractkit.client.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.generated.dss.model.TabularDataFormat;
import org.dsscontractkit.client.rows.ColumnCaster;
import org.dsscontractkit.client.rows.RowStream;

/**
 * A SQL query running in DSS. Created by {@code DSSClient.sqlQuery(...)}, which starts it ({@code startSqlQuery});
 * read its rows once with {@link #iterRows()}, then {@link #verify()}.
 */
public final class DSSSQLQuery {

    private final DssApi api;
    private final String queryId;
    private final ArrayNode schema;

    /**
     * Starts the query: {@code startSqlQuery}.
     *
     * @param api  the client's generated operations
     * @param spec the query and its options
     */
    public DSSSQLQuery(DssApi api, SqlQuerySpec spec) {
        this.api = Objects.requireNonNull(api, "api");
        JsonNode answer = api.json(() -> api.sqlQueries().startSqlQueryRequestBuilder(spec.toBody(api.mapper())));
        JsonNode id = answer.get("queryId");
        JsonNode columns = answer.get("schema");
        if (id == null || !id.isTextual()) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null, "Starting a SQL query returned no queryId: " + answer);
        }
        if (columns == null || !columns.isArray()) {
            throw new DataikuException(200, DataikuException.INVALID_RESPONSE, null,
                    "Starting a SQL query returned no schema array (a list of {name, type} columns): " + answer);
        }
        this.queryId = id.asText();
        this.schema = (ArrayNode) columns;
    }

    /** @return the id DSS gave the query */
    public String getQueryId() {
        return queryId;
    }

    /** @return the result columns {@code [{name, type, ...}]}, from the start answer (no request) */
    public ArrayNode getSchema() {
        return schema;
    }

    /**
     * Streams the result rows, typed by the schema: {@code streamSqlQueryResults} with
     * {@code format=tsv-excel-noheader}. Unlike datasets, no completion call is made by the stream: call
     * {@link #verify()} after the last row.
     *
     * @return the rows, to read once; close it when stopping early
     */
    public RowStream iterRows() {
        return new RowStream(api.stream(() -> api.sqlQueries().streamSqlQueryResultsRequestBuilder(queryId,
                TabularDataFormat.TSV_EXCEL_NOHEADER, null)), new ColumnCaster(schema), null);
    }

    /**
     * Checks that the query ran to its end: {@code finishSqlQueryStreaming}. A failure that happened while
     * streaming surfaces here.
     *
     * @throws DataikuException when the query failed
     */
    public void verify() {
        api.send(() -> api.sqlQueries().finishSqlQueryStreamingRequestBuilder(queryId));
    }
}
