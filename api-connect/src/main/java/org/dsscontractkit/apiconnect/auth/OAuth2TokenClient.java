package org.dsscontractkit.apiconnect.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth 2 token endpoint client (RFC 6749 §4.4 client credentials, §6 refresh token). Caches the access token
 * until shortly before it expires, refreshes it on demand (also after a 401) and, for the refresh-token grant,
 * keeps the newly issued refresh token when the server rotates it (optionally writing it back to its file).
 * Thread-safe: concurrent recipe workers trigger a single token request.
 */
public final class OAuth2TokenClient implements TokenSource {
    public enum Grant { CLIENT_CREDENTIALS, REFRESH_TOKEN }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenUrl;
    private final Grant grant;
    private final String clientId;
    private final String clientSecret;
    private final boolean basicClientAuth;
    private final String scope;
    private final String audience;
    private final Map<String, String> extraParams;
    private final Path refreshTokenFile;
    private final Redactor redactor;
    private final Clock clock;
    private final Duration timeout;

    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private int tokenRequests;

    public OAuth2TokenClient(HttpClient http, URI tokenUrl, Grant grant, String clientId, String clientSecret,
                             String refreshToken, String scope, String audience, boolean basicClientAuth,
                             Map<String, String> extraParams, Path refreshTokenFile, Redactor redactor,
                             Clock clock, Duration timeout) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.grant = grant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.scope = scope;
        this.audience = audience;
        this.basicClientAuth = basicClientAuth;
        this.extraParams = extraParams == null ? Map.of() : extraParams;
        this.refreshTokenFile = refreshTokenFile;
        this.redactor = redactor;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public synchronized String token() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(EXPIRY_MARGIN))) {
            requestToken();
        }
        return accessToken;
    }

    @Override
    public synchronized boolean invalidate(String stale) {
        if (accessToken != null && !accessToken.equals(stale)) {
            return true; // another worker already refreshed it
        }
        accessToken = null;
        requestToken();
        return true;
    }

    /** Number of calls made to the token endpoint (for diagnostics and tests). */
    public synchronized int tokenRequests() { return tokenRequests; }

    public synchronized String currentRefreshToken() { return refreshToken; }

    private void requestToken() {
        Map<String, String> form = new LinkedHashMap<>();
        if (grant == Grant.CLIENT_CREDENTIALS) {
            form.put("grant_type", "client_credentials");
        } else {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        }
        if (scope != null && !scope.isBlank()) form.put("scope", scope);
        if (audience != null && !audience.isBlank()) form.put("audience", audience);
        form.putAll(extraParams);
        HttpRequest.Builder rb = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (timeout != null) rb.timeout(timeout);
        if (clientId != null) {
            if (basicClientAuth) {
                String pair = enc(clientId) + ":" + enc(clientSecret == null ? "" : clientSecret);
                rb.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                redactor.addBasicCredentials(enc(clientId), enc(clientSecret == null ? "" : clientSecret));
            } else {
                form.put("client_id", clientId);
                if (clientSecret != null) form.put("client_secret", clientSecret);
            }
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        tokenRequests++;
        HttpResponse<String> response;
        try {
            response = http.send(rb.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AuthException(redactor.redact("OAuth2 token request to " + tokenUrl + " failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("OAuth2 token request interrupted");
        }
        if (response.statusCode() >= 400) {
            throw new AuthException(redactor.redact("OAuth2 token request to " + tokenUrl + " failed: HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body())));
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.hasNonNull("access_token")) {
            throw new AuthException(redactor.redact("OAuth2 token response from " + tokenUrl
                    + " has no access_token: " + abbreviate(response.body())));
        }
        accessToken = json.get("access_token").asText();
        redactor.addSecret(accessToken);
        long expiresIn = json.path("expires_in").asLong(3600);
        expiresAt = clock.instant().plusSeconds(Math.max(expiresIn, 0));
        if (json.hasNonNull("refresh_token")) {
            String issued = json.get("refresh_token").asText();
            redactor.addSecret(issued);
            if (!issued.equals(refreshToken)) rotate(issued);
        }
    }

    private void rotate(String issued) {
        refreshToken = issued;
        if (refreshTokenFile != null) {
            try {
                Path tmp = Files.createTempFile(refreshTokenFile.toAbsolutePath().getParent(), ".refresh", ".tmp");
                Files.writeString(tmp, issued);
                Files.move(tmp, refreshTokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new AuthException("cannot write the rotated refresh token to " + refreshTokenFile + ": " + e.getMessage());
            }
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
