package org.dsscontractkit.reference.auth;

import jakarta.ws.rs.core.SecurityContext;
import org.dsscontractkit.server.error.ApiException;

/** Reads the authenticated caller from the request's security context. */
public final class Callers {
    private Callers() {}

    public static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof ApiKeyAuthenticator.CallerPrincipal p) return p.caller();
        throw ApiException.unauthorized("Not authenticated");
    }

    public static Caller admin(SecurityContext sc) {
        Caller c = of(sc);
        if (!c.admin()) throw ApiException.forbidden("Action forbidden: you are not an administrator of this DSS instance");
        return c;
    }
}
