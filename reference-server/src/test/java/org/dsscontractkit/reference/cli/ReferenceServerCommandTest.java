package org.dsscontractkit.reference.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

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

    @Test
    void corsOriginsDefaultToLocalDevelopmentPagesAndABadValueIsAUsageError() {
        ReferenceServerCommand defaults = new ReferenceServerCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.cors.description()).isEqualTo("http://localhost:*, http://127.0.0.1:*");

        ReferenceServerCommand off = new ReferenceServerCommand();
        new CommandLine(off).parseArgs("--cors-origins", "off");
        assertThat(off.cors.enabled()).isFalse();

        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ReferenceServerCommand()).setErr(new PrintWriter(err))
                .execute("--cors-origins", "localhost:3000");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElse("")).contains("--cors-origins")
                .contains("'localhost:3000' is not an origin");
    }
}
