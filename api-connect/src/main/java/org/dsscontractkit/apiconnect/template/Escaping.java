package org.dsscontractkit.apiconnect.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a {@code {{x}}} value is written. {@code {{{x}}}} and {@code {{&x}}} always insert the value unchanged.
 */
public enum Escaping {
    /** Headers, bodies, query values (the query string is form-encoded later as a whole), variables. */
    NONE,
    /**
     * URL templates: the value is percent-encoded as a path segment (space -> %20, '/' -> %2F) so a value can't
     * change the URL structure; use {@code {{{base}}}} to insert a value holding a whole URL or path.
     */
    URL_COMPONENT;

    public String apply(String value) {
        if (this == NONE) return value;
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
