package org.dsscontractkit.apiconnect.pagination;

import org.dsscontractkit.apiconnect.transport.ApiResponse;

/** The API answered >= 400 (after retries). Message in the plugin's format: {@code Error 404: <body>}. */
public class HttpStatusException extends RuntimeException {
    private final ApiResponse response;

    public HttpStatusException(String message, ApiResponse response) {
        super(message);
        this.response = response;
    }

    public ApiResponse response() { return response; }
}
