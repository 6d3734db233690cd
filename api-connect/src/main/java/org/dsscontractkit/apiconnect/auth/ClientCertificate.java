package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.preset.PresetSources;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mTLS client certificate (plugin use_mtls): a PEM certificate (chain) and private key, each a file path or inline
 * PEM text as the plugin accepts (PEM pasted into a one-line field, newlines turned into spaces, works too),
 * or a PKCS#12 keystore. Keys: PKCS#8 ("PRIVATE KEY": RSA, EC, Ed25519) and PKCS#1 ("RSA PRIVATE KEY").
 */
public final class ClientCertificate {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final char[] IN_MEMORY_PASSWORD = "api-connect".toCharArray();

    private ClientCertificate() {
    }

    public static KeyManager[] fromPem(String certificate, String key, String field, PresetSources sources) {
        String certText = pemOrFile(certificate, field + ".certificate", sources);
        String keyText = pemOrFile(key, field + ".key", sources);
        try {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(normalise(certText, "CERTIFICATE", field + ".certificate", sources)
                            .getBytes(StandardCharsets.US_ASCII)));
            if (chain.isEmpty()) throw sources.error(field + ".certificate", "no certificate found");
            PrivateKey privateKey = privateKey(keyText, field + ".key", sources);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            return keyManagers(ks, IN_MEMORY_PASSWORD);
        } catch (GeneralSecurityException | IOException e) {
            throw sources.error(field, "cannot use the client certificate: " + e.getMessage());
        }
    }

    public static KeyManager[] fromPkcs12(Path keystore, String password, String field, PresetSources sources) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            return keyManagers(ks, pw);
        } catch (GeneralSecurityException | IOException e) {
            throw sources.error(field + ".keystore", "cannot read PKCS#12 keystore " + keystore + ": " + e.getMessage());
        }
    }

    private static KeyManager[] keyManagers(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private static String pemOrFile(String value, String field, PresetSources sources) {
        if (value == null || value.isBlank()) throw sources.error(field, "required for mTLS");
        if (value.strip().startsWith("-----BEGIN ")) return value;
        try {
            return Files.readString(Path.of(value.strip()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw sources.error(field, "cannot read " + value.strip() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Re-flows every PEM block of {@code type} (whitespace in the Base64 body removed, then 64-column lines). */
    private static String normalise(String text, String type, String field, PresetSources sources) {
        StringBuilder out = new StringBuilder();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(type)) continue;
            String body = m.group(2).replaceAll("\\s+", "");
            out.append("-----BEGIN ").append(type).append("-----\n");
            for (int i = 0; i < body.length(); i += 64) out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
            out.append("-----END ").append(type).append("-----\n");
        }
        if (out.length() == 0) throw sources.error(field, "no PEM " + type + " block found");
        return out.toString();
    }

    private static PrivateKey privateKey(String text, String field, PresetSources sources) throws GeneralSecurityException {
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getDecoder().decode(m.group(2).replaceAll("\\s+", ""));
            switch (type) {
                case "PRIVATE KEY":
                    for (String algorithm : new String[]{"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
                        try {
                            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                        } catch (GeneralSecurityException ignored) {
                            // try the next algorithm
                        }
                    }
                    throw sources.error(field, "unsupported PKCS#8 key algorithm");
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
                case "ENCRYPTED PRIVATE KEY":
                    throw sources.error(field, "encrypted keys are not supported: use a PKCS#12 keystore with a password");
                case "EC PRIVATE KEY":
                    throw sources.error(field, "SEC1 EC keys are not supported: convert with 'openssl pkcs8 -topk8 -nocrypt'");
                default:
                    // not a key block (e.g. a certificate in the same file)
            }
        }
        throw sources.error(field, "no PEM private key found");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octet = der((byte) 0x04, pkcs1);
        byte[] content = new byte[version.length + algorithm.length + octet.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
        System.arraycopy(octet, 0, content, version.length + algorithm.length, octet.length);
        return der((byte) 0x30, content);
    }

    private static byte[] der(byte tag, byte[] content) {
        int len = content.length;
        byte[] header;
        if (len < 0x80) header = new byte[]{tag, (byte) len};
        else if (len < 0x100) header = new byte[]{tag, (byte) 0x81, (byte) len};
        else if (len < 0x10000) header = new byte[]{tag, (byte) 0x82, (byte) (len >> 8), (byte) len};
        else header = new byte[]{tag, (byte) 0x83, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
        byte[] out = new byte[header.length + len];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(content, 0, out, header.length, len);
        return out;
    }
}
