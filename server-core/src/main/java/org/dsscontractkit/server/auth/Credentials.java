package org.dsscontractkit.server.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a request presents to prove who it is, however it is sent: HTTP Basic with the key as user name (empty
 * password; a key sent as the password with an empty user name is accepted too), {@code Authorization: Bearer},
 * or the {@code X-DKU-APITicket} header of code running inside DSS; plus {@code X-DKU-ProxyUser}, the user an admin
 * key acts as. Read once per request by {@link CredentialFilter}.
 *
 * @param secret    the API key, token or ticket; null when none was sent (or the header is unreadable)
 * @param scheme    how the secret came
 * @param proxyUser the login named by {@code X-DKU-ProxyUser}, or null
 */
public record Credentials(String secret, Scheme scheme, String proxyUser) {
    public static final String TICKET_HEADER = "X-DKU-APITicket";
    public static final String PROXY_USER_HEADER = "X-DKU-ProxyUser";

    public enum Scheme { NONE, BASIC, BEARER, TICKET }

    public static final Credentials NONE = new Credentials(null, Scheme.NONE, null);

    public boolean present() {
        return secret != null;
    }

    public static Credentials of(ContainerRequestContext request) {
        return of(request.getHeaderString("Authorization"), request.getHeaderString(TICKET_HEADER),
                request.getHeaderString(PROXY_USER_HEADER));
    }

    public static Credentials of(String authorization, String ticket, String proxyUser) {
        String proxy = proxyUser == null || proxyUser.isBlank() ? null : proxyUser.trim();
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.trim();
            int space = value.indexOf(' ');
            String scheme = space < 0 ? value : value.substring(0, space);
            String token = space < 0 ? "" : value.substring(space + 1).trim();
            if (scheme.equalsIgnoreCase("Basic")) {
                String key = basicKey(token);
                if (key != null) return new Credentials(key, Scheme.BASIC, proxy);
            } else if (scheme.equalsIgnoreCase("Bearer") && !token.isEmpty()) {
                return new Credentials(token, Scheme.BEARER, proxy);
            }
        }
        if (ticket != null && !ticket.isBlank()) return new Credentials(ticket.trim(), Scheme.TICKET, proxy);
        return new Credentials(null, Scheme.NONE, proxy);
    }

    private static String basicKey(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            String key = !user.isEmpty() ? user : password;
            return key.isEmpty() ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        // never the secret itself: credentials end up in logs through records' toString
        return "Credentials[" + scheme + (proxyUser == null ? "" : ", proxyUser=" + proxyUser) + "]";
    }
}
