package org.dsscontractkit.apinode.http;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Java's {@code HttpClient} (HTTP/2 by default) sends cleartext POSTs with {@code Upgrade: h2c}. Grizzly without
 * HTTP/2 then never completes the request body and the call hangs until the read timeout (Grizzly issues #1972 and
 * #2117). RFC 7230 lets a server ignore an Upgrade it does not support, so this filter renames the request's
 * {@code Upgrade} header in place (same length: {@code Xpgrade}) before Grizzly parses it; the exchange stays HTTP/1.1.
 */
public final class H2cUpgradeIgnoringFilter extends BaseFilter {

    private static final byte[] HEADER = "\r\nupgrade:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Installs the filter in front of the HTTP codec of a Grizzly listener. */
    public static AddOn addOn() {
        return new AddOn() {
            @Override
            public void setup(NetworkListener listener, FilterChainBuilder builder) {
                int codec = builder.indexOfType(HttpServerFilter.class); // the HTTP/1.1 codec, not the server filter
                builder.add(Math.max(codec, 0), new H2cUpgradeIgnoringFilter());
            }
        };
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof Buffer buffer && startsWithRequestLine(buffer)) {
            neutralizeUpgrade(buffer);
        }
        return ctx.getInvokeAction();
    }

    /** Only the start of a request (an upper-case method, a space) is examined, never a body chunk. */
    private static boolean startsWithRequestLine(Buffer buffer) {
        int start = buffer.position();
        int end = Math.min(buffer.limit(), start + 16);
        for (int i = start; i < end; i++) {
            byte b = buffer.get(i);
            if (b == ' ') {
                return i > start;
            }
            if (b < 'A' || b > 'Z') {
                return false;
            }
        }
        return false;
    }

    private static void neutralizeUpgrade(Buffer buffer) {
        int limit = buffer.limit();
        for (int i = buffer.position(); i + HEADER.length <= limit; i++) {
            if (buffer.get(i) == '\r' && i + 3 < limit && buffer.get(i + 1) == '\n' && buffer.get(i + 2) == '\r' && buffer.get(i + 3) == '\n') {
                return; // end of the headers
            }
            if (matches(buffer, i)) {
                buffer.put(i + 2, (byte) 'X');
                return;
            }
        }
    }

    private static boolean matches(Buffer buffer, int at) {
        for (int k = 0; k < HEADER.length; k++) {
            byte b = buffer.get(at + k);
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + 32);
            }
            if (b != HEADER[k]) {
                return false;
            }
        }
        return true;
    }
}
