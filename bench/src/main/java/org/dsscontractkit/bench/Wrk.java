package org.dsscontractkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (https://github.com/wg/wrk) on one request and reads its summary. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** One request, the same on every connection. */
    record Request(String url, String method, String body, Map<String, String> headers) {}

    /** A run's figures: requests per second, latency percentiles in ms, and what went wrong. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx, long socketErrors) {}

    private final int threads;
    private final int connections;
    private final Path scripts;

    Wrk(int threads, int connections, Path scripts) {
        this.threads = threads;
        this.connections = connections;
        this.scripts = scripts;
    }

    Result run(Request request, int seconds) throws IOException, InterruptedException {
        Path script = script(request);
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), request.url()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) throw new IOException("wrk exited with " + rc + ":\n" + out);
        return parse(out);
    }

    /** Parses wrk's summary (with --latency). */
    static Result parse(String out) {
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                case "us" -> 0.001;
                case "ms" -> 1;
                default -> 1000;
            };
            if (m.group(1).equals("50")) p50 = v;
            else p99 = v;
        }
        Matcher total = TOTAL.matcher(out);
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher socket = SOCKET_ERRORS.matcher(out);
        long socketErrors = 0;
        if (socket.find()) for (int i = 1; i <= 4; i++) socketErrors += Long.parseLong(socket.group(i));
        return new Result(Double.parseDouble(rate.group(1)), p50, p99, total.find() ? Long.parseLong(total.group(1)) : 0,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    private Path script(Request r) throws IOException {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = ").append(lua(r.method())).append('\n');
        if (r.body() != null) lua.append("wrk.body = ").append(lua(r.body())).append('\n');
        r.headers().forEach((k, v) -> lua.append("wrk.headers[").append(lua(k)).append("] = ").append(lua(v)).append('\n'));
        Files.createDirectories(scripts);
        Path f = Files.createTempFile(scripts, "request-", ".lua");
        Files.writeString(f, lua);
        return f;
    }

    private static String lua(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
