package org.dsscontractkit.apiconnect.template;

import com.github.mustachejava.Mustache;

import java.io.StringWriter;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/** One compiled {@code {{variable}}} template, knowing the variables it uses. */
public final class Template {
    private final String source;
    private final String field;
    private final Mustache mustache;
    private final Set<String> variables;
    private final UnknownVariables unknown;

    Template(String source, String field, Mustache mustache, Set<String> variables, UnknownVariables unknown) {
        this.source = source;
        this.field = field;
        this.mustache = mustache;
        this.variables = variables;
        this.unknown = unknown;
    }

    public String source() { return source; }

    /** The preset field this template came from, e.g. {@code endpoint.headers.Authorization}. */
    public String field() { return field; }

    /** Top-level variable names used ({@code {{a.b}}} counts as {@code a}). */
    public Set<String> variables() { return variables; }

    public boolean isConstant() { return variables.isEmpty(); }

    public String render(Map<String, ?> vars) {
        if (variables.isEmpty()) return source;
        if (unknown == UnknownVariables.FAIL) {
            for (String v : variables) {
                if (!vars.containsKey(v)) throw new MissingVariableException(field, v);
            }
        }
        StringWriter out = new StringWriter(source.length() + 32);
        Object scope = unknown == UnknownVariables.LITERAL ? new LiteralWhenMissing(vars) : vars;
        mustache.execute(out, scope);
        return out.toString();
    }

    /** Scope that answers a missing variable with its own {@code {{name}}} text, as the plugin leaves it. */
    private static final class LiteralWhenMissing extends AbstractMap<String, Object> {
        private final Map<String, ?> vars;

        LiteralWhenMissing(Map<String, ?> vars) { this.vars = vars; }

        @Override public boolean containsKey(Object key) { return true; }

        @Override public Object get(Object key) {
            Object v = vars.get(key);
            return v != null || vars.containsKey(key) ? v : "{{" + key + "}}";
        }

        @Override public Set<Entry<String, Object>> entrySet() {
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) vars;
            return m.entrySet();
        }
    }
}
