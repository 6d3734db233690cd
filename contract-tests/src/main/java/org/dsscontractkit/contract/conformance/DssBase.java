package org.dsscontractkit.contract.conformance;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Where a DSS answers, from the URL a user gives: the host ({@code https://dss.example.com}, possibly behind a path
 * prefix such as {@code https://gateway/dss}) or one of the API's two bases ({@code .../public/api},
 * {@code .../dip/publicapi}). Requests go to {@code origin + prefix + base + path}; the validator sees
 * {@code base + path}, the way the documents declare them.
 *
 * @param origin scheme, host and port
 * @param prefix path before the API base ("" or e.g. "/dss"), without a trailing slash
 * @param base   {@code /public/api} or {@code /dip/publicapi}
 */
public record DssBase(URI origin, String prefix, String base) {

    public static final String DOCUMENTED_BASE = "/public/api";
    public static final String CLIENT_BASE = "/dip/publicapi";

    /**
     * @param option the option the URL came from, named in the error
     * @throws IllegalArgumentException naming the option when the URL is not an http(s) URL with a host
     */
    public static DssBase parse(String option, String url) {
        URI uri = httpUri(option, url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        for (String base : List.of(DOCUMENTED_BASE, CLIENT_BASE)) {
            if (path.endsWith(base)) {
                return new DssBase(origin(uri), path.substring(0, path.length() - base.length()), base);
            }
        }
        // the host alone: the documented base, which every DSS serves
        return new DssBase(origin(uri), path, DOCUMENTED_BASE);
    }

    /** The API node's user API lives at {@code /public/api/v1/...} under the given URL (host, or host + prefix). */
    public static DssBase apiNode(String option, String url) {
        URI uri = httpUri(option, url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.endsWith("/public/api/v1")) {
            path = path.substring(0, path.length() - "/public/api/v1".length());
        }
        return new DssBase(origin(uri), path, "");
    }

    static URI httpUri(String option, String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(option + ": expected http(s)://host[:port][/path], got " + url);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(option + ": no query or fragment expected, got " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + ": not a URL: " + url + " (" + e.getReason() + ")");
        }
    }

    private static URI origin(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** @param pathAndQuery an operation's path (already filled in) and raw query, e.g. {@code /projects/?tags=a} */
    public URI resolve(String pathAndQuery) {
        return URI.create(origin + prefix + base + pathAndQuery);
    }

    /** The request path as the documents declare it, for the validator. */
    public String documentPath(String path) {
        return base + path;
    }

    @Override
    public String toString() {
        return origin + prefix + base;
    }
}
