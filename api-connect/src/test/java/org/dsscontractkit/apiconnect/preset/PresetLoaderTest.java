package org.dsscontractkit.apiconnect.preset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsscontractkit.apiconnect.Fixtures.write;

class PresetLoaderTest {
    @TempDir Path dir;

    @Test
    void readsYamlAndJsonAndMergesFieldByFieldLaterFileWinning() {
        Path auth = write(dir, "auth.json", "{\"auth\": {\"type\": \"api_key\", \"apiKey\": {\"name\": \"X-Key\", \"value\": {\"env\": \"KEY\"}}}, \"variables\": {\"env\": \"prod\"}}");
        Path endpoint = write(dir, "endpoint.yaml", """
                variables:
                  env: staging
                endpoint:
                  url: https://{{env}}.example.com/items
                  query: {limit: 10, tag: [a, b]}
                pagination: {type: offset, param: skip}
                """);
        PresetLoader.Loaded loaded = new PresetLoader().load(List.of(auth, endpoint));
        assertThat(loaded.preset().auth().apiKey().name()).isEqualTo("X-Key");
        assertThat(loaded.preset().variables().get("env").asText()).isEqualTo("staging");
        assertThat(loaded.preset().endpoint().query().get("tag").size()).isEqualTo(2);
        assertThat(loaded.sources().fileOf("auth.apiKey.value")).isEqualTo(auth.toString());
        assertThat(loaded.sources().fileOf("endpoint.url")).isEqualTo(endpoint.toString());
    }

    @Test
    void mergedPresetsAreValidatedAsAWhole() {
        Path a = write(dir, "a.yaml", "endpoint: {url: 'http://x', body: {json: {a: 1}, contentType: application/json}}");
        Path b = write(dir, "b.yaml", "endpoint: {body: {raw: text}}");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(a, b)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(a + " + " + b + ": endpoint.body: ");
    }

    @Test
    void unknownAuthTypeNamesFileAndField() {
        Path p = write(dir, "bad.yaml", "auth:\n  type: kerberos\n");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(p)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(p + ": auth.type: ")
                .hasMessageContaining("enum");
    }

    @Test
    void misspelledFieldIsNamed() {
        Path p = write(dir, "typo.yaml", "endpoint:\n  url: http://x\n  methd: GET\n");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(p)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.file()).isEqualTo(p.toString());
                    assertThat(c.field()).isEqualTo("endpoint.methd");
                });
    }

    @Test
    void wrongTypeAndBadMethodAreRejected() {
        Path p = write(dir, "t.json", "{\"endpoint\": {\"url\": \"http://x\", \"method\": \"FETCH\"}}");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(p))).hasMessageContaining("endpoint.method");
        Path q = write(dir, "q.json", "{\"endpoint\": {\"url\": \"http://x\", \"timeoutSeconds\": \"soon\"}}");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(q))).hasMessageContaining("endpoint.timeoutSeconds");
    }

    @Test
    void malformedYamlSaysWhere() {
        Path p = write(dir, "broken.yaml", "endpoint:\n  url: [unclosed\n");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(p)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("line");
    }

    @Test
    void missingFileIsAConfigError() {
        Path p = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new PresetLoader().load(List.of(p))).hasMessage(p + ": file not found");
    }

    @Test
    void committedSchemaIsAValidDocumentAndExampleValidates() {
        Path p = write(dir, "full.yaml", """
                auth:
                  type: oauth2_refresh_token
                  oauth2:
                    tokenUrl: https://idp.example.com/token
                    clientId: app
                    clientSecret: {env: CLIENT_SECRET}
                    refreshToken: {file: /tmp/refresh}
                    persistRotatedRefreshToken: true
                endpoint:
                  url: https://api.example.com/v1/things
                  method: POST
                  headers: {X-Trace: "{{trace}}"}
                  body: {json: {name: "{{name}}", tags: ["{{tag}}"]}}
                  dataPath: data.items
                  timeoutSeconds: 30
                  requestsPerMinute: 120
                  retry: {maxRetries: 2, onStatus: [429, 503]}
                  maxPages: 5
                pagination: {type: next_page, nextUrlPath: 'Paging.["@odata.nextLink"]'}
                templates: {unknownVariables: literal}
                """);
        assertThat(new PresetLoader().load(List.of(p)).preset().endpoint().retry().maxRetries()).isEqualTo(2);
    }
}
