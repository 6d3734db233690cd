package org.dsscontractkit.apinode.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;

/**
 * A SQL query endpoint: one prepared statement whose {@code ?} placeholders are bound in order from the parameters
 * param1, param2, ... (or the names declared in the service file). Answers seed 002's shape: {@code results[]} with
 * {@code columns} (name + database type name), {@code rows} (every value as a string) and {@code updatedRows}.
 */
public final class SqlEndpoint implements Endpoint {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public enum ParameterType { STRING, INTEGER, DOUBLE, BOOLEAN, DATE }

    record Parameter(String name, ParameterType type) {
    }

    private final String id;
    private final String connection;
    private final String query;
    private final List<Parameter> parameters;
    private final int maxRows;

    private SqlEndpoint(String id, String connection, String query, List<Parameter> parameters, int maxRows) {
        this.id = id;
        this.connection = connection;
        this.query = query;
        this.parameters = parameters;
        this.maxRows = maxRows;
    }

    public static SqlEndpoint compile(JsonNode config, String path) {
        String query = config.get("query").asText();
        int placeholders = Placeholders.count(query);
        List<Parameter> parameters = new ArrayList<>();
        JsonNode declared = config.get("parameters");
        if (declared != null) {
            if (declared.size() != placeholders) {
                throw new org.dsscontractkit.apinode.service.ServiceFileException(path + "/parameters", "placeholderCount",
                        "declares " + declared.size() + " parameters but the query has " + placeholders + " ? placeholders");
            }
            for (JsonNode p : declared) {
                ParameterType type = p.has("type") ? ParameterType.valueOf(p.get("type").asText()) : null;
                parameters.add(new Parameter(p.get("name").asText(), type));
            }
        } else {
            for (int i = 1; i <= placeholders; i++) {
                parameters.add(new Parameter("param" + i, null));
            }
        }
        return new SqlEndpoint(config.get("id").asText(), config.get("connection").asText(), query, parameters,
                config.path("maxRows").asInt(10_000));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "SQL_QUERY";
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    public ObjectNode query(JsonNode body, CallContext call) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw NodeErrors.badInput("InvalidSqlParameters", "The request body must be a JSON object of parameter name -> value");
        }
        JsonNode given = body == null || body.isNull() ? F.objectNode() : body;
        checkParameterNames(given);
        DataSource dataSource = call.environment().dataSource(connection).orElseThrow(() -> NodeErrors.of(503,
                "ConnectionUnavailable", "SQL endpoint '" + id + "' uses connection '" + connection + "' which does not exist on this API node"));
        call.timing().end("preProcessing");
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(query)) {
            call.timing().end("wait");
            statement.setMaxRows(maxRows);
            for (int i = 0; i < parameters.size(); i++) {
                bind(statement, i + 1, parameters.get(i), given.get(parameters.get(i).name()));
            }
            ArrayNode results = F.arrayNode();
            boolean isResultSet = statement.execute();
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        results.add(resultOf(rs));
                    }
                } else {
                    int updated = statement.getUpdateCount();
                    if (updated == -1) {
                        break;
                    }
                    ObjectNode result = results.addObject();
                    result.putArray("columns");
                    result.putArray("rows");
                    result.put("updatedRows", updated);
                }
                isResultSet = statement.getMoreResults();
            }
            call.timing().end("execution");
            ObjectNode answer = F.objectNode();
            answer.set("results", results);
            return answer;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22")) {
                throw NodeErrors.badInput("InvalidSqlParameter", "A parameter value does not fit the query: " + firstLine(e.getMessage()));
            }
            if (state.startsWith("23")) {
                throw NodeErrors.of(409, "SqlConstraintViolation", firstLine(e.getMessage()));
            }
            throw NodeErrors.of(500, "SqlQueryFailed", "The query of endpoint '" + id + "' failed on connection '" + connection + "': "
                    + firstLine(e.getMessage()));
        }
    }

    private void checkParameterNames(JsonNode given) {
        List<String> expected = parameterNames();
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            if (!given.has(name)) {
                missing.add(name);
            }
        }
        List<String> unexpected = new ArrayList<>();
        Iterator<String> names = given.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!expected.contains(name)) {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder message = new StringBuilder("SQL endpoint '" + id + "' takes " + expected.size() + " parameter(s) "
                    + expected + ", got " + given.size());
            if (!missing.isEmpty()) {
                message.append("; missing ").append(missing);
            }
            if (!unexpected.isEmpty()) {
                message.append("; unexpected ").append(unexpected);
            }
            throw NodeErrors.badInput("SqlParameterCountMismatch", message.toString())
                    .at(!missing.isEmpty() ? missing.get(0) : unexpected.get(0), "count");
        }
    }

    private static void bind(PreparedStatement statement, int index, Parameter parameter, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(index, Types.VARCHAR);
            return;
        }
        if (value.isContainerNode()) {
            throw NodeErrors.badInput("InvalidSqlParameter", "Parameter '" + parameter.name() + "' must be a scalar, not " + value.getNodeType().name().toLowerCase());
        }
        if (parameter.type() != null) {
            bindTyped(statement, index, parameter, value);
            return;
        }
        if (value.isIntegralNumber()) {
            statement.setLong(index, value.longValue());
        } else if (value.isNumber()) {
            statement.setBigDecimal(index, value.decimalValue());
        } else if (value.isBoolean()) {
            statement.setBoolean(index, value.booleanValue());
        } else {
            statement.setString(index, value.asText());
        }
    }

    private static void bindTyped(PreparedStatement statement, int index, Parameter parameter, JsonNode value) throws SQLException {
        String text = value.asText().trim();
        try {
            switch (parameter.type()) {
                case INTEGER -> statement.setLong(index, value.isNumber() ? value.longValue() : Long.parseLong(text));
                case DOUBLE -> statement.setBigDecimal(index, value.isNumber() ? value.decimalValue() : new BigDecimal(text));
                case BOOLEAN -> {
                    if (!value.isBoolean() && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException("not a boolean");
                    }
                    statement.setBoolean(index, value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(text.toLowerCase()));
                }
                case DATE -> statement.setDate(index, Date.valueOf(LocalDate.parse(text)));
                default -> statement.setString(index, value.asText());
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw NodeErrors.badInput("InvalidSqlParameter", "Parameter '" + parameter.name() + "' must be " + parameter.type()
                    + ", got '" + text + "'");
        }
    }

    private static ObjectNode resultOf(ResultSet rs) throws SQLException {
        ObjectNode result = F.objectNode();
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        ArrayNode columns = result.putArray("columns");
        for (int i = 1; i <= n; i++) {
            columns.addObject().put("name", meta.getColumnLabel(i)).put("type", meta.getColumnTypeName(i).toLowerCase());
        }
        ArrayNode rows = result.putArray("rows");
        while (rs.next()) {
            ArrayNode row = rows.addArray();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
        }
        result.put("updatedRows", 0);
        return result;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** For tests and admin views. */
    public Map<String, Object> describe() {
        return Map.of("connection", connection, "query", query, "parameters", parameterNames());
    }
}
