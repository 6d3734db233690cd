package org.dsscontractkit.apiconnect.template;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer().on("/b", (r, i) -> Reply.json("{\"ok\": true}"));

    @AfterEach
    void stop() { server.close(); }

    private TestServer.Recorded call(String yaml, Map<String, String> row) {
        ApiConnect api = Fixtures.api(Fixtures.write(dir, "p.yaml", yaml), ApiConnect.Options.defaults().withMaxRetries(0), row.keySet());
        api.transport().send(api.render(api.variables(row)));
        return server.requests().get(server.requests().size() - 1);
    }

    @Test
    void jsonBodyValuesAreTemplatedAndJsonEscaped() {
        TestServer.Recorded r = call("""
                endpoint:
                  url: '%s'
                  method: POST
                  body: {json: {name: '{{name}}', nested: {list: ['{{name}}', 3, true]}}}
                """.formatted(server.url("/b")), Map.of("name", "He said \"hi\"\n"));
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body()).isEqualTo("{\"name\":\"He said \\\"hi\\\"\\n\",\"nested\":{\"list\":[\"He said \\\"hi\\\"\\n\",3,true]}}");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void formAndRawBodiesAndOtherMethods() {
        TestServer.Recorded form = call("""
                endpoint: {url: '%s', method: PUT, body: {form: {q: '{{q}}', lang: fr}}}
                """.formatted(server.url("/b")), Map.of("q", "a&b c"));
        assertThat(form.method()).isEqualTo("PUT");
        assertThat(form.body()).isEqualTo("q=a%26b+c&lang=fr");
        assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");

        TestServer.Recorded raw = call("""
                endpoint: {url: '%s', method: PATCH, headers: {Content-Type: application/xml}, body: {raw: '<v>{{v}}</v>'}}
                """.formatted(server.url("/b")), Map.of("v", "é"));
        assertThat(raw.method()).isEqualTo("PATCH");
        assertThat(raw.body()).isEqualTo("<v>é</v>");
        assertThat(raw.header("Content-Type")).isEqualTo("application/xml");

        TestServer.Recorded delete = call("endpoint: {url: '%s', method: DELETE}".formatted(server.url("/b")), Map.of());
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.body()).isEmpty();
    }

    @Test
    void queryValuesAreFormEncodedAndEmptyPairsDropped() {
        TestServer.Recorded r = call("""
                endpoint:
                  url: '%s'
                  query: {search: '{{s}}', empty: '', list: [x, y]}
                  headers: {X-Empty: '', X-Row: 'row {{s}}'}
                """.formatted(server.url("/b")), Map.of("s", "a/b&c d"));
        assertThat(r.query()).isEqualTo("search=a%2Fb%26c+d&list=x&list=y");
        assertThat(r.header("X-Empty")).isNull();
        assertThat(r.header("X-Row")).isEqualTo("row a/b&c d");
    }

    @Test
    void presetVariablesUseOtherVariablesAndFollowThePluginPrecedence() {
        TestServer.Recorded r = call("""
                auth: {type: bearer, token: preset-token}
                variables: {env: prod, host_path: '{{env}}/v1', token: shadow}
                endpoint: {url: '%s', query: {p: '{{host_path}}', t: '{{token}}', c: '{{column}}'}}
                """.formatted(server.url("/b")), Map.of("column", "from-row", "env", "row-env"));
        // preset variables win over row columns (as in the plugin) and see the auth variables
        assertThat(r.query()).isEqualTo("p=prod%2Fv1&t=shadow&c=from-row");
        assertThat(r.header("Authorization")).isEqualTo("Bearer preset-token");
    }

    @Test
    void verboseLogRedactsSecrets() {
        List<String> log = new ArrayList<>();
        ApiConnect api = Fixtures.api(Fixtures.write(dir, "p.yaml", """
                auth: {type: api_key, apiKey: {name: key, value: 'my secret', in: query}}
                endpoint: {url: '%s'}
                """.formatted(server.url("/b"))), ApiConnect.Options.defaults().withMaxRetries(0).withLog(log::add), Set.of());
        api.transport().send(api.render(api.variables(Map.of())));
        assertThat(server.requests().get(0).query()).isEqualTo("key=my+secret");
        assertThat(log).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("my+secret").doesNotContain("my secret"));
        assertThat(log.get(0)).endsWith("/b?key=***");
    }
}
