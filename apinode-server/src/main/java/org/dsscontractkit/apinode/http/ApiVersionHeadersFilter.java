package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Seed 002: "All API calls will return the following two HTTP headers: DSS-API-Version, DSS-Version". Only on the
 * API node's paths.
 */
@Provider
public class ApiVersionHeadersFilter implements ContainerResponseFilter {

    public static final String API_VERSION = "1";
    public static final String DSS_VERSION = "14.3.3-dss-contract-kit";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!JsonBodyDefaultFilter.isApiNodePath(request)) {
            return; // the host answers with its own version headers
        }
        response.getHeaders().putSingle("DSS-API-Version", API_VERSION);
        response.getHeaders().putSingle("DSS-Version", DSS_VERSION);
    }
}
