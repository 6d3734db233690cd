package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.dsscontractkit.client.admin.DSSPersonalApiKey;
import org.dsscontractkit.client.admin.DSSUser;
import org.junit.jupiter.api.Disabled;
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
        assertThat(client.listUsers().toString()).contains(login);

        JsonSettings groupSettings = group.getSettings();
        groupSettings.getRaw().put("description", "changed");
        groupSettings.save();
        assertThat(group.getDefinition().path("description").asText()).isEqualTo("changed");
        assertThat(client.listGroups().toString()).contains(groupName);

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
    @Disabled("reference-server: GET /admin/general-settings returns maxRunningActivities as {global:5}, which its own PUT"
            + " rejects (spec: integer) - 'Invalid value for maxRunningActivities: expected Integer'; enable once fixed")
    void generalSettingsRoundTripKeepsUnknownKeys() {
        DSSGeneralSettings settings = client.getGeneralSettings();
        settings.getRaw().putObject("contractKitIt").put("kept", true);
        settings.save();
        assertThat(client.getGeneralSettings().getRaw().path("contractKitIt").path("kept").asBoolean()).isTrue();
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
        assertThat(client.listPlugins().isArray()).isTrue();
        assertThat(client.listCodeEnvs().isArray()).isTrue();
        assertThat(client.listMeanings().isArray()).isTrue();
        assertThat(client.listLogs().isContainerNode()).isTrue();
        assertThat(client.listConnectionNames()).contains("demo_sql");
        assertThat(List.of(client.asUser("admin").getAuthInfo(false).path("authIdentifier").asText())).containsExactly("admin");
    }
}
