package org.dsscontractkit.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.pact.ChildProcess;

/**
 * A frontend team's web app on an origin of its own: a JDK HTTP server on a free loopback port serving a page that
 * lists the projects ({@code projects.html}) with the browser build of the UI's API module ({@code dssWebApi.ts},
 * compiled once per run by the pinned tsc with {@code tsconfig.browser.json}).
 */
public final class WebApp implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("<p id=\"status\"[^>]*>([^<]*)</p>");
    private static Path compiledModule;

    private final HttpServer server;
    private final byte[] module;

    private WebApp(byte[] module) throws IOException {
        this.module = module;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    public static WebApp start() throws IOException {
        return new WebApp(Files.readAllBytes(compileModule()));
    }

    /**
     * @param host the host the browser uses for the page ({@code localhost}, or a name mapped to 127.0.0.1 with
     *             {@link HeadlessChromium#start(String...)}): with the port, the page's origin
     * @return the project list page, calling the DSS API at {@code dssUrl} with {@code apiKey}
     */
    public String projectsPage(String host, String dssUrl, String apiKey) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/projects.html?dss="
                + URLEncoder.encode(dssUrl, StandardCharsets.UTF_8) + "&key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }

    /** @return the status line the projects page rendered: "loaded N projects", or "failed: ..." */
    public static String status(String dom) {
        Matcher m = STATUS.matcher(dom);
        if (!m.find()) {
            throw new AssertionError("no status line in the page:\n" + dom);
        }
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            String type;
            switch (exchange.getRequestURI().getPath()) {
                case "/projects.html" -> {
                    try (InputStream in = WebApp.class.getResourceAsStream("/web/projects.html")) {
                        body = in.readAllBytes();
                    }
                    type = "text/html; charset=utf-8";
                }
                case "/dssWebApi.js" -> {
                    body = module;
                    type = "text/javascript; charset=utf-8";
                }
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static synchronized Path compileModule() {
        if (compiledModule == null) {
            Path nodeModules = Path.of(System.getProperty("node.modules", "../node_modules")).toAbsolutePath().normalize();
            Path tsc = nodeModules.resolve(".bin").resolve("tsc");
            if (!Files.isExecutable(tsc)) {
                throw new AssertionError("TypeScript is missing (" + tsc + "): run npm ci at the repository root");
            }
            Path project = Path.of(System.getProperty("typescript.project", "src/test/typescript"))
                    .resolve("tsconfig.browser.json").toAbsolutePath();
            Path outDir = Path.of(System.getProperty("typescript.browserOutDir", "target/typescript-browser")).toAbsolutePath();
            ChildProcess.run(List.of(tsc.toString(), "-p", project.toString(), "--outDir", outDir.toString()),
                    nodeModules.getParent(), Map.of(), "tsc (browser build)");
            compiledModule = outDir.resolve("dssWebApi.js");
        }
        return compiledModule;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
