package org.dsscontractkit.apiconnect.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * The TLS context when the defaults don't do: ignoreSslCheck (plugin ignore_ssl_check) accepts any certificate,
 * and/or an mTLS client certificate is presented. Being an X509ExtendedTrustManager, it also
 * skips the host name check, which the JDK performs inside the trust manager.
 */
final class InsecureTls {
    private InsecureTls() {
    }

    /** @param trustAll ignoreSslCheck; otherwise the JDK's default trust store. */
    static SSLContext context(boolean trustAll, javax.net.ssl.KeyManager[] clientKeys) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(clientKeys, trustAll ? new TrustManager[]{new TrustAll()} : null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSL context", e);
        }
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
