package org.dsscontractkit.client.http;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Binary content with a file name: what the contract's {@code format: binary} values are in the generated code
 * ({@code typeMappings file=FileContent}). Sent as the part of a multipart upload, it is read only while the request
 * is sent; received (the project export), it holds the open answer, which the caller reads once and closes.
 */
public final class FileContent implements Closeable {

    private final String fileName;
    private final Path path;
    private final long length;
    private InputStream stream;
    private boolean streamTaken;

    private FileContent(String fileName, Path path, InputStream stream, long length) {
        this.fileName = fileName;
        this.path = path;
        this.stream = stream;
        this.length = length;
    }

    /**
     * A local file, named as on disk. Its size is read when the request is built, so the upload goes with a
     * {@code Content-Length} (as the Python client sends files; some proxies mishandle chunked multipart bodies).
     *
     * @param file the file to send
     * @return the content
     */
    public static FileContent of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("Not a file path: " + file);
        }
        return new FileContent(name.toString(), file, null, -1);
    }

    /**
     * Content read from a stream, of unknown length: sent chunked. The stream is read once, when the request is
     * sent, and closed by the HTTP client.
     *
     * @param fileName name the receiver gives the file
     * @param content  the bytes
     * @return the content
     */
    public static FileContent of(String fileName, InputStream content) {
        return new FileContent(Objects.requireNonNull(fileName, "fileName"), null,
                Objects.requireNonNull(content, "content"), -1);
    }

    /**
     * The binary body of an answer, still open (used by the generated code for binary answers).
     *
     * @param body   the answer stream
     * @param length its {@code Content-Length}, when the server sent one
     * @return the content, without a file name
     */
    public static FileContent received(InputStream body, OptionalLong length) {
        return new FileContent(null, null, Objects.requireNonNull(body, "body"), length.orElse(-1));
    }

    /** @return the file name, or null for a received answer */
    public String fileName() {
        return fileName;
    }

    /** @return the length in bytes when known: a local file, or an answer with a {@code Content-Length} */
    public OptionalLong length() {
        if (path != null) {
            try {
                return OptionalLong.of(Files.size(path));
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }

    /**
     * @return the bytes: a new stream on a local file, else the held stream, which can be taken only once
     * @throws IOException           when the local file cannot be opened
     * @throws IllegalStateException when the held stream was already taken
     */
    public InputStream openStream() throws IOException {
        if (path != null) {
            return Files.newInputStream(path);
        }
        if (streamTaken) {
            throw new IllegalStateException("The content of " + (fileName == null ? "this answer" : fileName)
                    + " is a stream and was already taken");
        }
        streamTaken = true;
        return stream;
    }

    /**
     * @return the body of a multipart part: a local file is checked now (it must exist) and read when sent
     * @throws UncheckedIOException with a {@link FileNotFoundException} when the local file cannot be read
     */
    HttpRequest.BodyPublisher publisher() {
        if (path != null) {
            try {
                return HttpRequest.BodyPublishers.ofFile(path);
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        InputStream content = stream;
        streamTaken = true;
        return HttpRequest.BodyPublishers.ofInputStream(() -> content);
    }

    /** Closes the held stream (a received answer, or a stream never sent); nothing to do for a local file. */
    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    @Override
    public String toString() {
        return "FileContent[" + (path != null ? path : fileName != null ? fileName : "received") + "]";
    }
}
