package org.dsscontractkit.client;

/** The two base prefixes a DSS serves its public API under. */
public enum ApiBase {
    /** {@code /dip/publicapi}: what the Python client always uses (default). */
    DIP_PUBLICAPI("/dip/publicapi"),
    /** {@code /public/api}: the base given in Dataiku's REST documentation. */
    PUBLIC_API("/public/api");

    private final String prefix;

    ApiBase(String prefix) {
        this.prefix = prefix;
    }

    /** @return the path prefix, starting with a slash and without a trailing one */
    public String prefix() {
        return prefix;
    }
}
