package org.dsscontractkit.client.http;

import java.nio.charset.StandardCharsets;

/**
 * Encodes identifiers (project keys, dataset names, logins...) for use as one path segment.
 *
 * <p>The Python client interpolates them raw; a Java {@link java.net.URI} cannot carry a raw space or a raw
 * {@code /} inside a segment, so characters outside RFC 3986 {@code pchar} are percent-encoded. Identifiers made of
 * letters, digits, {@code _ - . ~} (all DSS keys in practice) are sent byte-for-byte like the Python client.</p>
 */
public final class PathSegments {

    private static final String HEX = "0123456789ABCDEF";
    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@";

    private PathSegments() {
    }

    /**
     * @param raw identifier, not null, not empty
     * @return the identifier encoded for one path segment
     * @throws IllegalArgumentException when {@code raw} is null or empty (it would change the path that is called)
     */
    public static String encode(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("An identifier used in a URL path must not be null or empty");
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && ALLOWED_PUNCTUATION.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
