package org.dsscontractkit.apiconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.dataset.RowMapper;
import org.dsscontractkit.apiconnect.dataset.RowSink;
import org.dsscontractkit.apiconnect.preset.PresetLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shortcuts for tests: write a preset, build an ApiConnect, collect rows in memory. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiConnect api(Path preset, ApiConnect.Options options, Set<String> columns) {
        return ApiConnect.create(new PresetLoader().load(List.of(preset)), options, columns);
    }

    public static ApiConnect api(Path dir, String yaml) {
        return api(write(dir, "preset.yaml", yaml), ApiConnect.Options.defaults().withMaxRetries(0), Set.of());
    }

    public static ApiConnect api(Path dir, String yaml, Map<String, String> env) {
        return api(write(dir, "preset.yaml", yaml), ApiConnect.Options.defaults().withMaxRetries(0).withEnv(env::get), Set.of());
    }

    public static List<ObjectNode> fetch(ApiConnect api, boolean raw) {
        MemorySink sink = new MemorySink();
        new DatasetFetch(api, new RowMapper(raw), false).run(sink);
        return sink.rows;
    }

    public static final class MemorySink implements RowSink {
        public final List<ObjectNode> rows = new ArrayList<>();

        @Override public synchronized void write(ObjectNode row) { rows.add(row); }

        @Override public long rowsWritten() { return rows.size(); }

        @Override public void close() { }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
}
