package org.dsscontractkit.apiconnect.preset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A preset: one or more YAML/JSON files merged together (later files win, field by field), validated against
 * {@code api-connect-preset.schema.json}. Fields that may hold a secret are kept as {@link JsonNode} because they
 * accept a literal string, {@code {env: NAME}} or {@code {file: path}} (see {@link SecretResolver}).
 */
public record Preset(Auth auth, Map<String, JsonNode> variables, Endpoint endpoint, Pagination pagination,
                     Templates templates) {

    public record Auth(String type, JsonNode username, JsonNode password, JsonNode token, String template,
                       ApiKey apiKey, OAuth2 oauth2, Mtls mtls) {
    }

    /** Client certificate: PEM certificate + key (paths or inline PEM), or a PKCS#12 keystore. */
    public record Mtls(JsonNode certificate, JsonNode key, String keystore, JsonNode password) {
    }

    public record ApiKey(String name, JsonNode value, String in) {
    }

    public record OAuth2(String tokenUrl, JsonNode clientId, JsonNode clientSecret, JsonNode refreshToken,
                         String scope, String audience, String clientAuth, Boolean persistRotatedRefreshToken,
                         String template, Map<String, String> extraParams) {
    }

    public record Endpoint(String url, String method, Map<String, JsonNode> query, Map<String, String> headers,
                           Body body, String dataPath, Integer timeoutSeconds, Boolean ignoreSslCheck,
                           Double requestsPerMinute, Retry retry, Integer maxPages, Integer maxRows,
                           Boolean redirectAuthHeader) {
    }

    public record Body(JsonNode json, Map<String, String> form, Map<String, String> multipart, String raw, String contentType) {
    }

    public record Retry(Integer maxRetries, Long initialBackoffMillis, Long maxBackoffMillis,
                        List<Integer> onStatus, Long maxRetryAfterSeconds) {
    }

    public record Pagination(String type, String nextUrlPath, Boolean relative, String base, String param) {
    }

    public record Templates(String unknownVariables) {
    }
}
