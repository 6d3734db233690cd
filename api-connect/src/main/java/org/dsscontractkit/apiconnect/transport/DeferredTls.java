package org.dsscontractkit.apiconnect.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * A TLS context built on the first TLS connection, not when the HttpClient is built. HttpClient asks for
 * {@code SSLContext.getDefault()} (provider set-up, the cacerts trust store: about 0.3 s of CPU) in its
 * constructor, which a run against an {@code http://} API never needs. The client's {@link SSLParameters} must
 * then be given too (HttpClient would read them from the context): empty parameters mean the engine's defaults,
 * which are the default context's.
 */
final class DeferredTls {
    private DeferredTls() {
    }

    static SSLContext context(Supplier<SSLContext> real) {
        return new SSLContext(new Spi(real), null, "TLS") { };
    }

    /** The engine's own defaults (protocols, cipher suites), as SSLContext.getDefaultSSLParameters would list them. */
    static SSLParameters defaultParameters() {
        return new SSLParameters();
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> factory;
        private volatile SSLContext real;

        Spi(Supplier<SSLContext> factory) { this.factory = factory; }

        private SSLContext real() {
            SSLContext r = real;
            if (r == null) {
                synchronized (this) {
                    if (real == null) real = factory.get();
                    r = real;
                }
            }
            return r;
        }

        @Override protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, SecureRandom sr)
                throws KeyManagementException {
            throw new KeyManagementException("a deferred TLS context is initialised by its factory");
        }

        @Override protected SSLSocketFactory engineGetSocketFactory() { return real().getSocketFactory(); }

        @Override protected SSLServerSocketFactory engineGetServerSocketFactory() { return real().getServerSocketFactory(); }

        @Override protected SSLEngine engineCreateSSLEngine() { return real().createSSLEngine(); }

        @Override protected SSLEngine engineCreateSSLEngine(String host, int port) { return real().createSSLEngine(host, port); }

        @Override protected SSLSessionContext engineGetServerSessionContext() { return real().getServerSessionContext(); }

        @Override protected SSLSessionContext engineGetClientSessionContext() { return real().getClientSessionContext(); }

        @Override protected SSLParameters engineGetDefaultSSLParameters() { return real().getDefaultSSLParameters(); }

        @Override protected SSLParameters engineGetSupportedSSLParameters() { return real().getSupportedSSLParameters(); }
    }
}
