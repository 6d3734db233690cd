package org.dsscontractkit.apiconnect.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One fully rendered request (no templates left), before authentication is applied. */
public final class RequestSpec {
    private final String method;
    private final String url;
    private final List<Map.Entry<String, String>> query;
    /** Lower-case name -> (display name, value): one value per name, a later one replaces (auth over endpoint). */
    private final LinkedHashMap<String, Map.Entry<String, String>> headers;
    private final byte[] body;

    public RequestSpec(String method, String url, List<Map.Entry<String, String>> query,
                       Map<String, String> headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.query = new ArrayList<>(query);
        this.headers = new LinkedHashMap<>();
        headers.forEach(this::setHeader);
        this.body = body;
    }

    public String method() { return method; }
    public String url() { return url; }
    public List<Map.Entry<String, String>> query() { return query; }
    public byte[] body() { return body; }

    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        headers.values().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public String header(String name) {
        Map.Entry<String, String> e = headers.get(name.toLowerCase(Locale.ROOT));
        return e == null ? null : e.getValue();
    }

    public RequestSpec withHeader(String name, String value) {
        RequestSpec copy = copy(url, query);
        copy.setHeader(name, value);
        return copy;
    }

    public RequestSpec withQueryParam(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return copy(url, q);
    }

    public RequestSpec withUrl(String newUrl, List<Map.Entry<String, String>> newQuery) {
        return copy(newUrl, newQuery);
    }

    private RequestSpec copy(String newUrl, List<Map.Entry<String, String>> newQuery) {
        return new RequestSpec(method, newUrl, newQuery, headers(), body);
    }

    private void setHeader(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
    }

    /** URL plus the query parameters, form-encoded (space -> +, '&' -> %26), appended after any query already in the URL. */
    public URI uri() {
        StringBuilder sb = new StringBuilder(url);
        if (!query.isEmpty()) {
            int hash = sb.indexOf("#");
            String fragment = "";
            if (hash >= 0) {
                fragment = sb.substring(hash);
                sb.setLength(hash);
            }
            char last = sb.length() == 0 ? 0 : sb.charAt(sb.length() - 1);
            if (sb.indexOf("?") < 0) {
                sb.append('?');
            } else if (last != '?' && last != '&') {
                sb.append('&');
            }
            boolean first = true;
            for (Map.Entry<String, String> e : query) {
                if (!first) sb.append('&');
                first = false;
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            sb.append(fragment);
        }
        return toUri(sb.toString());
    }

    /** Parses a URL leniently: characters a browser would escape (spaces, braces, non-ASCII) are percent-encoded. */
    public static URI toUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            StringBuilder sb = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c > 0x20 && c < 0x7f && "\"<>\\^`{|} ".indexOf(c) < 0) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(String.format("%02X", c));
                }
            }
            try {
                return new URI(sb.toString());
            } catch (URISyntaxException e2) {
                throw new IllegalArgumentException("invalid URL '" + text + "': " + e2.getReason());
            }
        }
    }

    /** What identifies a page for loop detection: method, full URL and headers (the plugin compares the same). */
    public String signature() {
        return method + " " + uri() + " " + headers;
    }

    @Override public boolean equals(Object o) {
        return o instanceof RequestSpec r && r.signature().equals(signature()) && java.util.Arrays.equals(body, r.body);
    }

    @Override public int hashCode() { return Objects.hash(signature()); }
}
