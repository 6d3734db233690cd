package org.dsscontractkit.reference.docs;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rendered API documentation at {@code /}, the bundled OpenAPI documents at {@code /openapi/...} and their
 * mock-ready variants for Prism at {@code /openapi/mock/...}, read from the spec jar's classpath resources. Public: no API key needed to read the contract. Mounted as the container's
 * default servlet, so any other path outside the APIs is its 404 (a DSSError, from the container's error handler).
 */
public final class DocsServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "yaml", "application/yaml", "yml", "application/yaml", "png", "image/png",
            "svg", "image/svg+xml", "map", "application/json", "ico", "image/x-icon");
    private static final Pattern DOCUMENT = Pattern.compile("/openapi/(mock/)?(dss-public-api|apinode-user-api)\\.(yaml|json)");
    private static final Pattern ASSET = Pattern.compile("/(docs/)?((assets|static|css|js|fonts)/.+|[^/]+\\.(html|css|js|png|svg|ico|map|json))");

    /** Only GET and HEAD read the docs; any other method on a docs path is 405, anywhere else 404. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws jakarta.servlet.ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            super.service(req, res);
        } else if (isDocsPath(req.getRequestURI())) {
            res.setHeader("Allow", "GET, HEAD");
            res.sendError(405);
        } else {
            res.sendError(404);
        }
    }

    private static boolean isDocsPath(String path) {
        return path.equals("/") || DOCUMENT.matcher(path).matches() || ASSET.matcher(path).matches();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        String resource;
        if (path.equals("/")) {
            InputStream index = resource("docs/index.html");
            send(res, "html", index != null ? index : new ByteArrayInputStream(FALLBACK.getBytes(StandardCharsets.UTF_8)));
            return;
        } else if (DOCUMENT.matcher(path).matches()) {
            resource = path.substring(1);
        } else if (ASSET.matcher(path).matches() && !path.contains("..") && !path.contains("%")) {
            resource = "docs/" + (path.startsWith("/docs/") ? path.substring(6) : path.substring(1));
        } else {
            res.sendError(404);
            return;
        }
        InputStream in = resource(resource);
        if (in == null) {
            res.sendError(404);
            return;
        }
        send(res, resource.substring(resource.lastIndexOf('.') + 1), in);
    }

    private static void send(HttpServletResponse res, String ext, InputStream in) throws IOException {
        res.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        try (in) {
            in.transferTo(res.getOutputStream());
        }
    }

    private static InputStream resource(String name) {
        return DocsServlet.class.getClassLoader().getResourceAsStream(name);
    }

    private static final String FALLBACK = """
            <!doctype html><html><head><meta charset="utf-8"><title>DSS reference server</title></head>
            <body><h1>DSS public API reference server</h1>
            <p>The API is served under <code>/public/api</code> and <code>/dip/publicapi</code>
            (HTTP Basic, API key as user name).</p>
            <p>OpenAPI documents: <a href="openapi/dss-public-api.yaml">dss-public-api.yaml</a>,
            <a href="openapi/dss-public-api.json">dss-public-api.json</a>,
            <a href="openapi/apinode-user-api.yaml">apinode-user-api.yaml</a>,
            <a href="openapi/apinode-user-api.json">apinode-user-api.json</a>; for Prism:
            <a href="openapi/mock/dss-public-api.yaml">mock/dss-public-api.yaml</a>,
            <a href="openapi/mock/apinode-user-api.yaml">mock/apinode-user-api.yaml</a>.</p>
            <p>(The rendered documentation is missing from this build: the spec jar carries it under docs/.)</p>
            </body></html>
            """;
}
