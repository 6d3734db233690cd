package org.dsscontractkit.server.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import java.security.Principal;

/**
 * What an application plugs into {@link CredentialFilter}: who the credentials of {@code request}, matched to
 * {@code target} (its path parameters known, its body not read yet), are.
 * Throws an {@code ApiException} (401, 403, 404 for an unknown proxy user) to refuse the call; answers null to let an
 * anonymous call through (a resource that needs no key, or one that decides later, e.g. a public API node service).
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(Credentials credentials, ContainerRequestContext request, ResourceInfo target);

    /** A principal that may hold roles ({@code admin}). */
    interface RolePrincipal extends Principal {
        boolean hasRole(String role);
    }
}
