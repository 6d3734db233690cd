package org.dsscontractkit.reference.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceServerCommandTest {
    @Test
    void parsesUploadSizes() {
        assertThat(ReferenceServerCommand.parseSize("1048576")).isEqualTo(1048576L);
        assertThat(ReferenceServerCommand.parseSize("500MB")).isEqualTo(500L * 1024 * 1024);
        assertThat(ReferenceServerCommand.parseSize("2g")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> ReferenceServerCommand.parseSize("lots")).hasMessageContaining("--max-upload-size");
    }
}
