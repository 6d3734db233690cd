package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code dataikuapi} posts raw JSON strings without a Content-Type header (and an empty body when there are no
 * arguments). Treat such bodies as JSON so resources declaring {@code @Consumes(application/json)} accept them
 * instead of answering 415.
 */
@Provider
@PreMatching
public class JsonBodyDefaultFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank() || type.startsWith(MediaType.APPLICATION_OCTET_STREAM)
                || type.startsWith(MediaType.TEXT_PLAIN)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
