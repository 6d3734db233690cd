package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.server.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The audit trail: one JSON object per line in {@code logs/audit.log}, like DSS's audit log. */
public final class AuditLog implements AutoCloseable {
    public static final String FILE_NAME = "audit.log";
    private final BufferedWriter out;

    public AuditLog(Path logDir) {
        try {
            out = Files.newBufferedWriter(logDir.resolve(FILE_NAME), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void record(String msgType, String authUser, ObjectNode details) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("msgType", msgType);
        line.put("authUser", authUser);
        line.setAll(details);
        try {
            out.write(Json.write(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void custom(String authUser, String customType, JsonNode params) {
        ObjectNode d = Json.object();
        d.put("customMsgType", customType);
        d.set("customParams", params);
        record("custom", authUser, d);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing on shutdown
        }
    }
}
