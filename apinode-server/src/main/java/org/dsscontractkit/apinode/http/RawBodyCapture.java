package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Keeps the raw bytes of user-API request bodies next to the typed models the generated interfaces receive. The
 * typed model has lost what the API node must still answer precisely: a missing {@code features} (the model defaults
 * it to an empty map) or an unknown enum value (the generated enums map it to null). Bound to the user-API
 * resources only, so the host's own uploads are never buffered.
 */
public final class RawBodyCapture implements DynamicFeature {

    /** Synchronous resources read the body on the request's thread; reset for every request by ArrivalTimeFilter. */
    private static final ThreadLocal<byte[]> CURRENT = new ThreadLocal<>();

    static void reset() {
        CURRENT.remove();
    }

    /** The raw body of the current request, or null when it had none (or was not read). */
    static byte[] current() {
        return CURRENT.get();
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (GeneratedApiSupport.class.isAssignableFrom(resourceInfo.getResourceClass())) {
            context.register(Interceptor.class);
        }
    }

    /** Buffers the entity (user-API bodies are small JSON documents) and hands a copy on to Jackson. */
    public static final class Interceptor implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            byte[] bytes = context.getInputStream().readAllBytes();
            CURRENT.set(bytes);
            context.setInputStream(new ByteArrayInputStream(bytes));
            return context.proceed();
        }
    }
}
