package org.dsscontractkit.reference.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.dsscontractkit.reference.apikey.ApiKeyService;
import org.dsscontractkit.server.auth.Authenticator;
import org.dsscontractkit.server.auth.Credentials;
import org.dsscontractkit.server.error.ApiException;

import java.security.Principal;
import java.util.Optional;

/**
 * Who a DSS API call acts for, as DSS decides it: the API key (HTTP Basic user name, Bearer, or the
 * {@code X-DKU-APITicket} of code running inside DSS) names a caller; an admin may act as another user with
 * {@code X-DKU-ProxyUser}. Every DSS API operation needs a key.
 */
public final class ApiKeyAuthenticator implements Authenticator {
    private final ApiKeyService keys;

    public ApiKeyAuthenticator(ApiKeyService keys) { this.keys = keys; }

    @Override
    public Principal authenticate(Credentials credentials, ContainerRequestContext request, ResourceInfo target) {
        if (!credentials.present()) {
            throw ApiException.unauthorized("No API key: send the key as the user name of HTTP Basic authentication");
        }
        Caller c = keys.authenticate(credentials.secret())
                .orElseThrow(() -> ApiException.unauthorized("Invalid API key (unknown key, or its user is disabled)"));
        String proxyUser = credentials.proxyUser();
        if (proxyUser != null) {
            if (!c.admin()) throw ApiException.forbidden("Only an admin key may act as another user (X-DKU-ProxyUser)");
            Optional<Caller> proxied = keys.callerForUser(proxyUser, c.keyId(), c.keyKind(), false);
            c = proxied.orElseThrow(() -> ApiException.notFound("User '" + proxyUser + "' (X-DKU-ProxyUser)"));
        }
        return new CallerPrincipal(c);
    }

    public record CallerPrincipal(Caller caller) implements RolePrincipal {
        @Override public String getName() { return caller.identifier(); }
        @Override public boolean hasRole(String role) { return "admin".equals(role) && caller.admin(); }
    }
}
