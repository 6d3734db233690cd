package org.dsscontractkit.spec;

/**
 * Classpath locations of what the spec jar carries, so servers and tests read the released documents instead of
 * copies of their own.
 */
public final class OpenApiResources {

    /** Bundled, self-contained DSS public API document. */
    public static final String DSS_PUBLIC_API_YAML = "openapi/dss-public-api.yaml";
    public static final String DSS_PUBLIC_API_JSON = "openapi/dss-public-api.json";

    /** Bundled, self-contained API Node user API document. */
    public static final String APINODE_USER_API_YAML = "openapi/apinode-user-api.yaml";
    public static final String APINODE_USER_API_JSON = "openapi/apinode-user-api.json";

    /** The changelog of the documents (Markdown): operations added, deprecated, changed, removed per release. */
    public static final String CHANGELOG = "changelog/CHANGELOG.md";
    /**
     * Mock-ready variants for Prism ({@code prism mock} / {@code prism proxy}): the same operations, schemas and
     * examples, every path mounted under each API base ({@code /public/api} and {@code /dip/publicapi}; the API
     * node's paths already carry {@code /public/api/v1}).
     */
    public static final String DSS_PUBLIC_API_MOCK_YAML = "openapi/mock/dss-public-api.yaml";
    public static final String DSS_PUBLIC_API_MOCK_JSON = "openapi/mock/dss-public-api.json";
    public static final String APINODE_USER_API_MOCK_YAML = "openapi/mock/apinode-user-api.yaml";
    public static final String APINODE_USER_API_MOCK_JSON = "openapi/mock/apinode-user-api.json";

    /**
     * Generator-ready variants for client generators in other languages (query booleans as booleans, endpoint-named
     * query parameters as one exploded object, JSON answers typed first, open enums in answers, servers with
     * variables); the wire is the published documents'.
     */
    public static final String DSS_PUBLIC_API_CLIENT_YAML = "openapi/client/dss-public-api.yaml";
    public static final String APINODE_USER_API_CLIENT_YAML = "openapi/client/apinode-user-api.yaml";

    /** Folder of the rendered HTML docs; {@code docs/index.html} is the entry page. */
    public static final String DOCS_ROOT = "docs/";

    private OpenApiResources() {
    }
}
