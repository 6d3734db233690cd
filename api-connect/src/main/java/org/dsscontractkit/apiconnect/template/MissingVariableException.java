package org.dsscontractkit.apiconnect.template;

/** A template names a variable that no preset, column or --var defines. */
public class MissingVariableException extends RuntimeException {
    private final String field;
    private final String variable;

    public MissingVariableException(String field, String variable) {
        super("unknown variable {{" + variable + "}} in " + field);
        this.field = field;
        this.variable = variable;
    }

    public String field() { return field; }
    public String variable() { return variable; }
}
