package org.dsscontractkit.apiconnect.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks every known secret (and its URL-encoded and Basic-auth forms) in text that leaves the process:
 * log lines, error messages, error columns, response header columns. Secrets are added as they are resolved,
 * including OAuth tokens obtained at run time.
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final int MIN_LENGTH = 3;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public void addSecret(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) return;
        addForm(secret);
        addForm(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        addForm(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Registers the Base64 form sent in a Basic Authorization header. */
    public void addBasicCredentials(String username, String password) {
        String raw = (username == null ? "" : username) + ":" + (password == null ? "" : password);
        addForm(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private synchronized void addForm(String form) {
        if (form.length() >= MIN_LENGTH && !secrets.contains(form)) {
            secrets.add(form);
            // Longest first so that a secret containing another one is masked whole.
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        return out;
    }
}
