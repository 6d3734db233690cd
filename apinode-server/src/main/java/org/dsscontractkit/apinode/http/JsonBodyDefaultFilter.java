package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code dataikuapi} posts raw JSON strings without a Content-Type header (and an empty body when there are no
 * arguments); {@code curl -d} labels them form-urlencoded. The API node's bodies are always JSON, so under its two
 * path prefixes any other declared type is read as JSON instead of answering 415. The host's paths are untouched.
 */
@Provider
@PreMatching
public class JsonBodyDefaultFilter implements ContainerRequestFilter {

    /** The user API ({@code /public/api/v1/}) and the admin API ({@code /admin/api}). */
    static boolean isApiNodePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.startsWith("public/api/v1/") || path.startsWith("admin/api");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isApiNodePath(request)) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        boolean json = type != null && (type.startsWith(MediaType.APPLICATION_JSON) || type.contains("+json"));
        if (!json) {
            // replace the entry, not its list: some containers (the JDK HTTP server) hand Jersey unmodifiable value lists
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            request.getHeaders().add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
