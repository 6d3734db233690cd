package org.dsscontractkit.apinode.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API key of a request, as {@code dataikuapi} sends it: HTTP Basic with the key as user name and an empty
 * password, or {@code Bearer <token>}. Null when there is no usable Authorization header.
 */
public final class Credentials {

    private Credentials() {
    }

    public static String keyOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space);
        String token = value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return token.isEmpty() ? null : token;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                String password = colon < 0 ? "" : decoded.substring(colon + 1);
                // The key is the user name; tolerate clients that put it in the password with an empty user.
                String key = !user.isEmpty() ? user : password;
                return key.isEmpty() ? null : key;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
