package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.transport.RequestSpec;

/**
 * API key in a header (overriding a configured header of the same name, as the plugin does) or in the query.
 * Unlike the plugin, a query key is appended without collapsing repeated query parameters.
 */
public final class ApiKeyAuth implements Authenticator {
    public enum Location { HEADER, QUERY }

    private final String name;
    private final String value;
    private final Location location;

    public ApiKeyAuth(String name, String value, Location location) {
        this.name = name;
        this.value = value;
        this.location = location;
    }

    @Override public RequestSpec apply(RequestSpec request) {
        if (location == Location.HEADER) return request.withHeader(name, value);
        boolean present = request.query().stream().anyMatch(e -> e.getKey().equals(name));
        return present ? request : request.withQueryParam(name, value);
    }
}
