package org.dsscontractkit.reference.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** DSS answers every call with the API and backend versions. */
@Provider
public final class VersionHeadersFilter implements ContainerResponseFilter {
    public static final String API_VERSION = "1";
    public static final String DSS_VERSION = "14.3.3";

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        res.getHeaders().putSingle("DSS-API-Version", API_VERSION);
        res.getHeaders().putSingle("DSS-Version", DSS_VERSION);
    }
}
