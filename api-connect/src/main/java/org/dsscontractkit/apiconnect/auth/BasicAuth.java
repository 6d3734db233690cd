package org.dsscontractkit.apiconnect.auth;

import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP Basic (plugin basic_login); exposes {{username}} and {{password}}. */
public final class BasicAuth implements Authenticator {
    private final String username;
    private final String password;
    private final String header;

    public BasicAuth(String username, String password, Redactor redactor) {
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.header = "Basic " + Base64.getEncoder().encodeToString(
                (this.username + ":" + this.password).getBytes(StandardCharsets.UTF_8));
        redactor.addBasicCredentials(this.username, this.password);
    }

    @Override public RequestSpec apply(RequestSpec request) {
        return request.withHeader("Authorization", header);
    }

    @Override public Map<String, String> templateVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("username", username);
        vars.put("password", password);
        return vars;
    }
}
