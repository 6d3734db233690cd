package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The server's own log files (server log, audit log), listed and read back through the API. */
public final class LogService {
    private static final int MAX_BYTES = 1024 * 1024;
    private final Path logDir;

    public LogService(Path logDir) { this.logDir = logDir; }

    public ObjectNode list() {
        ObjectNode out = Json.object();
        ArrayNode logs = out.putArray("logs");
        try (Stream<Path> s = Files.list(logDir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                ObjectNode l = logs.addObject();
                l.put("name", f.getFileName().toString());
                l.put("totalSize", Files.size(f));
                l.put("lastModified", Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The end of a log (at most 1 MiB): its text, sent as one JSON string since the Python client parses JSON. */
    public String read(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw ApiException.notFound("Log '" + name + "'");
        }
        Path f = logDir.resolve(name);
        if (!Files.isRegularFile(f)) throw ApiException.notFound("Log '" + name + "'");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long size = raf.length();
            long start = Math.max(0, size - MAX_BYTES);
            byte[] buf = new byte[(int) (size - start)];
            raf.seek(start);
            raf.readFully(buf);
            String content = new String(buf, StandardCharsets.UTF_8);
            if (start > 0) {
                int nl = content.indexOf('\n');
                content = nl >= 0 ? content.substring(nl + 1) : content;
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
