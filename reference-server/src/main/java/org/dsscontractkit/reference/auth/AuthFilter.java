package org.dsscontractkit.reference.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.dsscontractkit.reference.apikey.ApiKeyService;
import org.dsscontractkit.reference.server.ApiBaseFilter;
import org.dsscontractkit.reference.server.ApiException;
import org.dsscontractkit.reference.server.ErrorBodies;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates every API call as DSS does: HTTP Basic with the API key as user name (empty password),
 * or the {@code X-DKU-APITicket} header. An admin may act as another user with {@code X-DKU-ProxyUser}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {
    private static final String DSS_API_PACKAGE = "org.dsscontractkit.server.generated.dss.api.";
    private final ApiKeyService keys;
    @Context private ResourceInfo resourceInfo;

    public AuthFilter(ApiKeyService keys) { this.keys = keys; }

    @Override
    public void filter(ContainerRequestContext ctx) {
        // Only the DSS API is guarded here: the docs are public, other hosted APIs (API node) have their own auth.
        if (resourceInfo.getResourceMethod() == null
                || !resourceInfo.getResourceMethod().getDeclaringClass().getName().startsWith(DSS_API_PACKAGE)) return;
        if (ctx.getProperty(ApiBaseFilter.API_REQUEST) == null) {
            // API resources only exist under /public/api and /dip/publicapi.
            ctx.abortWith(ErrorBodies.of(ApiException.notFound("Path " + ctx.getUriInfo().getRequestUri().getRawPath())));
            return;
        }
        String secret = secretOf(ctx);
        if (secret == null) {
            ctx.abortWith(ErrorBodies.of(ApiException.unauthorized(
                    "No API key: send the key as the user name of HTTP Basic authentication")));
            return;
        }
        Optional<Caller> caller = keys.authenticate(secret);
        if (caller.isEmpty()) {
            ctx.abortWith(ErrorBodies.of(ApiException.unauthorized("Invalid API key (unknown key, or its user is disabled)")));
            return;
        }
        Caller c = caller.get();
        String proxyUser = ctx.getHeaderString("X-DKU-ProxyUser");
        if (proxyUser != null && !proxyUser.isEmpty()) {
            if (!c.admin()) {
                ctx.abortWith(ErrorBodies.of(ApiException.forbidden("Only an admin key may act as another user (X-DKU-ProxyUser)")));
                return;
            }
            Optional<Caller> proxied = keys.callerForUser(proxyUser, c.keyId(), c.keyKind(), false);
            if (proxied.isEmpty()) {
                ctx.abortWith(ErrorBodies.of(ApiException.notFound("User '" + proxyUser + "' (X-DKU-ProxyUser)")));
                return;
            }
            c = proxied.get();
        }
        ctx.setSecurityContext(new CallerSecurityContext(c, ctx.getSecurityContext().isSecure()));
    }

    private static String secretOf(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.isEmpty() ? null : user;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        String ticket = ctx.getHeaderString("X-DKU-APITicket");
        return ticket == null || ticket.isEmpty() ? null : ticket;
    }

    public record CallerPrincipal(Caller caller) implements Principal {
        @Override public String getName() { return caller.identifier(); }
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
        @Override public Principal getUserPrincipal() { return new CallerPrincipal(caller); }
        @Override public boolean isUserInRole(String role) { return "admin".equals(role) && caller.admin(); }
        @Override public boolean isSecure() { return secure; }
        @Override public String getAuthenticationScheme() { return BASIC_AUTH; }
    }
}
