package org.dsscontractkit.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.server.generated.dss.model.DSSError;
import org.junit.jupiter.api.Test;

/** A multipart body without the named part is the caller's fault (400 naming the part), any other NPE a failure (500). */
class MissingMultipartPartTest {

    private static NullPointerException thrownAt(String className) {
        NullPointerException e = new NullPointerException("bodyParts is null");
        e.setStackTrace(new StackTraceElement[]{new StackTraceElement(className, "apply", "X.java", 1)});
        return e;
    }

    @Test
    void aMissingPartInJerseysMultipartReaderIsA400NamingTheFilePart() {
        Response r = new ExceptionMappers.FallbackMapper().toResponse(
                thrownAt("org.glassfish.jersey.media.multipart.internal.FormDataParamValueParamProvider$EntityPartValueProvider"));
        assertThat(r.getStatus()).isEqualTo(400);
        DSSError body = (DSSError) r.getEntity();
        assertThat(body.getField()).isEqualTo("file");
        assertThat(body.getRule()).isEqualTo("required");
    }

    @Test
    void aNullPointerExceptionElsewhereIsStillAServerFailure() {
        Response r = new ExceptionMappers.FallbackMapper().toResponse(thrownAt("org.dsscontractkit.reference.Something"));
        assertThat(r.getStatus()).isEqualTo(500);
    }
}
