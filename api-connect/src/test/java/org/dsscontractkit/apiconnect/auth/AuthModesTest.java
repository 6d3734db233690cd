package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthModesTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer().on("/data", (r, i) -> Reply.json("[{\"id\": 1}]"));

    @AfterEach
    void stop() { server.close(); }

    private void fetch(String yaml, Map<String, String> env) {
        ApiConnect api = Fixtures.api(dir, yaml, env);
        assertThat(Fixtures.fetch(api, false)).hasSize(1);
    }

    @Test
    void noAuthSendsNoAuthorization() {
        fetch("endpoint: {url: '" + server.url("/data") + "'}", Map.of());
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void basicAuthFromEnvironmentAndItsVariables() {
        fetch("""
                auth: {type: basic, username: alice, password: {env: PW}}
                endpoint:
                  url: '%s'
                  headers: {X-User: '{{username}}'}
                """.formatted(server.url("/data")), Map.of("PW", "s3cret!"));
        TestServer.Recorded r = server.requests().get(0);
        assertThat(r.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s3cret!".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("X-User")).isEqualTo("alice");
    }

    @Test
    void apiKeyInHeaderOverridesAConfiguredHeader() {
        fetch("""
                auth: {type: api_key, apiKey: {name: X-API-Key, value: key-123}}
                endpoint: {url: '%s', headers: {X-API-Key: wrong}}
                """.formatted(server.url("/data")), Map.of());
        assertThat(server.requests().get(0).headers().get("X-API-Key")).containsExactly("key-123");
    }

    @Test
    void apiKeyInQueryKeepsRepeatedParameters() {
        fetch("""
                auth: {type: api_key, apiKey: {name: api_key, value: 'k y', in: query}}
                endpoint: {url: '%s', query: {tag: [a, b]}}
                """.formatted(server.url("/data")), Map.of());
        assertThat(server.requests().get(0).query()).isEqualTo("tag=a&tag=b&api_key=k+y");
    }

    @Test
    void bearerWithTemplateAndTokenFromFile() throws Exception {
        Path token = Files.writeString(dir.resolve("token.txt"), "tok-abc\n");
        fetch("""
                auth: {type: bearer, token: {file: '%s'}, template: 'Token token={{token}}'}
                endpoint: {url: '%s', query: {t: '{{token}}'}}
                """.formatted(token, server.url("/data")), Map.of());
        TestServer.Recorded r = server.requests().get(0);
        assertThat(r.header("Authorization")).isEqualTo("Token token=tok-abc");
        assertThat(r.query()).isEqualTo("t=tok-abc");
    }

    @Test
    void oauth2ClientCredentialsTokenIsRequestedOnceAndReused() {
        server.on("/token", (r, i) -> Reply.json("{\"access_token\": \"at-" + i + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"));
        server.on("/page", (r, i) -> Reply.json(i < 2
                ? "{\"items\": [{\"n\": " + i + "}], \"next\": \"" + server.url("/page") + "?p=" + (i + 1) + "\"}"
                : "{\"items\": [{\"n\": 2}]}"));
        ApiConnect api = Fixtures.api(dir, """
                auth:
                  type: oauth2_client_credentials
                  oauth2: {tokenUrl: '%s', clientId: my-app, clientSecret: {env: CS}, scope: read}
                endpoint: {url: '%s', dataPath: items}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/token"), server.url("/page")), Map.of("CS", "client-secret"));
        assertThat(Fixtures.fetch(api, false)).hasSize(3);
        assertThat(server.requests("/token")).hasSize(1);
        TestServer.Recorded tokenCall = server.requests("/token").get(0);
        assertThat(tokenCall.body()).isEqualTo("grant_type=client_credentials&scope=read");
        assertThat(tokenCall.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("my-app:client-secret".getBytes()));
        assertThat(server.requests("/page")).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer at-0"));
    }

    @Test
    void oauth2RefreshTokenRotatesAndRefreshesOn401() throws Exception {
        Path refresh = Files.writeString(dir.resolve("refresh.txt"), "rt-0");
        server.on("/token", (r, i) -> Reply.json("{\"access_token\": \"at-" + i + "\", \"expires_in\": 3600, \"refresh_token\": \"rt-" + (i + 1) + "\"}"));
        // The API revokes the first access token: the client must refresh and retry once.
        server.on("/data", (r, i) -> "Bearer at-0".equals(r.header("Authorization"))
                ? Reply.status(401, "{\"error\": \"expired\"}") : Reply.json("[{\"ok\": true}]"));
        ApiConnect api = Fixtures.api(dir, """
                auth:
                  type: oauth2_refresh_token
                  oauth2: {tokenUrl: '%s', clientId: app, clientAuth: body, refreshToken: {file: '%s'}, persistRotatedRefreshToken: true}
                endpoint: {url: '%s'}
                """.formatted(server.url("/token"), refresh, server.url("/data")), Map.of());
        assertThat(Fixtures.fetch(api, false)).hasSize(1);
        assertThat(server.requests("/token")).extracting(TestServer.Recorded::body).containsExactly(
                "grant_type=refresh_token&refresh_token=rt-0&client_id=app",
                "grant_type=refresh_token&refresh_token=rt-1&client_id=app");
        assertThat(server.requests("/data")).extracting(r -> r.header("Authorization")).containsExactly("Bearer at-0", "Bearer at-1");
        assertThat(Files.readString(refresh)).isEqualTo("rt-2");
        // Tokens obtained at run time are redacted too.
        assertThat(api.redactor().redact("sent at-1 and rt-2")).isEqualTo("sent *** and ***");
    }

    @Test
    void failingTokenEndpointIsReportedWithoutTheSecret() {
        server.on("/token", (r, i) -> Reply.status(400, "{\"error\": \"invalid_client\", \"echo\": \"client-secret\"}"));
        ApiConnect api = Fixtures.api(dir, """
                auth: {type: oauth2_client_credentials, oauth2: {tokenUrl: '%s', clientId: app, clientSecret: client-secret}}
                endpoint: {url: '%s'}
                """.formatted(server.url("/token"), server.url("/data")), Map.of());
        assertThatThrownBy(() -> Fixtures.fetch(api, false))
                .hasMessageContaining("HTTP 400").hasMessageContaining("invalid_client").hasMessageNotContaining("client-secret");
        assertThat(server.requests("/data")).isEmpty();
    }

    @Test
    void missingSecretOrEnvVariableIsAConfigErrorBeforeAnyCall() {
        assertThatThrownBy(() -> Fixtures.api(dir, "auth: {type: basic, username: a, password: {env: NOT_SET}}\nendpoint: {url: 'http://x'}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.password").hasMessageContaining("NOT_SET");
        assertThatThrownBy(() -> Fixtures.api(dir, "auth: {type: bearer}\nendpoint: {url: 'http://x'}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.token");
        assertThatThrownBy(() -> Fixtures.api(dir, "auth: {type: bearer, token: t, template: 'Bearer xyz'}\nendpoint: {url: 'http://x'}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.template");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void configErrorsNeverQuoteASecretTemplate() {
        assertThatThrownBy(() -> Fixtures.api(dir, "variables: {client_secret: {env: CS}}\nendpoint: {url: 'http://x'}",
                Map.of("CS", "s3cr3t-{{oops}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("variables.client_secret")
                .hasMessageContaining("{{oops}}").hasMessageNotContaining("s3cr3t");
    }
}
