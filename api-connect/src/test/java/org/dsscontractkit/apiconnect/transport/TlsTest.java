package org.dsscontractkit.apiconnect.transport;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ignoreSslCheck and mTLS against a JDK HttpsServer on 127.0.0.1 with a self-signed certificate that requires a
 * client certificate. Keys are made by keytool (server) and openssl (client PEM files), skipped without openssl.
 */
class TlsTest {
    @TempDir static Path keys;
    static HttpsServer server;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(run("openssl", "version"), "openssl not available");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        assertThat(run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.resolve("server.p12").toString(), "-storepass", "changeit")).isTrue();
        assertThat(run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=client",
                "-keyout", keys.resolve("client.key").toString(), "-out", keys.resolve("client.crt").toString())).isTrue();
        assertThat(run("openssl", "rsa", "-in", keys.resolve("client.key").toString(), "-traditional",
                "-out", keys.resolve("client-pkcs1.key").toString())).isTrue();
        assertThat(run("openssl", "pkcs12", "-export", "-in", keys.resolve("client.crt").toString(), "-inkey", keys.resolve("client.key").toString(),
                "-out", keys.resolve("client.p12").toString(), "-passout", "pass:p12pass")).isTrue();

        KeyStore serverKs = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
            serverKs.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKs, "changeit".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(keys.resolve("client.crt"))) {
            trust.setCertificateEntry("client", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/secure", ex -> {
            byte[] body = "[{\"secure\": true}]".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/secure";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static int fetch(Path dir, String yaml) {
        return Fixtures.fetch(Fixtures.api(dir, yaml), false).size();
    }

    @Test
    void selfSignedServerIsRefusedUnlessIgnoreSslCheck(@TempDir Path dir) {
        String mtls = "auth: {type: none, mtls: {certificate: '%s', key: '%s'}}\n".formatted(keys.resolve("client.crt"), keys.resolve("client.key"));
        assertThatThrownBy(() -> fetch(dir, mtls + "endpoint: {url: '%s'}".formatted(url)))
                .isInstanceOf(TransportException.class);
        assertThat(fetch(dir, mtls + "endpoint: {url: '%s', ignoreSslCheck: true}".formatted(url))).isEqualTo(1);
    }

    @Test
    void withoutTlsOptionsTheSystemTrustStoreJudgesTheServer(@TempDir Path dir) {
        // The TLS context is only built on the first https connection (DeferredTls): it must still be the JVM's
        // default one, which does not trust a self-signed certificate.
        assertThatThrownBy(() -> fetch(dir, "endpoint: {url: '%s'}".formatted(url)))
                .isInstanceOf(TransportException.class).hasMessageContaining("PKIX path building failed");
    }

    @Test
    void clientCertificateIsRequiredByTheServer(@TempDir Path dir) {
        assertThatThrownBy(() -> fetch(dir, "endpoint: {url: '%s', ignoreSslCheck: true}".formatted(url)))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void pemFilesInlinePemPkcs1AndPkcs12AllWork(@TempDir Path dir) throws Exception {
        String endpoint = "endpoint: {url: '%s', ignoreSslCheck: true}".formatted(url);
        assertThat(fetch(dir, "auth: {type: none, mtls: {certificate: '%s', key: {file: '%s'}}}\n".formatted(
                keys.resolve("client.crt"), keys.resolve("client-pkcs1.key")) + endpoint)).isEqualTo(1);
        // Inline PEM flattened on one line (newlines turned into spaces), as pasted into a single-line field.
        String cert = Files.readString(keys.resolve("client.crt")).replace('\n', ' ');
        String key = Files.readString(keys.resolve("client.key")).replace('\n', ' ');
        assertThat(fetchWithEnv(dir, cert, key, endpoint)).isEqualTo(1);
        assertThat(fetch(dir, "auth: {type: none, mtls: {keystore: '%s', password: p12pass}}\n".formatted(keys.resolve("client.p12")) + endpoint)).isEqualTo(1);
    }

    private static int fetchWithEnv(Path dir, String cert, String key, String endpoint) {
        ApiConnect api = Fixtures.api(dir, "auth: {type: none, mtls: {certificate: '%s', key: {env: KEY_PEM}}}\n".formatted(cert) + endpoint,
                Map.of("KEY_PEM", key));
        return Fixtures.fetch(api, false).size();
    }

    @Test
    void badCertificateMaterialIsAConfigError(@TempDir Path dir) {
        assertThatThrownBy(() -> fetch(dir, "auth: {type: none, mtls: {certificate: '%s', key: '%s'}}\nendpoint: {url: '%s'}"
                .formatted(keys.resolve("client.key"), keys.resolve("client.key"), url)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.mtls.certificate").hasMessageContaining("no PEM CERTIFICATE");
        assertThatThrownBy(() -> fetch(dir, "auth: {type: none, mtls: {keystore: '%s', password: wrong}}\nendpoint: {url: '%s'}"
                .formatted(keys.resolve("client.p12"), url)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.mtls.keystore");
        assertThatThrownBy(() -> fetch(dir, "auth: {type: none, mtls: {keystore: x.p12, key: k}}\nendpoint: {url: '%s'}".formatted(url)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.mtls");
    }
}
