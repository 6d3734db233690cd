package org.dsscontractkit.client.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;
import org.dsscontractkit.client.rows.ColumnCaster;
import org.dsscontractkit.client.rows.RowStream;

/**
 * A SQL query running in DSS. Created by {@code DSSClient.sqlQuery(...)}, which starts it
 * ({@code POST /sql/queries/}); read its rows once with {@link #iterRows()}, then {@link #verify()}.
 */
public final class DSSSQLQuery {

    private final HttpTransport transport;
    private final String queryId;
    private final ArrayNode schema;

    /**
     * Starts the query: {@code POST /sql/queries/}.
     *
     * @param transport shared transport
     * @param spec      the query and its options
     */
    public DSSSQLQuery(HttpTransport transport, SqlQuerySpec spec) {
        this.transport = transport;
        JsonNode answer = transport.json("POST", "/sql/queries/", null, spec.toBody(transport.mapper()));
        JsonNode id = answer.get("queryId");
        JsonNode columns = answer.get("schema");
        if (id == null || !id.isTextual()) {
            throw new DataikuException(200, "InvalidResponse", null, "Starting a SQL query returned no queryId: " + answer);
        }
        if (columns == null || !columns.isArray()) {
            throw new DataikuException(200, "InvalidResponse", null,
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
     * Streams the result rows, typed by the schema: {@code GET /sql/queries/{queryId}/stream?format=tsv-excel-noheader}.
     * Unlike datasets, no completion call is made by the stream: call {@link #verify()} after the last row.
     *
     * @return the rows; close it when stopping early
     */
    public RowStream iterRows() {
        return new RowStream(transport.stream("GET", base() + "/stream", QueryParams.of("format", "tsv-excel-noheader"), null),
                new ColumnCaster(schema), null);
    }

    /**
     * Checks that the query ran to its end: {@code GET /sql/queries/{queryId}/finish-streaming}. A failure that
     * happened while streaming surfaces here.
     *
     * @throws DataikuException when the query failed
     */
    public void verify() {
        transport.call("GET", base() + "/finish-streaming", null, null);
    }

    private String base() {
        return "/sql/queries/" + PathSegments.encode(queryId);
    }
}
