package org.dsscontractkit.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {
    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryWayAKeyIsSent() {
        assertThat(Credentials.of(basic("key1:"), null, null)).isEqualTo(new Credentials("key1", Credentials.Scheme.BASIC, null));
        assertThat(Credentials.of(basic(":key2"), null, null).secret()).isEqualTo("key2");
        assertThat(Credentials.of(basic("key3"), null, null).secret()).isEqualTo("key3");
        assertThat(Credentials.of("bearer tok", null, null)).isEqualTo(new Credentials("tok", Credentials.Scheme.BEARER, null));
        assertThat(Credentials.of(null, "ticket-1", " alice ")).isEqualTo(new Credentials("ticket-1", Credentials.Scheme.TICKET, "alice"));
    }

    @Test
    void unusableHeadersMeanNoCredentials() {
        assertThat(Credentials.of(null, null, null).present()).isFalse();
        assertThat(Credentials.of("Basic !!not-base64!!", null, null).present()).isFalse();
        assertThat(Credentials.of(basic(":"), null, null).present()).isFalse();
        assertThat(Credentials.of("Bearer ", null, "").proxyUser()).isNull();
        assertThat(Credentials.of("Digest abc", null, null).present()).isFalse();
        // a broken Authorization header does not hide a ticket
        assertThat(Credentials.of("Basic !!", "t", null).scheme()).isEqualTo(Credentials.Scheme.TICKET);
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(Credentials.of(basic("very-secret:"), null, null).toString()).doesNotContain("very-secret");
    }
}
