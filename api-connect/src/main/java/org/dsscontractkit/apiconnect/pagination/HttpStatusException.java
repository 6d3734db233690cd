package org.dsscontractkit.apiconnect.pagination;

import org.dsscontractkit.apiconnect.transport.ApiResponse;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

/** The API answered >= 400 (after retries). Message in the plugin's format: {@code Error 404: <body>}. */
public class HttpStatusException extends RuntimeException {
    private final ApiResponse response;
    private final RequestSpec request;

    public HttpStatusException(String message, RequestSpec request, ApiResponse response) {
        super(message);
        this.request = request;
        this.response = response;
    }

    public RequestSpec request() { return request; }

    public ApiResponse response() { return response; }
}
