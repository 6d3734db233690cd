package org.dsscontractkit.client.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.dsscontractkit.client.DataikuException;

/**
 * The HTTP client under the handles' generated {@code ApiClient}: a synchronous call that gets no answer, or an
 * answer with a status &gt;= 400, ends here with a {@link DataikuException} naming the method and URI, read from
 * the {@code DSSError} body. The generated operations catch only checked exceptions, so this unchecked one reaches
 * the handle as is: one place translates the failures of every call, whether the handle used a generated
 * operation or sent the request of a generated request builder itself.
 *
 * <p>While a generated operation runs ({@link #recordAnswers()}), its successful answers keep their first bytes: when
 * the operation cannot parse the answer as the contract's type, the error names the request and quotes what came
 * back ({@link #invalidAnswer}).</p>
 */
final class FailureTranslatingHttpClient extends HttpClient {

    private static final int QUOTED_BYTES = 2000;
    private static final ThreadLocal<Answer[]> RECORDED = new ThreadLocal<>();

    private final HttpClient delegate;

    /** A successful answer, with the first bytes read from it. */
    record Answer(HttpRequest request, int status, FirstBytes body) {
    }

    FailureTranslatingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = delegate.send(request, handler);
        } catch (IOException e) {
            throw Failures.noResponse(request, e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(request, e);
        }
        if (response.statusCode() >= 400) {
            throw Failures.fromErrorAnswer(request, response);
        }
        Answer[] recorded = RECORDED.get();
        if (recorded != null && response.body() instanceof InputStream in) {
            FirstBytes first = new FirstBytes(in, QUOTED_BYTES);
            recorded[0] = new Answer(request, response.statusCode(), first);
            @SuppressWarnings("unchecked")
            HttpResponse<T> recording = (HttpResponse<T>) new WithBody<>(response, first);
            return recording;
        }
        return response;
    }

    /**
     * Starts recording the answers of this thread (a generated operation is about to run).
     *
     * @return the recording this one interrupts (a call made inside another), to give back to {@link #stopRecording}
     */
    static Answer[] recordAnswers() {
        Answer[] outer = RECORDED.get();
        RECORDED.set(new Answer[1]);
        return outer;
    }

    /**
     * Stops recording, going back to the interrupted recording if any.
     *
     * @param outer what {@link #recordAnswers()} returned
     * @return the last answer recorded, or null
     */
    static Answer stopRecording(Answer[] outer) {
        Answer[] recorded = RECORDED.get();
        if (outer == null) {
            RECORDED.remove();
        } else {
            RECORDED.set(outer);
        }
        return recorded == null ? null : recorded[0];
    }

    /**
     * @param answer the answer that does not parse
     * @param detail why (the parser's message)
     * @param cause  the parse failure
     * @return the exception naming the request and quoting the start of the answer
     */
    static DataikuException invalidAnswer(Answer answer, String detail, Throwable cause) {
        return new DataikuException(answer.status(), DataikuException.INVALID_RESPONSE, null,
                "Expected a JSON answer of the contract's type from " + answer.request().method() + " "
                        + answer.request().uri() + " but got: " + Failures.quote(answer.body().first()) + " (" + detail + ")", cause);
    }

    /** An input stream that keeps a copy of its first bytes. */
    static final class FirstBytes extends FilterInputStream {
        private final ByteArrayOutputStream first = new ByteArrayOutputStream();
        private final int limit;

        FirstBytes(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        byte[] first() {
            return first.toByteArray();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && first.size() < limit) {
                first.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && first.size() < limit) {
                first.write(buffer, offset, Math.min(n, limit - first.size()));
            }
            return n;
        }
    }

    /** A response with another body. */
    private record WithBody<T>(HttpResponse<?> response, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
