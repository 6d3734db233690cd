package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apiconnect.transport.ApiResponse;
import org.dsscontractkit.apiconnect.transport.HttpTransport;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the pages of one call (one dataset read, or one recipe input row), with the plugin's rules:
 * the first request is always made; stop after an empty page (0 items, 204, non-JSON body), when there is no
 * next page, after maxRows (checked per page) or maxPages; an HTTP error stops with {@link HttpStatusException};
 * requesting a page already requested stops with {@link LoopDetectedException}.
 */
public final class PageFetcher {
    /** Receives each page; returns how many rows it produced (for maxRows). */
    public interface PageConsumer {
        int accept(Page page);
    }

    private final HttpTransport transport;
    private final PaginationSettings settings;

    public PageFetcher(HttpTransport transport, PaginationSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    public void fetch(RequestSpec first, Map<String, ?> vars, PageConsumer consumer) {
        Set<String> seen = recentRequests();
        RequestSpec request = settings.mode() == PaginationMode.PAGE ? first.withQueryParam(settings.param(), "1") : first;
        long rows = 0;
        long offset = 0;
        int pageNumber = 1;
        for (int index = 0; ; index++) {
            String signature = request.signature();
            if (!seen.add(signature)) {
                throw new LoopDetectedException("Pagination loop: page " + (index + 1) + " repeats an earlier request ("
                        + request.method() + " " + transport.redactor().redact(request.uri().toString())
                        + "). Check the pagination settings (pagination.type, nextUrlPath, param).");
            }
            ApiResponse response = transport.send(request);
            if (response.isError()) {
                throw new HttpStatusException(errorMessage(response, transport), request, response);
            }
            JsonNode body = ResponseDecoder.decode(response);
            boolean found = settings.dataPath().isEmpty() || (body != null && settings.dataPath().find(body) != null);
            List<JsonNode> records = ResponseDecoder.records(body, settings.dataPath());
            Page page = new Page(index, request, response, body, records, found);
            rows += consumer.accept(page);

            if (settings.mode() == PaginationMode.NONE) return;
            if (body == null || body.isTextual() || records.isEmpty()) return;
            if (settings.maxRows() > 0 && rows >= settings.maxRows()) return;
            if (settings.maxPages() > 0 && index + 1 >= settings.maxPages()) return;

            switch (settings.mode()) {
                case NEXT_URL -> {
                    String next = NextUrlPath.read(settings.nextUrlPath(), body);
                    if (next == null) return;
                    request = nextFromUrl(first, request, next, vars);
                }
                case LINK_HEADER -> {
                    String next = LinkHeader.next(response.headerValues("Link"));
                    if (next == null) return;
                    // As in the plugin, the configured query parameters are dropped once a Link is followed.
                    request = first.withUrl(response.uri().resolve(RequestSpec.toUri(next)).toString(), List.of());
                }
                case OFFSET, PAGE -> {
                    // The plugin only continues when it can count items: a data path, or a top-level array.
                    if (settings.dataPath().isEmpty() && !body.isArray()) return;
                    if (settings.mode() == PaginationMode.OFFSET) {
                        offset += records.size();
                        request = first.withQueryParam(settings.param(), Long.toString(offset));
                    } else {
                        pageNumber++;
                        request = first.withQueryParam(settings.param(), Integer.toString(pageNumber));
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }

    /**
     * The requests of this pagination, for loop detection. The plugin only compares with the previous request; we
     * remember the last {@value #LOOP_MEMORY} so that A-B-A cycles are caught too, while memory stays bounded
     * however many pages are fetched.
     */
    private static Set<String> recentRequests() {
        return java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>(64, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > LOOP_MEMORY;
            }
        });
    }

    static final int LOOP_MEMORY = 10_000;

    private RequestSpec nextFromUrl(RequestSpec first, RequestSpec current, String next, Map<String, ?> vars) {
        String target;
        if (settings.relative()) {
            String base = settings.base() == null ? "" : settings.base().render(vars);
            target = trimSlashes(base) + "/" + next.replaceAll("^/+", "");
        } else {
            URI uri = RequestSpec.toUri(next);
            target = uri.isAbsolute() ? next : current.uri().resolve(uri).toString();
        }
        // The plugin re-appends the configured query parameters to every next URL; we do too, except names the
        // next URL already carries (the plugin would send them twice: ?p=2&limit=2&limit=2).
        Set<String> present = queryNames(target);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Map.Entry<String, String> e : first.query()) {
            if (!present.contains(e.getKey())) query.add(e);
        }
        return first.withUrl(target, query);
    }

    private static Set<String> queryNames(String url) {
        Set<String> names = new HashSet<>();
        URI uri = RequestSpec.toUri(url);
        String q = uri.getRawQuery();
        if (q == null) return names;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            names.add(java.net.URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8));
        }
        return names;
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** Plugin format {@code Error <code>: <body>} (body as text, not a Python bytes repr), redacted, truncated. */
    public static String errorMessage(ApiResponse response, HttpTransport transport) {
        String body = response.bodyText();
        if (body.length() > 2000) body = body.substring(0, 2000) + "…";
        return transport.redactor().redact("Error " + response.status() + ": " + body);
    }
}
