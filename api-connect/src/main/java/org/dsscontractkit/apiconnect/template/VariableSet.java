package org.dsscontractkit.apiconnect.template;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one call, with the plugin's precedence (later wins): the recipe row's columns, then the auth
 * mode's variables ({{username}}, {{password}}, {{token}}), then the preset's {@code variables} (each one a
 * template that may use everything before it), then {@code --var} from the command line.
 */
public final class VariableSet {
    private final Map<String, String> auth;
    private final Map<String, Template> preset;
    private final Map<String, String> commandLine;

    public VariableSet(Map<String, String> auth, Map<String, Template> preset, Map<String, String> commandLine) {
        this.auth = auth;
        this.preset = preset;
        this.commandLine = commandLine;
    }

    public Map<String, Object> resolve(Map<String, String> row) {
        Map<String, Object> vars = new LinkedHashMap<>(row);
        vars.putAll(auth);
        vars.putAll(commandLine);
        preset.forEach((name, t) -> vars.put(name, t.render(vars)));
        vars.putAll(commandLine);
        return vars;
    }

    /** Names that will exist for a row with these columns; checks preset variables in order on the way. */
    public Set<String> names(Set<String> rowColumns, TemplateEngine engine) {
        Set<String> names = new LinkedHashSet<>(rowColumns);
        names.addAll(auth.keySet());
        names.addAll(commandLine.keySet());
        for (Map.Entry<String, Template> e : preset.entrySet()) {
            engine.requireKnown(e.getValue(), names);
            names.add(e.getKey());
        }
        return names;
    }
}
