package org.dsscontractkit.apiconnect.auth;

/** Where a bearer token comes from: a static value or an OAuth2 token endpoint. */
public interface TokenSource {
    /** A currently valid access token. */
    String token();

    /** Drops {@code stale} after a 401; returns true when a different token is now available. */
    default boolean invalidate(String stale) { return false; }

    static TokenSource fixed(String token) { return () -> token; }
}
