package org.dsscontractkit.contract.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP/1.1 server on a raw socket that misbehaves on purpose, by the first path segment:
 * <ul>
 *   <li>{@code /ok/...}: a well-behaved API: 401 DSSError without the key {@value #KEY}, 400 DSSError on a body that
 *       is not a JSON object, 200 otherwise;</li>
 *   <li>{@code /boom}: 500 with a DSSError body (the key checked first);</li>
 *   <li>{@code /html}: 400 as an HTML page;</li>
 *   <li>{@code /bare}: 404 JSON without errorType;</li>
 *   <li>{@code /open}: 200 whether or not the caller has the key;</li>
 *   <li>{@code /public}: 200 for everyone (its operation declares {@code security: []});</li>
 *   <li>{@code /declared}: 500 DSSError, which its operation declares;</li>
 *   <li>{@code /drop}: closes (resets) the connection without answering;</li>
 *   <li>{@code /slow}: answers after {@value #SLOW_MILLIS} ms.</li>
 * </ul>
 * Request bodies are read whole (Content-Length or chunked) before answering, as a correct server does.
 */
public final class MisbehavingServer implements AutoCloseable {

    public static final String KEY = "good-key";
    static final int SLOW_MILLIS = 5000;

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "misbehaving-server");
        thread.setDaemon(true);
        return thread;
    });

    public MisbehavingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                pool.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String requestLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
            }
            byte[] body = body(in, headers);
            String target = requestLine.split(" ")[1];
            String first = target.replaceFirst("^/+", "").split("[/?]")[0];
            boolean authorised = ("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
                    .equals(headers.get("authorization"));
            OutputStream out = client.getOutputStream();
            switch (first) {
                case "drop" -> {
                    client.setSoLinger(true, 0);
                    return;
                }
                case "slow" -> {
                    Thread.sleep(SLOW_MILLIS);
                    answer(out, 200, "application/json", "{}");
                }
                case "html" -> answer(out, 400, "text/html", "<h1>400 Bad Request</h1>");
                case "bare" -> answer(out, 404, "application/json", "{\"message\":\"no such thing\"}");
                case "open", "public" -> answer(out, 200, "application/json", "{\"secret\":\"data\"}");
                case "declared" -> answer(out, 500, "application/json", error("FunctionFailed", "the function raised"));
                default -> {
                    if (!authorised) {
                        answer(out, 401, "application/json", error("UnauthorizedException", "no valid key"));
                    } else if ("boom".equals(first)) {
                        answer(out, 500, "application/json", error("java.lang.NullPointerException", "boom"));
                    } else if (body.length > 0 && !new String(body, StandardCharsets.UTF_8).trim().startsWith("{")) {
                        answer(out, 400, "application/json", error("InvalidRequestBody", "not a JSON object"));
                    } else {
                        answer(out, 200, "application/json", "{\"ok\":true}");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (timeouts): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String error(String type, String message) {
        return "{\"errorType\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }

    private static void answer(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
