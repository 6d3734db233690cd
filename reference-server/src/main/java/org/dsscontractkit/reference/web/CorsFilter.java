package org.dsscontractkit.reference.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiException;
import org.dsscontractkit.reference.server.ErrorBodies;

/**
 * Applies a {@link CorsPolicy} to every request of the Jersey application (DSS API, the API node on the same port,
 * docs and {@code /openapi/...}). Pre-matching and first: a preflight is answered before routing and before
 * authentication (a browser never sends credentials with it). Only translates between JAX-RS and the policy.
 */
@PreMatching
@Priority(50)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String PREFLIGHT = CorsFilter.class.getName() + ".preflight";

    private final CorsPolicy policy;

    public CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext req) {
        String origin = req.getHeaderString("Origin");
        if (!policy.isPreflight(req.getMethod(), origin, req.getHeaderString("Access-Control-Request-Method"))) {
            return;
        }
        req.setProperty(PREFLIGHT, Boolean.TRUE);
        var headers = policy.preflightHeaders(origin,
                "true".equalsIgnoreCase(req.getHeaderString("Access-Control-Request-Private-Network")));
        Response.ResponseBuilder answer = headers.isEmpty()
                ? Response.fromResponse(ErrorBodies.of(ApiException.forbidden(policy.refusal(origin))))
                : Response.noContent();
        headers.forEach(answer::header);
        answer.header("Vary", String.join(", ", policy.preflightVary()));
        req.abortWith(answer.build());
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        if (req.getProperty(PREFLIGHT) != null) {
            return;
        }
        policy.responseHeaders(req.getHeaderString("Origin")).forEach(res.getHeaders()::putSingle);
        policy.vary().forEach(v -> res.getHeaders().add("Vary", v));
    }
}
