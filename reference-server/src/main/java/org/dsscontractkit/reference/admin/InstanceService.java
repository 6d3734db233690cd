package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.Meaning;
import org.dsscontractkit.server.http.VersionHeaders;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.reference.storage.DocumentStore;

import java.util.regex.Pattern;

/** Instance-wide documents: global variables, general settings, plugins, code envs, meanings, licensing. */
public final class InstanceService {
    private static final Pattern MEANING_ID = Pattern.compile("[A-Za-z0-9_]+");

    private final Database db;
    private final DocumentStore documents;

    public InstanceService(Database db, DocumentStore documents) {
        this.db = db;
        this.documents = documents;
    }

    public ObjectNode globalVariables() {
        return documents.getObject("globalVariables", Json.object());
    }

    public void setGlobalVariables(JsonNode body) {
        documents.put("globalVariables", Json.write(Json.requireObject(body, "global variables")));
    }

    public ObjectNode generalSettings() {
        return documents.getObject("generalSettings", defaultGeneralSettings());
    }

    private static ObjectNode defaultGeneralSettings() {
        ObjectNode s = Json.object();
        s.put("studioExternalUrl", "http://127.0.0.1:11200");
        s.putObject("ldapSettings").put("enabled", false);
        s.putObject("ssoSettings").put("enabled", false);
        s.putObject("globalDataModelingSettings");
        s.put("maxRunningActivities", 5);
        s.put("maxRunningActivitiesPerJob", 2);
        s.putObject("codeEnvs").put("defaultCodeEnvName", "");
        s.putArray("variables");
        s.putObject("auditTrailSettings").put("enabled", true);
        return s;
    }

    public void setGeneralSettings(JsonNode body) {
        ObjectNode s = Json.requireObject(body, "general settings");
        documents.put("generalSettings", Json.write(s));
    }

    public ArrayNode plugins() {
        return (ArrayNode) documents.find("plugins").map(Json::parse).orElse(Json.array());
    }

    public ArrayNode codeEnvs() {
        return (ArrayNode) documents.find("codeEnvs").map(Json::parse).orElse(Json.array());
    }

    public ObjectNode licensingStatus(int users, int enabledUsers) {
        ObjectNode s = Json.object();
        s.put("expired", false);
        s.put("valid", true);
        ObjectNode base = s.putObject("base");
        ObjectNode content = base.putObject("licenseContent");
        content.putObject("licensee").put("company", "dss-contract-kit reference server");
        content.put("instanceId", "reference");
        content.put("licenseKind", "REFERENCE_SERVER");
        content.put("dssVersion", VersionHeaders.DSS_VERSION);
        ObjectNode counts = s.putObject("userCounts");
        counts.put("total", users);
        counts.put("enabled", enabledUsers);
        s.putObject("limits");
        return s;
    }

    // ---- meanings ------------------------------------------------------------------------------

    public ArrayNode meanings() {
        ArrayNode out = Json.array();
        db.query("SELECT doc FROM meanings ORDER BY id", rs -> Json.parseObject(rs.getString(1))).forEach(out::add);
        return out;
    }

    public ObjectNode meaning(String id) {
        return db.queryOne("SELECT doc FROM meanings WHERE id = ?", rs -> Json.parseObject(rs.getString(1)), id)
                .orElseThrow(() -> ApiException.notFound("Meaning '" + id + "'"));
    }

    /** The meaning to store under {@code id}; Bean Validation has checked id, label and type (one of MeaningType). */
    private static ObjectNode validMeaning(Meaning meaning, String id) {
        if (!MEANING_ID.matcher(id).matches()) throw ApiException.invalidField("id", "must match [A-Za-z0-9_]+");
        if (meaning.getLabel().isBlank()) throw ApiException.invalidField("label", "must not be empty");
        if (meaning.getPattern() != null) {
            try {
                Pattern.compile(meaning.getPattern());
            } catch (RuntimeException e) {
                throw ApiException.invalidField("pattern", "is not a valid regular expression");
            }
        }
        ObjectNode m = (ObjectNode) Json.sent(meaning);
        m.put("id", id);
        return m;
    }

    public ObjectNode createMeaning(Meaning meaning) {
        ObjectNode m = validMeaning(meaning, meaning.getId());
        String id = m.path("id").asText();
        db.insertUnique("Meaning '" + id + "' already exists", "INSERT INTO meanings (id, doc) VALUES (?, ?)", id, Json.write(m));
        return m;
    }

    public ObjectNode updateMeaning(String id, Meaning meaning) {
        meaning(id);
        if (!meaning.getId().equals(id)) throw ApiException.invalidField("id", "cannot be changed (was '" + id + "')");
        ObjectNode m = validMeaning(meaning, id);
        db.update("UPDATE meanings SET doc = ? WHERE id = ?", Json.write(m), id);
        return m;
    }

    public void deleteMeaning(String id) {
        meaning(id);
        db.update("DELETE FROM meanings WHERE id = ?", id);
    }
}
