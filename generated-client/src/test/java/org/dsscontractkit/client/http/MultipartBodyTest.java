package org.dsscontractkit.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipart bodies the generated request builders send (they replace the generator's httpmime code). */
class MultipartBodyTest {

    @Test
    void aLocalFileGivesAKnownLengthAndIsReadOnlyWhenSent(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("orders.csv"), "id\n1\n");
        MultipartBody body = new MultipartBody().addFile("file", FileContent.of(file));
        HttpRequest.BodyPublisher publisher = body.publisher();
        // changed after the body was built: what is sent is what is on disk when sending
        Files.writeString(file, "id\n2\n");

        String boundary = body.contentType().substring("multipart/form-data; boundary=".length());
        String expected = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "id\n2\n\r\n--" + boundary + "--\r\n";
        assertThat(publisher.contentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read(publisher)).isEqualTo(expected);
    }

    @Test
    void aStreamHasNoKnownLengthSoTheBodyIsChunked() throws Exception {
        MultipartBody body = new MultipartBody()
                .addFile("file", FileContent.of("a \"quoted\"\r\nname.csv", new ByteArrayInputStream(new byte[] {1, 2})))
                .addText("note", "é");

        HttpRequest.BodyPublisher publisher = body.publisher();

        assertThat(publisher.contentLength()).isEqualTo(-1);
        assertThat(read(publisher)).contains("filename=\"a \\\"quoted\\\"name.csv\"")
                .contains("name=\"note\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\né\r\n");
    }

    @Test
    void aMissingFileFailsWhenTheRequestIsBuiltNotHalfwayThroughSending(@TempDir Path dir) {
        assertThatThrownBy(() -> new MultipartBody().addFile("file", FileContent.of(dir.resolve("missing.csv"))))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("missing.csv");
    }

    @Test
    void aReceivedAnswerIsAStreamTakenOnce() throws Exception {
        FileContent received = FileContent.received(new ByteArrayInputStream(new byte[] {7}), OptionalLong.of(1));

        assertThat(received.fileName()).isNull();
        assertThat(received.length()).hasValue(1);
        try (InputStream in = received.openStream()) {
            assertThat(in.readAllBytes()).containsExactly(7);
        }
        assertThatThrownBy(received::openStream).isInstanceOf(IllegalStateException.class);
    }

    /** Reads what a publisher sends, as the HTTP client would. */
    static String read(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get();
        return out.toString(StandardCharsets.UTF_8);
    }
}
