package org.dsscontractkit.reference.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dsscontractkit.reference.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A managed folder file far larger than the server's heap goes in and comes back out byte for byte: the real jar runs
 * as a child process with a 64 MB heap, a generated stream (no file in the repository, nothing held in memory on this
 * side either) is uploaded as the Python client's {@code put_file} sends it (multipart, path with its slashes), then
 * downloaded and compared by SHA-256. 320 MiB in the build (five times the heap, a few seconds on a quiet machine);
 * {@code -Dfolders.bigFileBytes=1073741824} for the 1 GiB run (figures in the README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderFileStreamingIT {
    private static final String ADMIN_KEY = "stream-admin-key-0123456789";
    private static final long SIZE = Long.getLong("folders.bigFileBytes", 320L * 1024 * 1024);
    private static final String HEAP = "-Xmx64m";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    private ServerProcess server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("dss-folder-stream");
        server = ServerProcess.start(dataDir, ADMIN_KEY, List.of(HEAP), List.of("--max-upload-size", (SIZE + 1024 * 1024) + ""));
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) server.stop();
        if (dataDir != null) {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dip/publicapi" + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN_KEY + ":").getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest r) throws Exception {
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(r.uri() + " -> " + res.body() + "\nserver output:\n" + server.output()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    @Test
    void aFileLargerThanTheHeapIsStreamedBothWays() throws Exception {
        send(request("/projects/").POST(HttpRequest.BodyPublishers.ofString(
                "{\"projectKey\":\"BIG\",\"name\":\"Big\",\"owner\":\"admin\"}")).build());
        String id = send(request("/projects/BIG/managedfolders/").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"big\",\"projectKey\":\"BIG\",\"type\":null,\"params\":{\"connection\":\"filesystem_folders\",\"path\":\"/${projectKey}/${odbId}\"}}"))
                .build()).get("id").asText();
        String file = "/projects/BIG/managedfolders/" + id + "/contents//dumps/big.bin";

        String boundary = "----dss" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\nExpires: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        long t0 = System.nanoTime();
        JsonNode stored = send(request(file).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new java.io.ByteArrayInputStream(head), new GeneratedBytes(SIZE, sent), new java.io.ByteArrayInputStream(tail))))))
                .build());
        long upload = System.nanoTime() - t0;
        assertThat(stored.get("path").asText()).isEqualTo("/dumps/big.bin");
        assertThat(stored.get("size").asLong()).isEqualTo(SIZE);

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long t1 = System.nanoTime();
        HttpResponse<InputStream> down = http.send(request(file).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(SIZE);
        long total = 0;
        try (InputStream in = down.body()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                received.update(buf, 0, n);
                total += n;
            }
        }
        long download = System.nanoTime() - t1;
        assertThat(total).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        assertThat(server.isAlive()).as("no OutOfMemoryError:\n" + server.output()).isTrue();
        assertThat(server.output()).doesNotContain("OutOfMemoryError");
        System.out.printf("[folders] %d MB through a %s server: upload %.1f s (%.0f MB/s), download %.1f s (%.0f MB/s)%n",
                SIZE >> 20, HEAP, upload / 1e9, (SIZE >> 20) / (upload / 1e9), download / 1e9, (SIZE >> 20) / (download / 1e9));
    }

    /** {@code size} deterministic, non-repeating-looking bytes, generated as read, digested as they go. */
    private static final class GeneratedBytes extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedBytes(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) return -1;
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }
    }
}
