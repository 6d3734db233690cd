package org.dsscontractkit.server.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The one place a request's credentials are read and checked, before its body is read: every resource method of the
 * application passes through it, so no resource checks keys itself. The application's {@link Authenticator}
 * decides; the principal it returns is the request's {@link SecurityContext} user, and the credentials stay on the
 * request ({@link #credentials}) for checks that can only be made later (a generation chosen from the body).
 */
@Priority(Priorities.AUTHENTICATION)
public final class CredentialFilter implements ContainerRequestFilter {
    private static final String PROPERTY = Credentials.class.getName();
    private final Authenticator authenticator;
    @Context private ResourceInfo resourceInfo;

    public CredentialFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Credentials credentials = Credentials.of(request);
        request.setProperty(PROPERTY, credentials);
        Principal principal = authenticator.authenticate(credentials, request, resourceInfo);
        if (principal != null) {
            request.setSecurityContext(new Authenticated(principal, request.getSecurityContext().isSecure(), credentials.scheme()));
        }
    }

    /** The credentials the filter read from {@code request}. */
    public static Credentials credentials(ContainerRequestContext request) {
        Object c = request.getProperty(PROPERTY);
        return c instanceof Credentials creds ? creds : Credentials.of(request);
    }

    private record Authenticated(Principal principal, boolean secure, Credentials.Scheme scheme) implements SecurityContext {
        @Override public Principal getUserPrincipal() { return principal; }
        @Override public boolean isUserInRole(String role) {
            return principal instanceof Authenticator.RolePrincipal p && p.hasRole(role);
        }
        @Override public boolean isSecure() { return secure; }
        @Override public String getAuthenticationScheme() {
            return scheme == Credentials.Scheme.BASIC ? BASIC_AUTH : scheme.name();
        }
    }
}
