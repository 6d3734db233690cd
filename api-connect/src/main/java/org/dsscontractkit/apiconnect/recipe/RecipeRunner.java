package org.dsscontractkit.apiconnect.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.dataset.ResponseMetadata;
import org.dsscontractkit.apiconnect.dataset.ResultColumns;
import org.dsscontractkit.apiconnect.dataset.RowMapper;
import org.dsscontractkit.apiconnect.dataset.RowSink;
import org.dsscontractkit.apiconnect.pagination.HttpStatusException;
import org.dsscontractkit.apiconnect.pagination.LoopDetectedException;
import org.dsscontractkit.apiconnect.pagination.Page;
import org.dsscontractkit.apiconnect.transport.ApiResponse;
import org.dsscontractkit.apiconnect.transport.RequestSpec;
import org.dsscontractkit.apiconnect.transport.TransportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recipe mode: one call (with its pages) per input row, N rows in flight, output in input order. A failing call
 * never stops the run (except with behaviour raise, or a pagination loop, fatal as in the plugin): it becomes
 * the plugin's error column(s).
 */
public final class RecipeRunner {
    /** What was done. */
    public record Result(long inputRows, long outputRows, long failedRows) {
    }

    private record RowResult(List<ObjectNode> rows, boolean failed, String error) {
    }

    private final ApiConnect api;
    private final RecipeOptions options;
    private final RowMapper mapper;
    private final ResultColumns resultColumns;
    private final Set<String> toolColumns = new HashSet<>();

    public RecipeRunner(ApiConnect api, RecipeOptions options) {
        this(api, options, ResultColumns.defaults());
    }

    /** @param resultColumns renames a response field named like an input column or a dku_* column */
    public RecipeRunner(ApiConnect api, RecipeOptions options, ResultColumns resultColumns) {
        this.api = api;
        this.options = options;
        this.mapper = new RowMapper(options.raw());
        this.resultColumns = resultColumns;
        if (options.behaviour() != ErrorBehaviour.IGNORE) toolColumns.add(ResponseMetadata.ERROR);
        if (options.metadata()) toolColumns.addAll(ResponseMetadata.COLUMNS);
        if (api.openApi() != null) toolColumns.add(DatasetFetch.VIOLATIONS);
    }

    /**
     * Columns the output always starts with: the input's, then dku_error for keep-error-column (as the plugin with
     * a data path). The result columns follow, then the metadata columns and openapi_violations.
     */
    public List<String> leadingColumns(List<String> header) {
        List<String> cols = new ArrayList<>(header);
        if (options.behaviour() == ErrorBehaviour.KEEP_ERROR_COLUMN) cols.add(ResponseMetadata.ERROR);
        return cols;
    }

    public Result run(InputTable input, long totalRows, RowSink sink, ProgressListener progress) {
        Map<String, String> variableNames = options.variableNames(input.header(), input.file().toString());
        int workers = Math.max(1, options.concurrency());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "api-connect-recipe");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<RowResult>> window = new ArrayDeque<>();
        long[] counts = new long[4]; // input, output, failed, done
        progress.started(totalRows);
        try {
            Map<String, String> row;
            while ((row = input.next()) != null) {
                Map<String, String> inputRow = row;
                long rowNumber = ++counts[0];
                window.add(pool.submit(() -> process(inputRow, variableNames, rowNumber)));
                while (window.size() >= workers * 4L) drain(window.poll(), sink, counts, progress);
            }
            while (!window.isEmpty()) drain(window.poll(), sink, counts, progress);
        } finally {
            window.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
        progress.finished(counts[0], counts[2]);
        return new Result(counts[0], counts[1], counts[2]);
    }

    private void drain(Future<RowResult> future, RowSink sink, long[] counts, ProgressListener progress) {
        RowResult result;
        try {
            // Rows already written reach a streamed output before we wait for the next ones.
            if (!future.isDone()) sink.flush();
            result = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecipeFailedException("interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new RecipeFailedException(String.valueOf(cause));
        }
        if (result.failed()) counts[2]++;
        for (ObjectNode r : result.rows()) {
            try {
                sink.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts[1]++;
        }
        counts[3]++;
        progress.rowDone(counts[3], result.failed());
    }

    private RowResult process(Map<String, String> input, Map<String, String> variableNames, long rowNumber) {
        Map<String, String> rowVars = new LinkedHashMap<>();
        variableNames.forEach((column, variable) -> rowVars.put(variable, input.get(column)));
        Map<String, Object> vars = api.variables(rowVars);
        List<ObjectNode> out = new ArrayList<>();
        boolean hasPath = !api.pagination().dataPath().isEmpty();
        ApiResponse[] last = {null};
        RequestSpec[] lastRequest = {null};
        try {
            RequestSpec request = api.render(vars);
            api.pager().fetch(request, vars, page -> {
                last[0] = page.response();
                lastRequest[0] = page.request();
                if (!page.dataPathFound()) {
                    throw new DataPathMissing(page);
                }
                int before = out.size();
                emitPage(page, input, hasPath, out);
                return out.size() - before;
            });
            if (out.isEmpty()) {
                // An empty answer (204, []) keeps its input row, so no input silently disappears.
                ObjectNode r = base(input);
                if (last[0] != null) decorate(r, lastRequest[0], last[0]);
                out.add(r);
            }
            return new RowResult(out, false, null);
        } catch (LoopDetectedException e) {
            throw e;
        } catch (HttpStatusException e) {
            return failure(input, rowNumber, e.getMessage(), e.request(), e.response(), 0, hasPath, out);
        } catch (DataPathMissing e) {
            String msg = "Extraction key '" + api.pagination().dataPath() + "' was not found in the incoming data";
            return failure(input, rowNumber, msg, e.page.request(), e.page.response(), 0, hasPath, out);
        } catch (TransportException e) {
            return failure(input, rowNumber, "Error: " + e.getMessage(), null, null, e.durationNanos(), hasPath, out);
        } catch (org.dsscontractkit.apiconnect.template.MissingVariableException | IllegalArgumentException e) {
            return failure(input, rowNumber, "Error: " + api.redactor().redact(e.getMessage()), null, null, 0, hasPath, out);
        }
    }

    private void emitPage(Page page, Map<String, String> input, boolean hasPath, List<ObjectNode> out) {
        if (options.raw() && !hasPath) {
            // Plugin: in raw mode without a data path the whole response is one api_response value.
            if (page.json() == null) return;
            ObjectNode r = merge(input, mapper.map(page.json()));
            decorate(r, page.request(), page.response());
            out.add(r);
            return;
        }
        for (JsonNode record : page.records()) {
            ObjectNode data = mapper.map(record.isTextual() ? TextNode.valueOf(record.asText()) : record);
            ObjectNode r = merge(input, data);
            decorate(r, page.request(), page.response());
            out.add(r);
        }
    }

    /** Input columns, dku_error, then the result's fields; a field named like a column already there is renamed. */
    private ObjectNode merge(Map<String, String> input, ObjectNode data) {
        return resultColumns.place(base(input), data, toolColumns);
    }

    private ObjectNode base(Map<String, String> input) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        input.forEach(r::put);
        if (options.behaviour() == ErrorBehaviour.KEEP_ERROR_COLUMN) r.putNull(ResponseMetadata.ERROR);
        return r;
    }

    private void decorate(ObjectNode r, RequestSpec request, ApiResponse response) {
        if (options.metadata()) ResponseMetadata.add(r, response, api.redactor());
        if (api.openApi() != null) {
            List<String> v = request == null ? List.of() : api.openApi().validate(request, response);
            r.put(DatasetFetch.VIOLATIONS, String.join("\n", v));
        }
    }

    private RowResult failure(Map<String, String> input, long rowNumber, String message, RequestSpec request,
                              ApiResponse response, long durationNanos, boolean hasPath, List<ObjectNode> done) {
        String redacted = api.redactor().redact(message);
        switch (options.behaviour()) {
            case RAISE -> throw new RecipeFailedException("input row " + rowNumber + ": " + redacted);
            case IGNORE -> {
                List<ObjectNode> rows = new ArrayList<>(done);
                if (!hasPath && done.isEmpty()) {
                    ObjectNode r = base(input);
                    if (options.raw()) r.put(RowMapper.API_RESPONSE, "{}");
                    rows.add(r);
                }
                return new RowResult(rows, true, redacted);
            }
            default -> {
                List<ObjectNode> rows = new ArrayList<>(done);
                ObjectNode r = base(input);
                r.put(ResponseMetadata.ERROR, redacted);
                if (options.metadata()) {
                    if (response != null) ResponseMetadata.add(r, response, api.redactor());
                    else ResponseMetadata.addTransportFailure(r, durationNanos);
                }
                if (api.openApi() != null && response != null && request != null) {
                    r.put(DatasetFetch.VIOLATIONS, String.join("\n", api.openApi().validate(request, response)));
                }
                rows.add(r);
                return new RowResult(rows, true, redacted);
            }
        }
    }

    /** A 2xx page without the data path: handled per error behaviour like an HTTP error. */
    private static final class DataPathMissing extends RuntimeException {
        final transient Page page;

        DataPathMissing(Page page) {
            super(null, null, false, false);
            this.page = page;
        }
    }
}
