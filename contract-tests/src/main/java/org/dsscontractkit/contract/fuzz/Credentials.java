package org.dsscontractkit.contract.fuzz;

/** What a fuzz request carries to authenticate. */
public enum Credentials {
    /** the target's valid key (the DSS admin key, the API node service's key) */
    VALID,
    /** nothing */
    NONE,
    /** a well-formed key the target never issued */
    UNKNOWN,
    /** an Authorization header that carries no usable key, or a bogus ticket */
    MALFORMED;

    public boolean valid() {
        return this == VALID;
    }
}
