package org.dsscontractkit.reference.server;

import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryFlagsTest {
    @Test
    void acceptsPythonAndJsonSpellings() {
        assertThat(QueryFlags.parse("f", "True", false)).isTrue();
        assertThat(QueryFlags.parse("f", "false", true)).isFalse();
        assertThat(QueryFlags.parse("f", null, true)).isTrue();
        assertThat(QueryFlags.parse("f", "", false)).isFalse();
    }

    @Test
    void rejectsAnythingElseNamingTheParameter() {
        assertThatThrownBy(() -> QueryFlags.parse("dropData", "yes", false))
                .isInstanceOf(ApiException.class).hasMessageContaining("dropData");
    }
}
