package org.dsscontractkit.client.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Reads the JSON body of a successful answer in the generated {@code *Api} methods. A real DSS may answer some calls
 * (creating a project, user, group, connection or meaning, an upload, saving dataset settings) with no body at all,
 * where this contract shows the created object; such an answer reads as {@code null} instead of failing with
 * "No content to map due to end-of-input". The stream is consumed and closed.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(ObjectMapper mapper, InputStream body, TypeReference<T> type) throws IOException {
        if (body == null) {
            return null;
        }
        PushbackInputStream in = new PushbackInputStream(body, 1);
        int first = in.read();
        while (first == ' ' || first == '\t' || first == '\r' || first == '\n') {
            first = in.read();
        }
        if (first == -1) {
            in.close();
            return null;
        }
        in.unread(first);
        return mapper.readValue(in, type); // closes the stream
    }
}
