package org.dsscontractkit.apiconnect.pagination;

/** Plugin pagination_type values and their names here. */
public enum PaginationMode {
    /** plugin "na": one request. */
    NONE,
    /** plugin "next_page" with a next_page_url_key: next URL read by JSONPath from the response. */
    NEXT_URL,
    /** plugin "next_page" with an empty key: RFC 5988 {@code Link: <...>; rel="next"}. */
    LINK_HEADER,
    /** plugin "offset": no parameter on the first call, then {@code param=<items so far>}. */
    OFFSET,
    /** plugin "page": {@code param=1}, 2, 3... */
    PAGE
}
