package org.dsscontractkit.reference.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    private final CorsPolicy local = CorsPolicy.localDevelopment();

    @Test
    void localDevelopmentAllowsLocalhostAndLoopbackOnAnyPortAndNothingElse() {
        assertThat(local.allows("http://localhost:3000")).isTrue();
        assertThat(local.allows("http://localhost")).isTrue();
        assertThat(local.allows("http://127.0.0.1:5173")).isTrue();
        assertThat(local.allows("HTTP://LOCALHOST:8080")).isTrue();

        assertThat(local.allows("https://localhost:3000")).as("another scheme is another origin").isFalse();
        assertThat(local.allows("http://localhost.evil.example:3000")).isFalse();
        assertThat(local.allows("http://127.0.0.2:3000")).isFalse();
        assertThat(local.allows("http://app.example.com")).isFalse();
        assertThat(local.allows("null")).as("file:// pages and sandboxed frames").isFalse();
        assertThat(local.allows(null)).isFalse();
        assertThat(local.allows("http://localhost:3000/path")).as("an Origin header has no path").isFalse();
    }

    @Test
    void listsExactOriginsPortsAndSubdomainPatterns() {
        CorsPolicy policy = CorsPolicy.parse(" https://app.example.com , http://localhost:3000, https://*.preview.example.com/");

        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("https://app.example.com:443")).as("the default port written out").isTrue();
        assertThat(policy.allows("https://app.example.com:8443")).isFalse();
        assertThat(policy.allows("http://localhost:3000")).isTrue();
        assertThat(policy.allows("http://localhost:3001")).isFalse();
        assertThat(policy.allows("https://pr-12.preview.example.com")).isTrue();
        assertThat(policy.allows("https://a.b.preview.example.com")).isTrue();
        assertThat(policy.allows("https://preview.example.com")).as("*. means a subdomain").isFalse();
        assertThat(policy.allows("https://evilpreview.example.com")).isFalse();
        assertThat(policy.description()).isEqualTo("https://app.example.com, http://localhost:3000, https://*.preview.example.com");
    }

    @Test
    void anAllowedOriginGetsItsOwnOriginBackWithCredentialsAndTheExposedDssHeaders() {
        assertThat(local.responseHeaders("http://localhost:3000"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Expose-Headers", "DSS-Version, DSS-API-Version");
        assertThat(local.vary()).containsExactly("Origin");
    }

    @Test
    void anOriginThatIsNotAllowedGetsNoAccessControlHeaderAtAll() {
        assertThat(local.responseHeaders("http://app.example.com")).isEmpty();
        assertThat(local.preflightHeaders("http://app.example.com", true)).isEmpty();
        assertThat(local.responseHeaders(null)).isEmpty();
        assertThat(local.vary()).as("the answer still varies by Origin").containsExactly("Origin");
        assertThat(local.refusal("http://app.example.com")).contains("http://app.example.com", "--cors-origins",
                "http://localhost:*");
    }

    @Test
    void aPreflightIsAnsweredWithTheMethodsAndTheDssHeaders() {
        assertThat(local.isPreflight("OPTIONS", "http://localhost:3000", "GET")).isTrue();
        assertThat(local.isPreflight("OPTIONS", "http://localhost:3000", null)).as("a plain OPTIONS").isFalse();
        assertThat(local.isPreflight("OPTIONS", null, "GET")).isFalse();
        assertThat(local.isPreflight("GET", "http://localhost:3000", "GET")).isFalse();

        assertThat(local.preflightHeaders("http://localhost:3000", false))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, PATCH")
                .containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type, X-DKU-APITicket, X-DKU-ProxyUser")
                .containsEntry("Access-Control-Max-Age", "600")
                .doesNotContainKey("Access-Control-Allow-Private-Network");
        assertThat(local.preflightHeaders("http://localhost:3000", true))
                .containsEntry("Access-Control-Allow-Private-Network", "true");
        assertThat(local.preflightVary()).containsExactly("Origin", "Access-Control-Request-Method",
                "Access-Control-Request-Headers");
    }

    @Test
    void offAnswersNothing() {
        CorsPolicy off = CorsPolicy.parse("OFF");

        assertThat(off.enabled()).isFalse();
        assertThat(off.allows("http://localhost:3000")).isFalse();
        assertThat(off.isPreflight("OPTIONS", "http://localhost:3000", "GET")).isFalse();
        assertThat(off.responseHeaders("http://localhost:3000")).isEmpty();
        assertThat(off.vary()).isEmpty();
        assertThat(off.description()).isEqualTo("off");
    }

    @Test
    void anyOriginIsAWildcardWithoutCredentials() {
        CorsPolicy any = CorsPolicy.parse("*");

        assertThat(any.allows("https://anything.example.org:8443")).isTrue();
        assertThat(any.allows("null")).isFalse();
        assertThat(any.responseHeaders("https://anything.example.org"))
                .containsEntry("Access-Control-Allow-Origin", "*")
                .doesNotContainKey("Access-Control-Allow-Credentials");
        assertThat(any.preflightHeaders("https://anything.example.org", false))
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type, X-DKU-APITicket, X-DKU-ProxyUser")
                .doesNotContainKey("Access-Control-Allow-Credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:3000", "http://", "http://localhost:99999", "http://local host", "ftp//x",
            "http://*", "http://localhost:3000/app", "http://a.*.example.com", ""})
    void anythingElseIsRefusedNamingTheEntryAndTheFormsAllowed(String value) {
        assertThatThrownBy(() -> CorsPolicy.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(value.isEmpty() ? "no origin given" : "'" + value.trim() + "' is not an origin")
                .hasMessageContaining("'off'");
    }
}
