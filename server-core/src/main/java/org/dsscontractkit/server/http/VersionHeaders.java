package org.dsscontractkit.server.http;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * "All API calls return the headers DSS-API-Version and DSS-Version": one value for every path of the port, DSS and
 * API node alike, set by the container before any application runs (and again by the error handler, which starts
 * from a reset response).
 */
public final class VersionHeaders extends Handler.Wrapper {
    public static final String API_VERSION_HEADER = "DSS-API-Version";
    public static final String VERSION_HEADER = "DSS-Version";
    public static final String API_VERSION = "1";
    public static final String DSS_VERSION = "14.3.3";

    public VersionHeaders(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }

    public static void addTo(HttpFields.Mutable headers) {
        headers.put(API_VERSION_HEADER, API_VERSION);
        headers.put(VERSION_HEADER, DSS_VERSION);
    }

    public static void addTo(HttpServletResponse response) {
        response.setHeader(API_VERSION_HEADER, API_VERSION);
        response.setHeader(VERSION_HEADER, DSS_VERSION);
    }
}
