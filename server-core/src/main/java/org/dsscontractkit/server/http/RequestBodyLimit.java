package org.dsscontractkit.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorBodies;
import org.dsscontractkit.server.error.ErrorTypes;

import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies: {@code multipart/form-data} uploads at the upload limit, every other body at the JSON body
 * limit. A declared {@code Content-Length} over the cap is answered 413 before anything is read; a chunked body is
 * counted as it is read and fails with 413 when it crosses the cap. Whatever the application left unread (the rest of
 * an oversized body, the body of a call answered without it) is then read and dropped, up to {@link #DRAIN_FACTOR}
 * times the cap, before the connection is reused or closed: the client, still sending, reads the answer instead of
 * a connection reset.
 */
public final class RequestBodyLimit implements Filter {
    /** How much of an oversized body is drained, as a multiple of its cap, before the connection is cut. */
    static final int DRAIN_FACTOR = 64;
    private static final long MAX_DRAIN = 256L * 1024 * 1024;
    /** Room for the multipart framing around an uploaded file (boundaries, part headers): the file itself is capped exactly by the application. */
    static final long MULTIPART_FRAMING = 64 * 1024;

    private final long maxBody;
    private final long maxUpload;

    /** @param maxBody cap of JSON (non-multipart) bodies; @param maxUpload cap of multipart bodies */
    public RequestBodyLimit(long maxBody, long maxUpload) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String type = request.getContentType();
        boolean upload = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
        long cap = upload ? maxUpload + MULTIPART_FRAMING : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            reject(response, tooLarge(upload, declared));
            // a client waiting for "100 Continue" sends nothing more after a final answer
            String expect = request.getHeader("Expect");
            if (expect == null || !expect.toLowerCase(java.util.Locale.ROOT).contains("100-continue")) drain(request.getInputStream(), cap);
            return;
        }
        Capped capped = new Capped(request, response, cap, upload);
        try {
            chain.doFilter(capped, response);
        } finally {
            // Whatever the application left unread (an answer given before the body was needed, a body over the
            // cap) is read and dropped, so the client, maybe still sending, gets to read the answer.
            if (!response.isCommitted()) response.flushBuffer();
            drain(request.getInputStream(), cap);
        }
    }

    ApiException tooLarge(boolean upload, long size) {
        long cap = upload ? maxUpload : maxBody;
        String what = upload ? "Upload" : "Request body";
        String flag = upload ? "--max-upload-size" : "--max-request-body";
        String detail = (size >= 0 ? "A body of " + size + " bytes" : "The body") + " exceeds the limit of " + cap + " bytes (" + flag + ")";
        return new ApiException(413, upload ? ErrorTypes.UPLOAD_TOO_LARGE : ErrorTypes.REQUEST_TOO_LARGE,
                what + " too large: the limit is " + cap + " bytes", detail);
    }

    private static void reject(HttpServletResponse response, ApiException e) throws IOException {
        byte[] body = ErrorBodies.bytes(e);
        response.setStatus(e.status());
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Reads and drops what the client still sends, so that closing the connection does not reset it. */
    private static void drain(InputStream in, long cap) {
        long budget = Math.min(MAX_DRAIN, Math.max(cap, 1024 * 1024) * DRAIN_FACTOR);
        byte[] buf = new byte[64 * 1024];
        try {
            long total = 0;
            int n;
            while (total < budget && (n = in.read(buf)) >= 0) total += n;
        } catch (IOException | RuntimeException gone) {
            // the client stopped sending or went away: nothing left to protect
        }
    }

    /** The request whose body stream fails with a 413 ApiException past the cap. */
    private final class Capped extends HttpServletRequestWrapper {
        private final long cap;
        private final boolean upload;
        private ServletInputStream stream;

        private final HttpServletResponse response;

        Capped(HttpServletRequest request, HttpServletResponse response, long cap, boolean upload) {
            super(request);
            this.response = response;
            this.cap = cap;
            this.upload = upload;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Counting(super.getInputStream());
            return stream;
        }

        private final class Counting extends ServletInputStream {
            private final ServletInputStream in;
            private long count;

            Counting(ServletInputStream in) { this.in = in; }

            private int counted(int n) {
                if (n > 0) {
                    count += n;
                    if (count > cap) {
                        if (!response.isCommitted()) response.setHeader("Connection", "close");
                        throw tooLarge(upload, -1);
                    }
                }
                return n;
            }

            @Override public int read() throws IOException {
                int b = in.read();
                if (b >= 0) counted(1);
                return b;
            }
            @Override public int read(byte[] b, int off, int len) throws IOException { return counted(in.read(b, off, len)); }
            @Override public boolean isFinished() { return in.isFinished(); }
            @Override public boolean isReady() { return in.isReady(); }
            @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
            @Override public int available() throws IOException { return in.available(); }
        }
    }
}
