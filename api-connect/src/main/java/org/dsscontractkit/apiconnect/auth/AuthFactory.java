package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.preset.Preset;
import org.dsscontractkit.apiconnect.preset.PresetSources;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link Authenticator} a preset's {@code auth} section describes; config errors name file and field. */
public final class AuthFactory {
    private AuthFactory() {
    }

    public static Authenticator create(Preset.Auth auth, SecretResolver secrets, HttpClient http, Duration timeout) {
        if (auth == null || auth.type() == null || auth.type().equals("none")) return Authenticator.NONE;
        PresetSources src = secrets.sources();
        switch (auth.type()) {
            case "basic": {
                String user = secrets.resolve(auth.username(), "auth.username", false);
                if (user == null) throw src.error("auth.username", "required for auth type basic");
                String password = secrets.resolve(auth.password(), "auth.password", true);
                if (password == null) throw src.error("auth.password", "required for auth type basic");
                return new BasicAuth(user, password, secrets.redactor());
            }
            case "api_key": {
                if (auth.apiKey() == null) throw src.error("auth.apiKey", "required for auth type api_key");
                String value = secrets.resolve(auth.apiKey().value(), "auth.apiKey.value", true);
                ApiKeyAuth.Location loc = "query".equals(auth.apiKey().in())
                        ? ApiKeyAuth.Location.QUERY : ApiKeyAuth.Location.HEADER;
                return new ApiKeyAuth(auth.apiKey().name(), value, loc);
            }
            case "bearer": {
                String token = secrets.resolve(auth.token(), "auth.token", true);
                if (token == null) throw src.error("auth.token", "required for auth type bearer");
                checkTemplate(auth.template(), "auth.template", src);
                return new BearerAuth(TokenSource.fixed(token), auth.template(), true);
            }
            case "oauth2_client_credentials":
            case "oauth2_refresh_token": {
                Preset.OAuth2 o = auth.oauth2();
                if (o == null) throw src.error("auth.oauth2", "required for auth type " + auth.type());
                boolean refresh = auth.type().equals("oauth2_refresh_token");
                URI tokenUrl;
                try {
                    tokenUrl = RequestSpec.toUri(o.tokenUrl());
                    if (tokenUrl.getScheme() == null || !tokenUrl.getScheme().startsWith("http")) throw new IllegalArgumentException("not an http(s) URL");
                } catch (IllegalArgumentException e) {
                    throw src.error("auth.oauth2.tokenUrl", "invalid URL: " + e.getMessage());
                }
                String clientId = secrets.resolve(o.clientId(), "auth.oauth2.clientId", false);
                String clientSecret = secrets.resolve(o.clientSecret(), "auth.oauth2.clientSecret", true);
                if (!refresh && clientId == null) throw src.error("auth.oauth2.clientId", "required for client credentials");
                String refreshToken = secrets.resolve(o.refreshToken(), "auth.oauth2.refreshToken", true);
                if (refresh && refreshToken == null) throw src.error("auth.oauth2.refreshToken", "required for auth type oauth2_refresh_token");
                Path persist = Boolean.TRUE.equals(o.persistRotatedRefreshToken()) ? SecretResolver.fileOf(o.refreshToken()) : null;
                if (Boolean.TRUE.equals(o.persistRotatedRefreshToken()) && persist == null) {
                    throw src.error("auth.oauth2.persistRotatedRefreshToken", "needs refreshToken given as {file: path}");
                }
                checkTemplate(o.template(), "auth.oauth2.template", src);
                OAuth2TokenClient client = new OAuth2TokenClient(http, tokenUrl,
                        refresh ? OAuth2TokenClient.Grant.REFRESH_TOKEN : OAuth2TokenClient.Grant.CLIENT_CREDENTIALS,
                        clientId, clientSecret, refreshToken, o.scope(), o.audience(), !"body".equals(o.clientAuth()),
                        o.extraParams(), persist, secrets.redactor(), Clock.systemUTC(), timeout);
                return new BearerAuth(client, o.template(), false);
            }
            default:
                throw src.error("auth.type", "unknown auth type '" + auth.type() + "'");
        }
    }

    private static void checkTemplate(String template, String field, PresetSources src) {
        if (template != null && !template.contains("{{token}}")) {
            throw src.error(field, "must contain {{token}}");
        }
    }
}
