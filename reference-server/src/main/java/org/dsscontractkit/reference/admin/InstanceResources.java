package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.api.AuditApi;
import org.dsscontractkit.server.generated.dss.api.AuthApi;
import org.dsscontractkit.server.generated.dss.api.CodeEnvsApi;
import org.dsscontractkit.server.generated.dss.api.GeneralSettingsApi;
import org.dsscontractkit.server.generated.dss.api.LicensingApi;
import org.dsscontractkit.server.generated.dss.api.LogsApi;
import org.dsscontractkit.server.generated.dss.api.MeaningsApi;
import org.dsscontractkit.server.generated.dss.api.PluginsApi;
import org.dsscontractkit.server.generated.dss.model.Meaning;

import java.util.Map;

/** The small instance-level resources; one class per generated interface, since each carries its own root path. */
public final class InstanceResources {
    private InstanceResources() {}

    public static final class Plugins extends ApiResource implements PluginsApi {
        private final InstanceService instance;
        public Plugins(InstanceService instance) { this.instance = instance; }
        @Override public Response listPlugins() {
            caller();
            return ok(instance.plugins());
        }
    }

    public static final class CodeEnvs extends ApiResource implements CodeEnvsApi {
        private final InstanceService instance;
        public CodeEnvs(InstanceService instance) { this.instance = instance; }
        @Override public Response listCodeEnvs() {
            caller();
            return ok(instance.codeEnvs());
        }
    }

    public static final class Licensing extends ApiResource implements LicensingApi {
        private final InstanceService instance;
        private final UserService users;
        public Licensing(InstanceService instance, UserService users) {
            this.instance = instance;
            this.users = users;
        }
        @Override public Response getLicensingStatus() {
            admin();
            int total = 0, enabled = 0;
            for (JsonNode u : users.list(false)) {
                total++;
                if (u.path("enabled").asBoolean(true)) enabled++;
            }
            return ok(instance.licensingStatus(total, enabled));
        }
    }

    public static final class Settings extends ApiResource implements GeneralSettingsApi {
        private final InstanceService instance;
        public Settings(InstanceService instance) { this.instance = instance; }
        @Override public Response getGeneralSettings() {
            admin();
            return ok(instance.generalSettings());
        }
        @Override public Response setGeneralSettings(ObjectNode generalSettings) {
            admin();
            instance.setGeneralSettings(tree(generalSettings));
            return noContent();
        }
    }

    public static final class Logs extends ApiResource implements LogsApi {
        private final LogService logs;
        public Logs(LogService logs) { this.logs = logs; }
        @Override public Response listLogs() {
            admin();
            return ok(logs.list());
        }
        @Override public Response getLog(String logName) {
            admin();
            return ok(com.fasterxml.jackson.databind.node.TextNode.valueOf(logs.read(logName)));
        }
    }

    public static final class Audit extends ApiResource implements AuditApi {
        private final AuditLog audit;
        public Audit(AuditLog audit) { this.audit = audit; }
        @Override public Response logCustomAudit(String customType, Map<String, Object> requestBody) {
            Caller c = caller();
            if (customType == null || customType.isBlank()) throw ApiException.invalidField("customType", "must not be empty");
            audit.custom(c.identifier(), customType, requestBody == null ? Json.object() : tree(requestBody));
            return noContent();
        }
    }

    public static final class Meanings extends ApiResource implements MeaningsApi {
        private final InstanceService instance;
        public Meanings(InstanceService instance) { this.instance = instance; }
        @Override public Response listMeanings() {
            caller();
            return ok(instance.meanings());
        }
        @Override public Response createMeaning(Meaning meaning) {
            admin();
            return ok(instance.createMeaning(meaning));
        }
        @Override public Response getMeaning(String meaningId) {
            caller();
            return ok(instance.meaning(meaningId));
        }
        @Override public Response setMeaning(String meaningId, Meaning meaning) {
            admin();
            // 200 with the saved meaning: the Python client parses the answer as JSON (spec: setMeaning)
            return ok(instance.updateMeaning(meaningId, meaning));
        }
        @Override public Response deleteMeaning(String meaningId) {
            admin();
            instance.deleteMeaning(meaningId);
            return noContent();
        }
    }

    public static final class Auth extends ApiResource implements AuthApi {
        private final UserService users;
        public Auth(UserService users) { this.users = users; }
        @Override public Response getAuthInfo(String withSecrets) {
            Caller c = caller();
            boolean secrets = flag("withSecrets", withSecrets, false);
            ObjectNode out = Json.object();
            out.put("authIdentifier", c.identifier());
            out.set("groups", Json.strings(c.groups()));
            out.put("via", c.keyKind().equals("PERSONAL") ? "PERSONAL_API_KEY" : "GLOBAL_API_KEY");
            out.put("apiKeyId", c.keyId());
            out.put("admin", c.admin());
            if (c.login() != null) {
                out.put("associatedDSSUser", c.login());
                users.find(c.login()).ifPresent(u -> {
                    out.set("userProfile", u.get("userProfile"));
                    out.set("displayName", u.get("displayName"));
                });
            }
            if (secrets) out.putArray("secrets");
            return ok(out);
        }
    }
}
