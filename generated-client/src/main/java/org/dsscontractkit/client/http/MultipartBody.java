package org.dsscontractkit.client.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body, built by the generated request builders of multipart operations (see the
 * template in {@code src/main/openapi-templates}). Parts are concatenated publishers, so nothing is read before the
 * request is sent, and the body has a {@code Content-Length} whenever every part's length is known (text parts and
 * local files), as {@link HttpRequest.BodyPublishers#concat} computes it.
 */
public final class MultipartBody {

    private final String boundary = "dsscontractkit-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    /**
     * Adds a file part: {@code Content-Disposition: form-data; name="<name>"; filename="<file name>"}, content type
     * {@code application/octet-stream}.
     *
     * @param name    form field name
     * @param content the file
     * @return this
     */
    public MultipartBody addFile(String name, FileContent content) {
        Objects.requireNonNull(content, "content");
        String fileName = content.fileName() == null ? name : content.fileName();
        HttpRequest.BodyPublisher body = content.publisher();
        parts.add(ascii("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
        parts.add(body);
        parts.add(ascii("\r\n"));
        return this;
    }

    /**
     * Adds a text part (UTF-8).
     *
     * @param name  form field name
     * @param value the text
     * @return this
     */
    public MultipartBody addText(String name, String value) {
        parts.add(ascii("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8));
        parts.add(ascii("\r\n"));
        return this;
    }

    /** @return the {@code Content-Type} header value, with the boundary */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the body: the parts, then the closing boundary */
    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(ascii("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(new HttpRequest.BodyPublisher[0]));
    }

    private static HttpRequest.BodyPublisher ascii(String text) {
        // header lines are UTF-8 so that non-ASCII file names are sent as the Python client sends them
        return HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
