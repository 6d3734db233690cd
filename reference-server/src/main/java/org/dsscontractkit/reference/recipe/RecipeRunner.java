package org.dsscontractkit.reference.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.dataset.RowSink;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the recipe that builds a dataset, for a job: a {@code sync} copies its input's rows (column by name), a
 * {@code sql_query} runs its SQL on its input's connection; the rows replace the output's data. An output whose
 * schema is empty takes the schema the recipe produces.
 */
public final class RecipeRunner {
    public static final Set<String> RUNNABLE = Set.of("sync", "sql_query");

    /** What the job lets a recipe see of it. */
    public interface Progress {
        boolean abortRequested();

        void log(String level, String message);
    }

    /** Thrown out of a run when the job was aborted. */
    public static final class Aborted extends RuntimeException {
        Aborted() { super(null, null, false, false); }
    }

    private final RecipeService recipes;
    private final DatasetService datasets;
    private final SqlQueryService sql;

    public RecipeRunner(RecipeService recipes, SqlQueryService sql) {
        this.recipes = recipes;
        this.datasets = recipes.datasets();
        this.sql = sql;
    }

    /** @return the name of the recipe that builds the dataset, if one does */
    public Optional<String> producer(String projectKey, String dataset) {
        return recipes.producerOf(projectKey, dataset).map(RecipeService.Recipe::name);
    }

    /**
     * Builds a dataset with its recipe.
     *
     * @return the number of rows written
     * @throws ApiException  when the recipe cannot run (its type, its inputs, its output's type)
     * @throws Aborted       when the job was aborted meanwhile (the output keeps its previous data)
     */
    public long build(Caller caller, String projectKey, String dataset, Progress progress) throws IOException, SQLException {
        RecipeService.Recipe recipe = recipes.producerOf(projectKey, dataset)
                .orElseThrow(() -> ApiException.notFound("Recipe building '" + projectKey + "." + dataset + "'"));
        ObjectNode out = datasets.find(projectKey, dataset)
                .orElseThrow(() -> ApiException.notFound("Dataset '" + projectKey + "." + dataset + "'"));
        if (!datasets.isFileBased(out)) {
            throw ApiException.badRequest("Output '" + dataset + "' is a " + out.path("type").asText()
                    + " dataset: this server writes recipe outputs to Filesystem and UploadedFiles datasets only");
        }
        List<String> inputs = RecipeService.refs(recipe.definition().path("inputs"));
        return switch (recipe.type()) {
            case "sync" -> sync(caller, projectKey, out, inputs, progress);
            case "sql_query" -> sqlQuery(caller, projectKey, recipe, out, inputs, progress);
            default -> throw new ApiException(400, ErrorTypes.UNSUPPORTED, "Recipe type " + recipe.type() + " cannot run on this server (it runs "
                    + RUNNABLE + ")");
        };
    }

    private long sync(Caller caller, String projectKey, ObjectNode out, List<String> inputs, Progress progress) throws IOException {
        if (inputs.size() != 1) throw ApiException.badRequest("A sync recipe copies one input, this one has " + inputs.size());
        ObjectNode in = recipes.dataset(caller, projectKey, inputs.get(0));
        List<String> inColumns = names(in.path("schema").path("columns"));
        List<String> header = outputColumns(caller, out, in.path("schema").path("columns"), progress);
        int[] from = mapping(header, inColumns);
        progress.log("INFO", "Copying " + in.path("projectKey").asText() + "." + in.path("name").asText() + " into "
                + out.path("name").asText() + " (" + header.size() + " columns)");
        return datasets.files().replaceWithRows(out.path("projectKey").asText(), out.path("name").asText(), out.path("formatParams"), header,
                sink -> datasets.read(in, datasets.select(in, null), abortable(from, sink, progress)));
    }

    private long sqlQuery(Caller caller, String projectKey, RecipeService.Recipe recipe, ObjectNode out, List<String> inputs,
                          Progress progress) throws IOException, SQLException {
        String query = recipe.payload();
        if (query == null || query.isBlank()) throw ApiException.badRequest("Recipe " + recipe.name() + " has no SQL (its payload is empty)");
        String connection = connectionOf(caller, projectKey, recipe, inputs);
        ArrayNode produced = sql.describe(caller, connection, query, "payload");
        List<String> header = outputColumns(caller, out, produced, progress);
        int[] from = mapping(header, names(produced));
        progress.log("INFO", "Running the SQL of " + recipe.name() + " on connection " + connection);
        return datasets.files().replaceWithRows(out.path("projectKey").asText(), out.path("name").asText(), out.path("formatParams"), header,
                sink -> {
                    RowSink target = abortable(from, sink, progress);
                    try {
                        sql.execute(caller, connection, query, "payload", statement -> { }, new SqlQueryService.Rows() {
                            @Override public void row(List<String> cells) throws IOException {
                                target.row(cells);
                            }
                        });
                    } catch (SQLException e) {
                        throw new IOException("SQL of recipe " + recipe.name() + " failed: " + e.getMessage(), e);
                    }
                });
    }

    /** The SQL connection a sql_query runs on: {@code params.connection}, else its first input's. */
    String connectionOf(Caller caller, String projectKey, RecipeService.Recipe recipe, List<String> inputs) {
        String connection = recipe.definition().path("params").path("connection").asText("");
        if (!connection.isEmpty()) return connection;
        for (String ref : inputs) {
            String c = recipes.dataset(caller, projectKey, ref).path("params").path("connection").asText("");
            if (!c.isEmpty()) return c;
        }
        throw ApiException.badRequest("Recipe " + recipe.name() + " has no input on an SQL connection (and no params.connection)"
                + ": nothing to run its SQL on");
    }

    /** The output's columns; an output without any takes those the recipe produces. */
    private List<String> outputColumns(Caller caller, ObjectNode out, JsonNode produced, Progress progress) {
        JsonNode columns = out.path("schema").path("columns");
        if (columns.isArray() && !columns.isEmpty()) return names(columns);
        ObjectNode schema = Json.object();
        ArrayNode cols = schema.putArray("columns");
        for (JsonNode c : produced) cols.addObject().put("name", c.path("name").asText()).put("type", c.path("type").asText("string"));
        datasets.setSchema(caller, out.path("projectKey").asText(), out.path("name").asText(), schema);
        progress.log("INFO", "Output " + out.path("name").asText() + " had no schema: it takes the recipe's " + names(produced));
        return names(produced);
    }

    private static List<String> names(JsonNode columns) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : columns) out.add(c.path("name").asText());
        return out;
    }

    /** For each output column, the produced column of the same name (case-insensitive), or -1: left empty. */
    static int[] mapping(List<String> output, List<String> produced) {
        int[] from = new int[output.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = -1;
            for (int j = 0; j < produced.size(); j++) {
                if (produced.get(j).equalsIgnoreCase(output.get(i))) {
                    from[i] = j;
                    break;
                }
            }
        }
        return from;
    }

    private static RowSink abortable(int[] from, RowSink sink, Progress progress) {
        long[] rows = {0};
        List<String> mapped = new ArrayList<>(from.length);
        return new RowSink() {
            @Override public void row(List<String> cells) throws IOException {
                if ((++rows[0] & 0x3FF) == 0 && progress.abortRequested()) throw new Aborted();
                mapped.clear();
                for (int f : from) mapped.add(f >= 0 && f < cells.size() ? cells.get(f) : "");
                sink.row(mapped);
            }
        };
    }
}
