package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.dsscontractkit.reference.auth.ApiKeyAuthenticator;
import org.dsscontractkit.reference.server.Json;

/** Records every API call that changed something (non-GET, successful) in the audit log. */
public final class AuditFilter implements ContainerResponseFilter {
    private final AuditLog audit;

    public AuditFilter(AuditLog audit) { this.audit = audit; }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()) || res.getStatus() >= 400) return;
        if (!(req.getSecurityContext().getUserPrincipal() instanceof ApiKeyAuthenticator.CallerPrincipal p)) return;
        ObjectNode d = Json.object();
        d.put("method", req.getMethod());
        d.put("path", req.getUriInfo().getRequestUri().getRawPath());
        d.put("status", res.getStatus());
        d.put("apiKeyId", p.caller().keyId());
        audit.record("public-api-call", p.getName(), d);
    }
}
