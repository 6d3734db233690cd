package org.dsscontractkit.contract.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}).
 *
 * <p>The fuzz needs what ordinary clients refuse to send: %-garbage and raw unicode in the request-target, bodies on
 * a GET, a multipart Content-Type with no body. It also needs to tell apart an answer, a connection dropped before the
 * answer was complete, and a server that never answers: java.net.http hides the first of these behind its own
 * validation and retries. Large bodies are written by a separate thread while the answer is read, so that a server
 * that answers early (413) and stops reading is seen answering rather than blocking the writer.</p>
 */
final class RawHttpClient implements AutoCloseable {

    /** Bodies above this are written by a writer thread, concurrently with reading the answer. */
    private static final int INLINE_BODY = 256 * 1024;
    /** Kept of a successful answer's body (not judged: only shown). */
    static final int KEPT_BODY = 64 * 1024;
    /** Kept of an error's body, all of it up to this: an error that echoes a huge input is still a DSSError. */
    static final int KEPT_ERROR_BODY = 32 * 1024 * 1024;
    private static final long MAX_BODY = 256L * 1024 * 1024;

    record Response(int status, String reason, Map<String, List<String>> headers, byte[] body, long bodyLength) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    enum Failure {
        /** nothing listens (the server is gone) */
        REFUSED,
        /** closed or reset before the answer was complete */
        DROPPED,
        /** no complete answer within the time limit */
        TIMEOUT
    }

    /** What came of a request: an answer, or a failure and what was seen of it. */
    record Outcome(Response response, Failure failure, String failureDetail, long millis) {

        boolean answered() {
            return response != null;
        }
    }

    private final String host;
    private final int port;
    private final boolean tls;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService writers;

    RawHttpClient(URI root, Duration timeout) {
        this.host = root.getHost();
        this.tls = "https".equalsIgnoreCase(root.getScheme());
        this.port = root.getPort() > 0 ? root.getPort() : tls ? 443 : 80;
        this.timeout = timeout;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("fuzz-watchdog"));
        this.writers = Executors.newCachedThreadPool(daemon("fuzz-writer"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    Outcome send(FuzzRequest request) {
        long start = System.nanoTime();
        AtomicBoolean timedOut = new AtomicBoolean();
        Socket socket = null;
        ScheduledFuture<?> killer = null;
        Future<?> writing = null;
        IOException writeFailure = null;
        CountingInput in = null;
        try {
            socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 10_000));
            } catch (ConnectException refused) {
                return new Outcome(null, Failure.REFUSED, "connection refused: " + refused.getMessage(), elapsed(start));
            }
            Socket open = socket;
            killer = watchdog.schedule(() -> {
                timedOut.set(true);
                closeQuietly(open);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            if (request.bodyLength() > INLINE_BODY) {
                writing = writers.submit(() -> {
                    write(request, out);
                    return null;
                });
            } else {
                try {
                    write(request, out);
                } catch (IOException e) {
                    // the server may have answered and closed already: the answer decides
                    writeFailure = e;
                }
            }
            in = new CountingInput(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            Response response = read(in, request.method());
            return new Outcome(response, null, null, elapsed(start));
        } catch (SocketTimeoutException e) {
            return new Outcome(null, Failure.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms"
                    + received(in), elapsed(start));
        } catch (IOException e) {
            if (timedOut.get()) {
                return new Outcome(null, Failure.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms"
                        + received(in), elapsed(start));
            }
            String what = e instanceof EOFException ? "connection closed" : e.getClass().getSimpleName() + ": " + e.getMessage();
            String write = writeFailure != null ? "; writing the request failed: " + writeFailure.getMessage()
                    : writing != null && writing.isDone() && failed(writing) ? "; writing the request failed" : "";
            return new Outcome(null, Failure.DROPPED, what + received(in) + write, elapsed(start));
        } finally {
            if (killer != null) {
                killer.cancel(false);
            }
            closeQuietly(socket);
            if (writing != null) {
                writing.cancel(true);
            }
        }
    }

    private static boolean failed(Future<?> writing) {
        try {
            writing.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static String received(CountingInput in) {
        long count = in == null ? 0 : in.count;
        return count == 0 ? " before any byte of an answer" : " after " + count + " bytes of the answer";
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void write(FuzzRequest request, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder(512);
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(port == (tls ? 443 : 80) ? "" : ":" + port).append("\r\n");
        for (FuzzRequest.Header header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        byte[] body = request.body();
        if (body != null && request.chunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if ("POST".equals(request.method()) || "PUT".equals(request.method())) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null && request.chunked()) {
            for (int from = 0; from < body.length; from += 64 * 1024) {
                int length = Math.min(64 * 1024, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, length);
                out.write(CRLF);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    static Response read(InputStream in, String method) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP status line: " + FuzzRequest.abbreviate(statusLine, 80));
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int keep = status >= 400 ? KEPT_ERROR_BODY : KEPT_BODY;
            long length = 0;
            String encoding = first(headers, "transfer-encoding");
            String contentLength = first(headers, "content-length");
            if ("HEAD".equals(method) || status == 204 || status == 304) {
                length = 0;
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                length = readChunked(in, kept, keep);
            } else if (contentLength != null) {
                long expected;
                try {
                    expected = Long.parseLong(contentLength.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("unreadable Content-Length: " + contentLength);
                }
                length = copy(in, kept, keep, expected, true);
            } else {
                length = copy(in, kept, keep, MAX_BODY, false);
            }
            return new Response(status, parts.length > 2 ? parts[2] : "", headers, kept.toByteArray(), length);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long readChunked(InputStream in, ByteArrayOutputStream kept, int keep) throws IOException {
        long total = 0;
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("unreadable chunk size: " + FuzzRequest.abbreviate(size, 40));
            }
            if (chunk == 0) {
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not judged
                }
                return total;
            }
            total += copy(in, kept, keep, chunk, true);
            line(in);
            if (total > MAX_BODY) {
                return total;
            }
        }
    }

    /** Copies up to {@code length} bytes, keeping the first {@code keep}; {@code exact}: fewer is a failure. */
    private static long copy(InputStream in, ByteArrayOutputStream kept, int keep, long length, boolean exact)
            throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long copied = 0;
        while (copied < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied));
            if (n < 0) {
                if (exact) {
                    throw new EOFException("answer body ended after " + copied + " of " + length + " bytes");
                }
                return copied;
            }
            kept.write(buffer, 0, (int) Math.max(0, Math.min(n, keep - kept.size())));
            copied += n;
        }
        return copied;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("answer line longer than 64 KB");
            }
            line.write(b);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        writers.shutdownNow();
    }

    /** Counts the bytes of the answer read, to say how far a dropped answer got. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
