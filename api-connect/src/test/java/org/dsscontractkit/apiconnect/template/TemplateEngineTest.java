package org.dsscontractkit.apiconnect.template;

import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.dsscontractkit.apiconnect.preset.PresetSources;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateEngineTest {
    private final TemplateEngine strict = new TemplateEngine(UnknownVariables.FAIL, new PresetSources());
    private final TemplateEngine literal = new TemplateEngine(UnknownVariables.LITERAL, new PresetSources());

    @Test
    void urlValuesArePercentEncodedSoTheyCannotChangeTheUrlStructure() {
        Template t = strict.compile("https://api.example.com/users/{{user}}/data", "endpoint.url", Escaping.URL_COMPONENT);
        assertThat(t.render(Map.of("user", "john doe/../admin?x=1&y#z")))
                .isEqualTo("https://api.example.com/users/john%20doe%2F..%2Fadmin%3Fx%3D1%26y%23z/data");
    }

    @Test
    void tripleMustacheInsertsARawValueForWholeUrls() {
        Template t = strict.compile("{{{base}}}/projects/{{key}}", "endpoint.url", Escaping.URL_COMPONENT);
        assertThat(t.render(Map.of("base", "http://h:1/public/api", "key", "A B"))).isEqualTo("http://h:1/public/api/projects/A%20B");
    }

    @Test
    void valuesOutsideUrlsAreNeverHtmlEscaped() {
        Template t = strict.compile("Token {{t}} & <{{u}}>", "endpoint.headers.X", Escaping.NONE);
        assertThat(t.render(Map.of("t", "a&b\"c", "u", "<x>"))).isEqualTo("Token a&b\"c & <<x>>");
        assertThat(t.variables()).containsExactly("t", "u");
    }

    @Test
    void unknownVariableFailsByDefaultNamingTheField() {
        Template t = strict.compile("/items/{{missing}}", "endpoint.url", Escaping.URL_COMPONENT);
        assertThatThrownBy(() -> strict.requireKnown(t, Set.of("other")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("endpoint.url").hasMessageContaining("{{missing}}");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(MissingVariableException.class);
    }

    @Test
    void literalModeKeepsUnknownVariablesLikeThePlugin() {
        Template url = literal.compile("http://h/{{missing}}/{{known}}", "endpoint.url", Escaping.URL_COMPONENT);
        assertThat(url.render(Map.of("known", "k"))).isEqualTo("http://h/%7B%7Bmissing%7D%7D/k");
        Template header = literal.compile("Bearer {{missing}}", "endpoint.headers.A", Escaping.NONE);
        assertThat(header.render(Map.of())).isEqualTo("Bearer {{missing}}");
        literal.requireKnown(url, Set.of()); // no error in literal mode
    }

    @Test
    void malformedTemplateIsAConfigErrorNamingTheField() {
        assertThatThrownBy(() -> strict.compile("{{#section}} never closed", "endpoint.body.raw", Escaping.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("endpoint.body.raw").hasMessageContaining("malformed template");
        assertThatThrownBy(() -> strict.compile("{{> partial}}", "endpoint.url", Escaping.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("partials");
    }
}
