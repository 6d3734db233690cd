package org.dsscontractkit.reference.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which web origins may call the server from a browser, and the CORS headers that say so. Plain Java (no JAX-RS, no
 * servlet types): the HTTP layer asks it what to answer and copies the headers, whichever container it runs in.
 *
 * <p>The flag value ({@code --cors-origins}) is {@code off}, {@code *} (any origin, never with credentials) or a
 * comma-separated list of origins and patterns: {@code http://localhost:3000}, {@code http://localhost:*} (any port,
 * or none), {@code https://*.example.com} (any subdomain). The default allows pages served on this machine during
 * development, {@code http://localhost:*} and {@code http://127.0.0.1:*}.</p>
 *
 * <p>An allowed origin gets its own origin back with {@code Access-Control-Allow-Credentials: true} (a DSS page
 * authenticates with its session cookie). An origin that is not allowed gets no {@code Access-Control-*} header at
 * all, so the browser keeps the answer from the page; {@code Vary: Origin} is on every answer so that a cache never
 * serves one origin's answer to another.</p>
 */
public final class CorsPolicy {

    /** The default of {@code --cors-origins}: pages served from this machine, on any port. */
    public static final String LOCAL_DEVELOPMENT = "http://localhost:*,http://127.0.0.1:*";

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, PATCH";
    /** The headers the DSS and API node clients send beyond the CORS-safelisted ones. */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-DKU-APITicket, X-DKU-ProxyUser";
    /** Response headers a page may read besides the CORS-safelisted ones. */
    static final String EXPOSED_HEADERS = "DSS-Version, DSS-API-Version";
    /** How long (seconds) a browser may reuse a preflight answer. */
    static final String MAX_AGE = "600";

    private static final Pattern ORIGIN_PATTERN = Pattern.compile(
            "([a-z][a-z0-9+.-]*)://(\\*\\.)?(\\[[0-9a-f:.]+\\]|[a-z0-9-]+(?:\\.[a-z0-9-]+)*)(?::(\\d{1,5}|\\*))?/?");
    private static final Pattern ORIGIN = Pattern.compile(
            "([a-z][a-z0-9+.-]*)://(\\[[0-9a-f:.]+\\]|[a-z0-9-]+(?:\\.[a-z0-9-]+)*)(?::(\\d{1,5}))?");

    private final boolean enabled;
    private final boolean anyOrigin;
    private final List<OriginPattern> patterns;
    private final String description;

    private CorsPolicy(boolean enabled, boolean anyOrigin, List<OriginPattern> patterns, String description) {
        this.enabled = enabled;
        this.anyOrigin = anyOrigin;
        this.patterns = List.copyOf(patterns);
        this.description = description;
    }

    /** Pages served from this machine ({@link #LOCAL_DEVELOPMENT}). */
    public static CorsPolicy localDevelopment() {
        return parse(LOCAL_DEVELOPMENT);
    }

    /** No CORS at all: browsers only let pages of the server's own origin read its answers. */
    public static CorsPolicy off() {
        return new CorsPolicy(false, false, List.of(), "off");
    }

    /**
     * Reads a {@code --cors-origins} value.
     *
     * @throws IllegalArgumentException naming the entry that is neither an origin nor a pattern, and the forms allowed
     *                                  (the message does not name the flag: the caller knows where the value came from)
     */
    public static CorsPolicy parse(String flag) {
        String value = flag == null ? "" : flag.trim();
        if (value.equalsIgnoreCase("off")) {
            return off();
        }
        if (value.equals("*")) {
            return new CorsPolicy(true, true, List.of(), "* (any origin, without credentials)");
        }
        List<OriginPattern> patterns = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String entry : value.split(",")) {
            String origin = entry.trim();
            if (origin.isEmpty()) {
                continue;
            }
            Matcher m = ORIGIN_PATTERN.matcher(origin.toLowerCase(Locale.ROOT));
            if (!m.matches() || (m.group(4) != null && !m.group(4).equals("*") && Integer.parseInt(m.group(4)) > 65535)) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin: expected"
                        + " scheme://host[:port] (http://localhost:3000), a pattern (http://localhost:*,"
                        + " https://*.example.com), a comma-separated list of them, '*' or 'off'");
            }
            patterns.add(new OriginPattern(m.group(1), m.group(2) != null, m.group(3), port(m.group(1), m.group(4))));
            written.add(origin.toLowerCase(Locale.ROOT).replaceAll("/$", ""));
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no origin given: list origins (http://localhost:3000),"
                    + " patterns (http://localhost:*), '*' or 'off'");
        }
        return new CorsPolicy(true, false, patterns, String.join(", ", written));
    }

    /** @return whether browsers may call the server from other origins at all */
    public boolean enabled() {
        return enabled;
    }

    /** @return the allowed origins as a person reads them ("http://localhost:*, http://127.0.0.1:*", "off") */
    public String description() {
        return description;
    }

    /** @return whether a page of this origin (the request's {@code Origin} header) may read the server's answers */
    public boolean allows(String origin) {
        if (!enabled || origin == null) {
            return false;
        }
        Matcher m = ORIGIN.matcher(origin.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return false; // "null" (file:// pages, sandboxed frames) and anything malformed
        }
        if (anyOrigin) {
            return true;
        }
        int port = port(m.group(1), m.group(3));
        return patterns.stream().anyMatch(p -> p.matches(m.group(1), m.group(2), port));
    }

    /**
     * @return whether the request is a CORS preflight ({@code OPTIONS} with {@code Origin} and
     * {@code Access-Control-Request-Method}) this policy answers itself, before routing and authentication
     */
    public boolean isPreflight(String method, String origin, String requestedMethod) {
        return enabled && "OPTIONS".equalsIgnoreCase(method) && origin != null && requestedMethod != null;
    }

    /**
     * The headers of the answer (204) to a preflight from an allowed origin; empty when the origin is not allowed,
     * in which case the preflight is refused (403) without any {@code Access-Control-*} header.
     *
     * @param privateNetwork whether the preflight asked {@code Access-Control-Request-Private-Network: true}
     *                       (Chromium, for a public page calling this machine)
     */
    public Map<String, String> preflightHeaders(String origin, boolean privateNetwork) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allows(origin)) {
            return headers;
        }
        allowOrigin(origin, headers);
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE);
        if (privateNetwork) {
            headers.put("Access-Control-Allow-Private-Network", "true");
        }
        return headers;
    }

    /** The {@code Vary} values of a preflight answer, allowed or not. */
    public List<String> preflightVary() {
        return List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
    }

    /**
     * The headers to add to an answer to an actual request (any status, errors included so the page can read the
     * DSSError): the allow headers for an allowed origin, nothing for another origin or a request without one.
     * {@link #vary()} goes on every answer besides.
     */
    public Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allows(origin)) {
            return headers;
        }
        allowOrigin(origin, headers);
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return headers;
    }

    /** The {@code Vary} value every answer carries while CORS is on (none when off). */
    public List<String> vary() {
        return enabled ? List.of("Origin") : List.of();
    }

    /** What a refused preflight says, for the error body. */
    public String refusal(String origin) {
        return "Origin " + origin + " may not call this server from a browser (allowed: " + description
                + "; start the server with --cors-origins to allow it)";
    }

    private void allowOrigin(String origin, Map<String, String> headers) {
        if (anyOrigin) {
            // "*" and credentials exclude each other: any page may call with an API key, none with a session cookie
            headers.put("Access-Control-Allow-Origin", "*");
        } else {
            headers.put("Access-Control-Allow-Origin", origin.trim());
            headers.put("Access-Control-Allow-Credentials", "true");
        }
    }

    /** -1: any port; otherwise the port, the scheme's default when none is written. */
    private static int port(String scheme, String port) {
        if ("*".equals(port)) {
            return -1;
        }
        if (port != null) {
            return Integer.parseInt(port);
        }
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> 0;
        };
    }

    private record OriginPattern(String scheme, boolean subdomains, String host, int port) {
        boolean matches(String originScheme, String originHost, int originPort) {
            boolean hostMatches = subdomains ? originHost.endsWith("." + host) : originHost.equals(host);
            return scheme.equals(originScheme) && hostMatches && (port == -1 || port == originPort);
        }
    }
}
