package org.dsscontractkit.reference.docs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiException;

import java.io.InputStream;
import java.util.Map;

/**
 * The rendered API documentation at {@code /}, the bundled OpenAPI documents at {@code /openapi/...} and their
 * mock-ready variants at {@code /openapi/mock/...}, read from the spec jar's classpath resources. Public: no API key needed to read the contract.
 */
@Path("/")
public final class DocsResource {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "yaml", "application/yaml", "yml", "application/yaml", "png", "image/png",
            "svg", "image/svg+xml", "map", "application/json", "ico", "image/x-icon");

    @GET
    public Response index() {
        InputStream in = resource("docs/index.html");
        if (in != null) return Response.ok(in, TYPES.get("html")).build();
        return Response.ok(FALLBACK, TYPES.get("html")).build();
    }

    @GET
    @Path("openapi/{file}")
    public Response openapi(@PathParam("file") String file) {
        if (!file.matches("(dss-public-api|apinode-user-api)\\.(yaml|json)")) throw ApiException.notFound("Document '" + file + "'");
        return serve("openapi/" + file);
    }

    /** The mock-ready variants for Prism: every path mounted under each API base (spec jar, openapi/mock/). */
    @GET
    @Path("openapi/mock/{file}")
    public Response mockOpenapi(@PathParam("file") String file) {
        if (!file.matches("(dss-public-api|apinode-user-api)\\.(yaml|json)")) throw ApiException.notFound("Mock document '" + file + "'");
        return serve("openapi/mock/" + file);
    }

    @GET
    @Path("{path: (docs/)?(assets|static|css|js|fonts)/.+|[^/]+\\.(html|css|js|png|svg|ico|map|json)}")
    public Response asset(@PathParam("path") String path) {
        String p = path.startsWith("docs/") ? path.substring(5) : path;
        return serve("docs/" + p);
    }

    private static Response serve(String name) {
        if (name.contains("..")) throw ApiException.notFound("Resource '" + name + "'");
        InputStream in = resource(name);
        if (in == null) throw ApiException.notFound("Resource '" + name + "'");
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return Response.ok(in, TYPES.getOrDefault(ext, "application/octet-stream")).build();
    }

    private static InputStream resource(String name) {
        return DocsResource.class.getClassLoader().getResourceAsStream(name);
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
