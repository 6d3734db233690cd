package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.util.Map;

/** Adds credentials to every request; may refresh them once when the server answers 401. */
public interface Authenticator {
    RequestSpec apply(RequestSpec request);

    /**
     * Called after a 401. Returns true when new credentials were obtained and the request is worth re-sending
     * once (OAuth2); static credentials return false and the 401 is reported as an error.
     */
    default boolean refreshAfterUnauthorized() { return false; }

    /** Variables the auth mode contributes to templates ({{username}}, {{password}}, {{token}}). */
    default Map<String, String> templateVariables() { return Map.of(); }

    Authenticator NONE = request -> request;
}
