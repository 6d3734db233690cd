package org.dsscontractkit.apinode.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import org.dsscontractkit.apinode.service.ServiceGeneration;
import org.dsscontractkit.server.auth.Credentials;
import org.dsscontractkit.server.error.ApiException;

/**
 * Whether the credentials of a user-API call open a service generation (its API keys, or public access). Asked twice:
 * by {@link ApiNodeAuthenticator} before the body is read, for every generation the call could reach, and by the user
 * API once the body has chosen the generation ({@code dispatch}).
 */
public final class ServiceAccess {

    private ServiceAccess() {
    }

    public static boolean opens(ServiceGeneration generation, Credentials credentials) {
        return generation.publicAccess() || credentials.present() && accepts(generation.apiKeys(), credentials.secret());
    }

    public static void check(ServiceGeneration generation, Credentials credentials) {
        if (opens(generation, credentials)) {
            return;
        }
        throw refusal(generation.serviceId(), credentials);
    }

    static ApiException refusal(String serviceId, Credentials credentials) {
        if (!credentials.present()) {
            return ApiException.unauthorized("Service '" + serviceId + "' requires an API key (HTTP Basic with the key as user name, or Bearer)")
                    .withCode("ERR_API_KEY_REQUIRED");
        }
        return ApiException.unauthorized("Invalid API key for service '" + serviceId + "'").withCode("ERR_API_KEY_INVALID");
    }

    private static boolean accepts(Collection<String> keys, String key) {
        for (String accepted : keys) {
            if (MessageDigest.isEqual(accepted.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
