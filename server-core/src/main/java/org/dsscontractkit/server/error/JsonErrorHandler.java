package org.dsscontractkit.server.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dsscontractkit.server.http.VersionHeaders;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Errors the container answers itself (bad URI, unknown path outside every application, header or URI too large,
 * unreadable request) leave as DSSError JSON too, whatever the method and the Accept header. {@link #servlets()} is the
 * same for errors raised inside the servlet context ({@code sendError}, no servlet for the path).
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ApiException e = describe(code, message, cause);
        VersionHeaders.addTo(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(ErrorBodies.bytes(e)), callback);
    }

    /** Parser-level failures (400 bad request line, 414, 431) are answered from here, before any request exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        VersionHeaders.addTo(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(ErrorBodies.bytes(describe(status, reason, null)));
    }

    static ApiException describe(int code, String message, Throwable cause) {
        ApiException known = ApiException.in(cause);
        if (known != null) return known;
        String reason = HttpStatus.getMessage(code);
        String text = switch (code) {
            case 404 -> "No such API endpoint";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 431 -> "Request headers too large";
            default -> code >= 500 ? "Internal server error (see server log)" : reason;
        };
        String detail = message == null || message.equals(reason) || code >= 500 ? text : text + ": " + message;
        return new ApiException(code, ErrorTypes.forStatus(code), text, detail);
    }

    /** The same answers for errors inside a servlet context. */
    public static org.eclipse.jetty.ee10.servlet.ErrorHandler servlets() {
        return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            protected void generateAcceptableResponse(ServletContextRequest baseRequest, HttpServletRequest request,
                                                      HttpServletResponse response, int code, String message) throws IOException {
                Throwable cause = (Throwable) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
                byte[] body = ErrorBodies.bytes(describe(code, message, cause));
                VersionHeaders.addTo(response);
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                VersionHeaders.addTo(fields);
                fields.put(HttpHeader.CONTENT_TYPE, "application/json");
                return ByteBuffer.wrap(ErrorBodies.bytes(describe(status, reason, null)));
            }
        };
    }
}
