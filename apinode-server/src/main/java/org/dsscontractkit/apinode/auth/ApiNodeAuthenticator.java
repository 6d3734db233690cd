package org.dsscontractkit.apinode.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.security.Principal;
import java.util.Collection;
import org.dsscontractkit.apinode.admin.AdminResource;
import org.dsscontractkit.apinode.service.ServiceGeneration;
import org.dsscontractkit.apinode.service.ServiceRegistry;
import org.dsscontractkit.server.auth.Authenticator;
import org.dsscontractkit.server.auth.Credentials;
import org.dsscontractkit.server.error.ApiException;

/**
 * The API node's credentials, checked before any body is read: the admin API needs an admin key; a user-API call to
 * a service none of whose generations is public needs a key that one of them accepts. The exact generation is only
 * known once the body is read ({@code dispatch}); the user API checks it then ({@link ServiceAccess#check}) with the
 * credentials this returns.
 */
public final class ApiNodeAuthenticator implements Authenticator {

    private final ServiceRegistry registry;
    private final AdminKeyStore adminKeys;

    public ApiNodeAuthenticator(ServiceRegistry registry, AdminKeyStore adminKeys) {
        this.registry = registry;
        this.adminKeys = adminKeys;
    }

    /** Who called the user API: the credentials it sent (possibly none, for public services). */
    public record ServiceCaller(Credentials credentials) implements Principal {
        @Override
        public String getName() {
            return "service-key";
        }
    }

    /** A holder of an admin key. */
    public record Admin() implements RolePrincipal {
        @Override
        public String getName() {
            return "apinode-admin";
        }

        @Override
        public boolean hasRole(String role) {
            return "admin".equals(role);
        }
    }

    @Override
    public Principal authenticate(Credentials credentials, ContainerRequestContext request, ResourceInfo target) {
        if (target.getResourceClass() != null && AdminResource.class.isAssignableFrom(target.getResourceClass())) {
            if (!credentials.present()) {
                throw ApiException.unauthorized("The admin API requires an admin key (HTTP Basic, key as user name)");
            }
            if (!adminKeys.accepts(credentials.secret())) {
                throw ApiException.unauthorized("Invalid or expired admin key");
            }
            return new Admin();
        }
        String serviceId = request.getUriInfo().getPathParameters().getFirst("serviceId");
        if (serviceId != null) {
            Collection<ServiceGeneration> generations = registry.generations(serviceId).values();
            if (!generations.isEmpty() && generations.stream().noneMatch(g -> ServiceAccess.opens(g, credentials))) {
                throw ServiceAccess.refusal(serviceId, credentials);
            }
        }
        return new ServiceCaller(credentials);
    }
}
