package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.admin.DSSConnection;
import org.dsscontractkit.client.admin.DSSGeneralSettings;
import org.dsscontractkit.client.admin.DSSGlobalApiKey;
import org.dsscontractkit.client.admin.DSSGroup;
import org.dsscontractkit.client.admin.DSSMeaning;
import org.dsscontractkit.client.admin.DSSPersonalApiKey;
import org.dsscontractkit.client.admin.DSSUser;
import org.junit.jupiter.api.Test;

class AdminHandlesIT extends ReferenceServerIT {

    @Test
    void usersAndGroups() {
        String groupName = uniqueName("it_group");
        DSSGroup group = client.createGroup(groupName, "made by IT", null);
        String login = uniqueName("it_user");
        DSSUser user = client.createUser(login, "pw-" + login, "IT user");

        ObjectNode definition = (ObjectNode) user.getDefinition();
        definition.withArray("groups").add(groupName);
        definition.put("email", login + "@example.com");
        user.setDefinition(definition);
        assertThat(user.getDefinition().path("groups").toString()).contains(groupName);
        assertThat(client.listUsers()).extracting(u -> u.getLogin()).contains(login);

        JsonSettings groupSettings = group.getSettings();
        groupSettings.getRaw().put("description", "changed");
        groupSettings.save();
        assertThat(group.getDefinition().path("description").asText()).isEqualTo("changed");
        assertThat(client.listGroups()).extracting(g -> g.getName()).contains(groupName);

        user.delete();
        group.delete();
        assertThatThrownBy(user::getDefinition).isInstanceOf(DataikuException.class);
    }

    @Test
    void connections() {
        String name = uniqueName("it_fs");
        DSSConnection connection = client.createConnection(name, "Filesystem", Map.of("root", "/tmp/it-" + name), null, null, "IT");

        assertThat(client.listConnectionNames()).contains(name);
        ObjectNode definition = (ObjectNode) connection.getDefinition();
        definition.put("allowWrite", false);
        connection.setDefinition(definition);
        assertThat(connection.getDefinition().path("allowWrite").asBoolean(true)).isFalse();

        connection.delete();
        assertThat(client.listConnectionNames()).doesNotContain(name);
    }

    @Test
    void apiKeysAuthenticate() {
        DSSGlobalApiKey global = client.createGlobalApiKey("it", "IT global key", true);
        assertThat(global.getKey()).isNotBlank();
        DSSClient withGlobal = new DSSClient(ReferenceServerProcess.get().baseUrl(), global.getKey());
        assertThat(withGlobal.listProjectKeys()).isNotNull();
        assertThat(client.listGlobalApiKeys().toString()).contains(global.getId());

        DSSPersonalApiKey personal = client.createPersonalApiKey("it", "IT personal key");
        assertThat(personal.getKey()).isNotBlank();
        DSSClient withPersonal = new DSSClient(ReferenceServerProcess.get().baseUrl(), personal.getKey());
        assertThat(withPersonal.getAuthInfo(false).path("authIdentifier").asText()).isEqualTo("admin");

        personal.delete();
        global.delete();
        assertThatThrownBy(withGlobal::listProjectKeys).isInstanceOf(DataikuException.class);
    }

    @Test
    void generalSettingsRoundTripKeepsUnknownKeys() {
        DSSGeneralSettings settings = client.getGeneralSettings();
        int maxRunning = settings.getRaw().path("maxRunningActivities").asInt();
        settings.getRaw().putObject("contractKitIt").put("kept", true);
        settings.getRaw().put("maxRunningActivities", maxRunning + 1);
        settings.save();

        DSSGeneralSettings reread = client.getGeneralSettings();
        assertThat(reread.getRaw().path("contractKitIt").path("kept").asBoolean()).isTrue();
        assertThat(reread.getRaw().path("maxRunningActivities").asInt()).isEqualTo(maxRunning + 1);

        reread.getRaw().remove("contractKitIt");
        reread.getRaw().put("maxRunningActivities", maxRunning);
        reread.save();
        assertThat(client.getGeneralSettings().getRaw().has("contractKitIt")).isFalse();
    }

    @Test
    void meaningsRoundTrip() {
        String id = uniqueName("it_meaning").replace('-', '_');
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        entries.addObject().put("value", "FR");
        entries.addObject().put("value", "DE").put("color", "#ff0000");
        DSSMeaning meaning = client.createMeaning(id, "Country", "VALUES_LIST", "IT meaning", entries, null, null, "EXACT", true);

        JsonNode definition = meaning.getDefinition();
        assertThat(definition.path("id").asText()).isEqualTo(id);
        assertThat(definition.path("label").asText()).isEqualTo("Country");
        assertThat(definition.path("type").asText()).isEqualTo("VALUES_LIST");
        assertThat(definition.path("entries")).extracting(e -> e.path("value").asText()).containsExactly("FR", "DE");
        assertThat(client.listMeanings()).extracting(m -> m.getId()).contains(id);
        assertThatThrownBy(() -> client.createMeaning(id, "Again", "DECLARATIVE", null, null, null, null, null, false))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));

        ObjectNode changed = (ObjectNode) definition;
        changed.put("label", "Country (EU)");
        changed.withArray("entries").addObject().put("value", "IT");
        JsonNode saved = meaning.setDefinition(changed);
        assertThat(saved.path("label").asText()).isEqualTo("Country (EU)");
        JsonNode reread = client.getMeaning(id).getDefinition();
        assertThat(reread.path("label").asText()).isEqualTo("Country (EU)");
        assertThat(reread.path("entries")).hasSize(3);
        assertThat(reread.path("detectable").asBoolean()).isTrue();

        meaning.delete();
        assertThatThrownBy(meaning::getDefinition).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
        assertThat(client.listMeanings()).extracting(m -> m.getId()).doesNotContain(id);
    }

    @Test
    void auditEntriesCanBeReadBackFromTheAuditLog() {
        String event = uniqueName("it-audit");
        client.logCustomAudit(event, Map.of("who", "java client"));

        JsonNode logs = client.listLogsRaw().path("logs");
        assertThat(logs).extracting(l -> l.path("name").asText()).contains("audit.log");
        JsonNode audit = client.getLog("audit.log");
        assertThat(audit.isTextual()).isTrue();
        assertThat(audit.asText()).contains(event).contains("java client");
        assertThatThrownBy(() -> client.getLog("no-such.log")).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void personalKeysForAUserAndPublicUserInfo() {
        String login = uniqueName("it_keyuser");
        DSSUser user = client.createUser(login, "pw-" + login, "Key User");

        DSSPersonalApiKey forUser = client.createPersonalApiKeyForUser(login, "it-for-user", "made by the admin");
        assertThat(forUser.getKey()).isNotBlank();
        assertThat(forUser.getUser()).isEqualTo(login);
        DSSPersonalApiKey own = client.createPersonalApiKey("it-own", "admin's own");

        // the key is usable, and acts as its user
        DSSClient asUser = new DSSClient(ReferenceServerProcess.get().baseUrl(), forUser.getKey());
        assertThat(asUser.getAuthInfo(false).path("authIdentifier").asText()).isEqualTo(login);
        assertThat(asUser.listPersonalApiKeys()).extracting(k -> k.getId()).containsExactly(forUser.getId());
        assertThat(client.listPersonalApiKeys()).extracting(k -> k.getId())
                .contains(own.getId()).doesNotContain(forUser.getId());
        assertThat(client.listAllPersonalApiKeys()).extracting(k -> k.getId()).contains(own.getId(), forUser.getId());
        assertThatThrownBy(asUser::listAllPersonalApiKeys).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(403));

        // read back and update, by the owner and by the admin; other users' keys are not visible
        JsonNode definition = asUser.getPersonalApiKey(forUser.getId()).getDefinition();
        assertThat(definition.path("user").asText()).isEqualTo(login);
        assertThat(definition.path("label").asText()).isEqualTo("it-for-user");
        assertThat(definition.path("createdBy").asText()).isEqualTo("admin");
        assertThat(definition.has("key")).isFalse();
        ((ObjectNode) definition).put("label", "it-renamed");
        asUser.getPersonalApiKey(forUser.getId()).setDefinition(definition);
        assertThat(client.getPersonalApiKey(forUser.getId()).getDefinition().path("label").asText()).isEqualTo("it-renamed");
        assertThatThrownBy(() -> asUser.getPersonalApiKey(own.getId()).getDefinition())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));

        // public information on users needs no admin rights
        JsonNode adminInfo = asUser.getUser("admin").getInfo();
        assertThat(adminInfo.path("login").asText()).isEqualTo("admin");
        JsonNode info = client.getUser(login).getInfo();
        assertThat(info.path("login").asText()).isEqualTo(login);
        assertThat(info.path("displayName").asText()).isEqualTo("Key User");
        assertThat(info.path("enabled").asBoolean()).isTrue();
        assertThat(info.has("password")).isFalse();
        assertThatThrownBy(() -> asUser.getUser(login + "_nobody").getInfo())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));

        own.delete();
        user.delete();
        assertThatThrownBy(() -> asUser.getAuthInfo(false)).isInstanceOf(DataikuException.class);
        assertThat(client.listAllPersonalApiKeys()).extracting(k -> k.getId())
                .doesNotContain(own.getId(), forUser.getId());
    }

    @Test
    void globalKeyReadByIdAndSecretAndUpdated() {
        DSSGlobalApiKey created = client.createGlobalApiKey("it-global", "before", true);
        DSSClient withKey = new DSSClient(ReferenceServerProcess.get().baseUrl(), created.getKey());
        assertThat(withKey.listGlobalApiKeysRaw().isArray()).isTrue();

        DSSGlobalApiKey byId = client.getGlobalApiKeyById(created.getId());
        JsonNode definition = byId.getDefinition();
        assertThat(definition.path("id").asText()).isEqualTo(created.getId());
        assertThat(definition.path("label").asText()).isEqualTo("it-global");
        assertThat(definition.path("globalPermissions").path("admin").asBoolean()).isTrue();

        DSSGlobalApiKey bySecret = client.getGlobalApiKey(created.getKey());
        assertThat(bySecret.getId()).isEqualTo(created.getId());
        assertThat(bySecret.getDefinition().path("label").asText()).isEqualTo("it-global");
        assertThatThrownBy(() -> client.getGlobalApiKey("dkuaps-not-a-known-secret"))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));

        // updating the key takes its admin rights away
        ObjectNode changed = (ObjectNode) definition;
        changed.put("label", "it-global-renamed").put("description", "after");
        changed.with("globalPermissions").put("admin", false);
        byId.setDefinition(changed);
        JsonNode reread = client.getGlobalApiKeyById(created.getId()).getDefinition();
        assertThat(reread.path("label").asText()).isEqualTo("it-global-renamed");
        assertThat(reread.path("description").asText()).isEqualTo("after");
        assertThat(reread.path("globalPermissions").path("admin").asBoolean()).isFalse();
        assertThat(reread.path("createdBy").asText()).isEqualTo("admin");
        assertThatThrownBy(withKey::listGlobalApiKeys).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(403));

        byId.delete();
        assertThatThrownBy(byId::getDefinition).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void connectionInfoHidesThePassword() {
        String name = uniqueName("it_pg");
        DSSConnection connection = client.createConnection(name, "PostgreSQL",
                Map.of("host", "db.example.com", "port", "5432", "db", "sales", "user", "reporter", "password", "s3cret"),
                null, null, "IT");

        JsonNode info = connection.getInfo(null);
        assertThat(info.path("name").asText()).isEqualTo(name);
        assertThat(info.path("type").asText()).isEqualTo("PostgreSQL");
        assertThat(info.path("params").path("host").asText()).isEqualTo("db.example.com");
        assertThat(info.path("params").path("user").asText()).isEqualTo("reporter");
        assertThat(info.path("params").has("password")).isFalse();
        assertThat(info.toString()).doesNotContain("s3cret");

        connection.delete();
        assertThatThrownBy(() -> connection.getInfo(null)).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void instanceVariablesAndInformation() {
        assertThat(client.getGeneralSettings().getRaw().isObject()).isTrue();

        ObjectNode variables = client.getGlobalVariables();
        variables.put("it_var", "v");
        client.setGlobalVariables(variables);
        assertThat(client.getGlobalVariables().path("it_var").asText()).isEqualTo("v");

        client.logCustomAudit("it-event", Map.of("who", "java client"));
        assertThat(client.getAuthInfo(false).path("authIdentifier").asText()).isEqualTo("admin");
        assertThat(client.getLicensingStatus().isObject()).isTrue();
        assertThat(client.listPluginsRaw().isArray()).isTrue();
        assertThat(client.listCodeEnvsRaw().isArray()).isTrue();
        assertThat(client.listMeaningsRaw().isArray()).isTrue();
        assertThat(client.listLogsRaw().isContainerNode()).isTrue();
        assertThat(client.listConnectionNames()).contains("demo_sql");
        assertThat(List.of(client.asUser("admin").getAuthInfo(false).path("authIdentifier").asText())).containsExactly("admin");
    }
}
