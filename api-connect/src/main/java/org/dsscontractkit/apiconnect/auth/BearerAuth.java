package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.util.Map;

/**
 * {@code Authorization} built from a template where only {{token}} is replaced (plugin bearer_template),
 * with the token read from a {@link TokenSource} before each request, so refreshed tokens are picked up.
 */
public final class BearerAuth implements Authenticator {
    public static final String DEFAULT_TEMPLATE = "Bearer {{token}}";

    private final TokenSource tokens;
    private final String template;
    private final boolean exposeToken;

    public BearerAuth(TokenSource tokens, String template, boolean exposeTokenVariable) {
        this.tokens = tokens;
        this.template = template == null ? DEFAULT_TEMPLATE : template;
        this.exposeToken = exposeTokenVariable;
    }

    @Override public RequestSpec apply(RequestSpec request) {
        String token = tokens.token();
        return request.withHeader("Authorization", template.replace("{{token}}", token));
    }

    @Override public boolean refreshAfterUnauthorized() {
        return tokens.invalidate(tokens.token());
    }

    @Override public Map<String, String> templateVariables() {
        return exposeToken ? Map.of("token", tokens.token()) : Map.of();
    }
}
