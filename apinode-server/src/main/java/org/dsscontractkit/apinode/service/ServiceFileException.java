package org.dsscontractkit.apinode.service;

/** A service file that cannot be used: which field breaks which rule. */
public class ServiceFileException extends RuntimeException {

    private final String field;
    private final String rule;

    public ServiceFileException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
