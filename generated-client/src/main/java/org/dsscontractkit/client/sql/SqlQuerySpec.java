package org.dsscontractkit.client.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code DSSClient.sqlQuery(...)} runs: the arguments of the Python client's {@code sql_query}, with the
 * same defaults ({@code type=sql}, {@code extraConf={}}, read modes {@code AS_IS},
 * {@code readTimestampWithoutTimezoneAsString=true}, {@code readDateAsString=false}). Every key is always sent,
 * unused ones as {@code null}, like the Python client.
 */
public final class SqlQuerySpec {

    private final String query;
    private String connection;
    private String database;
    private String datasetFullName;
    private List<String> preQueries;
    private List<String> postQueries;
    private String type = "sql";
    private Map<String, ?> extraConf = Map.of();
    private JsonNode scriptSteps;
    private JsonNode scriptInputSchema;
    private JsonNode scriptOutputSchema;
    private JsonNode scriptReportLocation;
    private boolean readTimestampWithoutTimezoneAsString = true;
    private boolean readDateAsString;
    private String projectKey;
    private String datetimenotzReadMode = "AS_IS";
    private String dateonlyReadMode = "AS_IS";

    private SqlQuerySpec(String query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /** @return a query to run; set a connection, a database or a dataset next */
    public static SqlQuerySpec of(String query) {
        return new SqlQuerySpec(query);
    }

    /** Runs on this DSS connection. @return this */
    public SqlQuerySpec connection(String connection) {
        this.connection = connection;
        return this;
    }

    /** Runs on this Hive/Impala database. @return this */
    public SqlQuerySpec database(String database) {
        this.database = database;
        return this;
    }

    /** Runs on the connection of this dataset ({@code PROJECTKEY.name}). @return this */
    public SqlQuerySpec datasetFullName(String datasetFullName) {
        this.datasetFullName = datasetFullName;
        return this;
    }

    /** Statements run before the query. @return this */
    public SqlQuerySpec preQueries(List<String> preQueries) {
        this.preQueries = preQueries;
        return this;
    }

    /** Statements run after the query. @return this */
    public SqlQuerySpec postQueries(List<String> postQueries) {
        this.postQueries = postQueries;
        return this;
    }

    /** {@code sql} (default), {@code hive} or {@code impala}. @return this */
    public SqlQuerySpec type(String type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /** Extra engine configuration. @return this */
    public SqlQuerySpec extraConf(Map<String, ?> extraConf) {
        this.extraConf = extraConf == null ? Map.of() : extraConf;
        return this;
    }

    /** Script steps, input/output schemas and report location (prepare-script queries). @return this */
    public SqlQuerySpec script(JsonNode steps, JsonNode inputSchema, JsonNode outputSchema, JsonNode reportLocation) {
        this.scriptSteps = steps;
        this.scriptInputSchema = inputSchema;
        this.scriptOutputSchema = outputSchema;
        this.scriptReportLocation = reportLocation;
        return this;
    }

    /** Whether timestamps without time zone are read as strings (default true). @return this */
    public SqlQuerySpec readTimestampWithoutTimezoneAsString(boolean value) {
        this.readTimestampWithoutTimezoneAsString = value;
        return this;
    }

    /** Whether dates are read as strings (default false). @return this */
    public SqlQuerySpec readDateAsString(boolean value) {
        this.readDateAsString = value;
        return this;
    }

    /** Project giving the context (variables, permissions). @return this */
    public SqlQuerySpec projectKey(String projectKey) {
        this.projectKey = projectKey;
        return this;
    }

    /** Read modes of {@code datetimenotz} and {@code dateonly} columns (default {@code AS_IS}). @return this */
    public SqlQuerySpec readModes(String datetimenotzReadMode, String dateonlyReadMode) {
        this.datetimenotzReadMode = datetimenotzReadMode;
        this.dateonlyReadMode = dateonlyReadMode;
        return this;
    }

    /** @return the body of {@code startSqlQuery}: every key present, unset ones as null */
    public ObjectNode toBody(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("query", query);
        body.set("preQueries", mapper.valueToTree(preQueries));
        body.set("postQueries", mapper.valueToTree(postQueries));
        body.put("connection", connection);
        body.put("database", database);
        body.put("datasetFullName", datasetFullName);
        body.put("projectKey", projectKey);
        body.put("type", type);
        body.set("extraConf", mapper.valueToTree(extraConf));
        body.set("scriptSteps", scriptSteps);
        body.set("scriptInputSchema", scriptInputSchema);
        body.set("scriptOutputSchema", scriptOutputSchema);
        body.set("scriptReportLocation", scriptReportLocation);
        body.put("datetimenotzReadMode", datetimenotzReadMode);
        body.put("dateonlyReadMode", dateonlyReadMode);
        body.put("readTimestampWithoutTimezoneAsString", readTimestampWithoutTimezoneAsString);
        body.put("readDateAsString", readDateAsString);
        for (String key : List.of("scriptSteps", "scriptInputSchema", "scriptOutputSchema", "scriptReportLocation",
                "preQueries", "postQueries")) {
            if (body.get(key) == null) {
                body.putNull(key);
            }
        }
        return body;
    }
}
