package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Stamps each request on arrival so the {@code wait} timing covers the time before the endpoint starts. */
@Provider
@PreMatching
public class ArrivalTimeFilter implements ContainerRequestFilter {

    public static final String PROPERTY = "apinode.arrivalNanos";
    /** Synchronous resources run on the thread that ran the pre-matching filters; overwritten by every request. */
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ContainerRequestContext request) {
        long now = System.nanoTime();
        request.setProperty(PROPERTY, now);
        CURRENT.set(now);
    }

    public static long arrivalOfCurrentRequest() {
        Long value = CURRENT.get();
        return value == null ? 0L : value;
    }

    public static long arrival(ContainerRequestContext request) {
        Object value = request == null ? null : request.getProperty(PROPERTY);
        return value instanceof Long l ? l : 0L;
    }
}
