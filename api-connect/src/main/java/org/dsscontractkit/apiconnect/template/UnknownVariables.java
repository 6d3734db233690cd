package org.dsscontractkit.apiconnect.template;

/** What a template does with a {@code {{name}}} whose variable does not exist. */
public enum UnknownVariables {
    /** Default: the run stops before the first call, naming the file, field and variable. */
    FAIL,
    /** Plugin-compatible: {@code {{name}}} stays in the text literally (percent-encoded when in a URL). */
    LITERAL;

    public static UnknownVariables parse(String s) {
        return s == null ? FAIL : valueOf(s.trim().toUpperCase());
    }
}
