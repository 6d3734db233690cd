package org.dsscontractkit.apinode.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.dsscontractkit.apinode.http.ApiError;
import org.dsscontractkit.apinode.service.ServiceGeneration;

/** Checks a user-API call against the API keys (or public access) of the generation that will answer it. */
public final class ServiceAccess {

    private ServiceAccess() {
    }

    public static void check(ServiceGeneration generation, String authorizationHeader) {
        if (generation.publicAccess()) {
            return;
        }
        String key = Credentials.keyOf(authorizationHeader);
        if (key == null) {
            throw new ApiError(401, "UnauthorizedException", "Service '" + generation.serviceId()
                    + "' requires an API key (HTTP Basic with the key as user name, or Bearer)");
        }
        for (String accepted : generation.apiKeys()) {
            if (MessageDigest.isEqual(accepted.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        throw new ApiError(401, "UnauthorizedException", "Invalid API key for service '" + generation.serviceId() + "'");
    }
}
