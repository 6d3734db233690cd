package org.dsscontractkit.reference.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorBodies;

import java.io.IOException;
import java.util.Map;

/**
 * Applies a {@link CorsPolicy} to every request on the port (DSS API, API node, docs and {@code /openapi/...}), in
 * front of every application: a preflight is answered here, before routing and before authentication (a browser never
 * sends credentials with it). Only translates between the servlet API and the policy.
 */
public final class CorsFilter extends HttpFilter {
    private final CorsPolicy policy;

    public CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String origin = req.getHeader("Origin");
        if (policy.isPreflight(req.getMethod(), origin, req.getHeader("Access-Control-Request-Method"))) {
            Map<String, String> headers = policy.preflightHeaders(origin,
                    "true".equalsIgnoreCase(req.getHeader("Access-Control-Request-Private-Network")));
            headers.forEach(res::setHeader);
            res.setHeader("Vary", String.join(", ", policy.preflightVary()));
            if (headers.isEmpty()) {
                byte[] body = ErrorBodies.bytes(ApiException.forbidden(policy.refusal(origin)));
                res.setStatus(403);
                res.setContentType("application/json");
                res.setContentLength(body.length);
                res.getOutputStream().write(body);
            } else {
                res.setStatus(204);
            }
            return;
        }
        policy.responseHeaders(origin).forEach(res::setHeader);
        policy.vary().forEach(v -> res.addHeader("Vary", v));
        chain.doFilter(req, res);
    }
}
