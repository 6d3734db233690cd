package org.dsscontractkit.reference.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * Serves the API under both bases: the documented {@code /public/api} and {@code /dip/publicapi},
 * where the Python client sends every call. The base is moved into the request's base URI so the
 * resources match on the same relative paths. Also types untyped bodies: the real client sends JSON
 * without any Content-Type header.
 */
@Provider
@PreMatching
@Priority(100)
public final class ApiBaseFilter implements ContainerRequestFilter {
    public static final String API_REQUEST = "dss.apiRequest";
    private static final String[] BASES = {"/public/api", "/dip/publicapi"};

    @Override
    public void filter(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        // /public/api/v1/... is the API node's user API (hosted in-process), not the DSS API.
        if (raw.startsWith("/public/api/v1/")) return;
        for (String base : BASES) {
            if (raw.equals(base) || raw.startsWith(base + "/")) {
                URI baseUri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + base + "/");
                String rest = raw.substring(base.length());
                if (rest.isEmpty()) rest = "/";
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                ctx.setRequestUri(baseUri, URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + base + rest + query));
                ctx.setProperty(API_REQUEST, Boolean.TRUE);
                break;
            }
        }
        if (ctx.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && ctx.hasEntity()) {
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
