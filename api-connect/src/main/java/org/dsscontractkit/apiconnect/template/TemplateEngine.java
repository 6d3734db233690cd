package org.dsscontractkit.apiconnect.template;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.preset.PresetSources;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles templates with mustache.java. A malformed template is a {@link ConfigException} naming file and field.
 * Values are never HTML-escaped: {@code {{x}}} is written as is, except in URLs where it is percent-encoded.
 */
public final class TemplateEngine {
    private final UnknownVariables unknown;
    private final PresetSources sources;
    private final DefaultMustacheFactory raw = new EncodingFactory(Escaping.NONE);
    private final DefaultMustacheFactory url = new EncodingFactory(Escaping.URL_COMPONENT);
    private final AtomicLong counter = new AtomicLong();

    private final java.util.function.UnaryOperator<String> redact;

    public TemplateEngine(UnknownVariables unknown, PresetSources sources) {
        this(unknown, sources, s -> s);
    }

    /** @param redact masks secrets in error messages (a template may be a secret variable's value) */
    public TemplateEngine(UnknownVariables unknown, PresetSources sources, java.util.function.UnaryOperator<String> redact) {
        this.unknown = unknown;
        this.sources = sources;
        this.redact = redact;
    }

    public UnknownVariables unknownVariables() { return unknown; }

    public Template compile(String text, String field, Escaping escaping) {
        if (text == null) return null;
        DefaultMustacheFactory factory = escaping == Escaping.URL_COMPONENT ? url : raw;
        Mustache mustache;
        try {
            mustache = factory.compile(new StringReader(text), field + "#" + counter.incrementAndGet());
        } catch (MustacheException e) {
            throw sources.error(field, redact.apply("malformed template '" + text + "': " + cleanMessage(e)));
        }
        Set<String> vars = new LinkedHashSet<>();
        collect(mustache.getCodes(), vars, field, text);
        return new Template(text, field, mustache, vars, unknown);
    }

    private void collect(Code[] codes, Set<String> vars, String field, String text) {
        if (codes == null) return;
        for (Code code : codes) {
            if (code instanceof PartialCode) {
                throw sources.error(field, redact.apply("template partials ({{> name}}) are not supported: '" + text + "'"));
            }
            String name = code.getName();
            if (name != null && !name.isEmpty() && (code instanceof ValueCode || code.getCodes() != null)) {
                int dot = name.indexOf('.');
                vars.add(dot > 0 ? name.substring(0, dot) : name);
            }
            collect(code.getCodes(), vars, field, text);
        }
    }

    private static String cleanMessage(MustacheException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("@\\[[^]]*]", "").trim();
    }

    /** Checks a template against the variables that will exist, before any call is made. */
    public void requireKnown(Template t, Set<String> known) {
        if (t == null || unknown == UnknownVariables.LITERAL) return;
        for (String v : t.variables()) {
            if (!known.contains(v)) {
                throw sources.error(t.field(), "unknown variable {{" + v + "}} in '" + redact.apply(t.source())
                        + "' (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + "; use --unknown-variables=literal for the plugin's behaviour)");
            }
        }
    }

    public ConfigException error(String field, String message) {
        return sources.error(field, message);
    }

    private static final class EncodingFactory extends DefaultMustacheFactory {
        private final Escaping escaping;

        EncodingFactory(Escaping escaping) { this.escaping = escaping; }

        /** Partials would read files named by the template text: never allowed in presets. */
        @Override
        public java.io.Reader getReader(String resourceName) {
            throw new MustacheException("template partials ({{> name}}) are not supported");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escaping.apply(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
