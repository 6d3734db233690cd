package org.dsscontractkit.apiconnect.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.pagination.Page;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dataset mode (the plugin's Custom REST API dataset): every page, every record, one row each, streamed to a sink.
 * Any HTTP error or a missing data path fails the read, as in the plugin.
 */
public final class DatasetFetch {
    public static final String VIOLATIONS = "openapi_violations";

    /** What was done. */
    public record Result(int pages, long rows) {
    }

    /** The data path is absent from a page. */
    public static class DataPathNotFoundException extends RuntimeException {
        public DataPathNotFoundException(String message) { super(message); }
    }

    private final ApiConnect api;
    private final RowMapper mapper;
    private final boolean metadata;
    private final ResultColumns resultColumns;
    private final Set<String> toolColumns = new HashSet<>();

    public DatasetFetch(ApiConnect api, RowMapper mapper, boolean metadata) {
        this(api, mapper, metadata, ResultColumns.defaults());
    }

    /** @param resultColumns renames a record field named like a metadata column or openapi_violations */
    public DatasetFetch(ApiConnect api, RowMapper mapper, boolean metadata, ResultColumns resultColumns) {
        this.api = api;
        this.mapper = mapper;
        this.metadata = metadata;
        this.resultColumns = resultColumns;
        if (metadata) toolColumns.addAll(ResponseMetadata.COLUMNS);
        if (api.openApi() != null) toolColumns.add(VIOLATIONS);
    }

    public Result run(RowSink sink) {
        Map<String, Object> vars = api.variables(Map.of());
        RequestSpec first = api.render(vars);
        int[] pages = {0};
        long[] rows = {0};
        api.pager().fetch(first, vars, page -> {
            pages[0]++;
            if (!page.dataPathFound()) {
                throw new DataPathNotFoundException("The data path '" + api.pagination().dataPath()
                        + "' was not found in the response of page " + (page.index() + 1));
            }
            List<String> violations = api.openApi() == null ? List.of() : api.openApi().validate(page.request(), page.response());
            int n = 0;
            for (JsonNode record : page.records()) {
                ObjectNode row = row(mapper.map(record));
                decorate(row, page, violations);
                write(sink, row);
                n++;
            }
            if (page.records().isEmpty() && page.json() != null && page.json().isTextual()) {
                ObjectNode row = row(mapper.map(TextNode.valueOf(page.json().asText())));
                decorate(row, page, violations);
                write(sink, row);
                n++;
            }
            rows[0] += n;
            flush(sink);
            return n;
        });
        return new Result(pages[0], rows[0]);
    }

    private ObjectNode row(ObjectNode data) {
        return toolColumns.isEmpty() ? data : resultColumns.place(JsonNodeFactory.instance.objectNode(), data, toolColumns);
    }

    private void decorate(ObjectNode row, Page page, List<String> violations) {
        if (metadata) ResponseMetadata.add(row, page.response(), api.redactor());
        if (api.openApi() != null) row.put(VIOLATIONS, violations.isEmpty() ? "" : String.join("\n", violations));
    }

    private static void flush(RowSink sink) {
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(RowSink sink, ObjectNode row) {
        try {
            sink.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
