package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.dsscontractkit.client.ApiBase;
import org.dsscontractkit.client.ClientOptions;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.project.DSSProjectFolder;
import org.junit.jupiter.api.Test;

class ProjectHandlesIT extends ReferenceServerIT {

    @Test
    void projectLifecycle() throws Exception {
        String key = uniqueKey("IT_PROJ");
        DSSProject project = client.createProject(key, "IT project", "admin", "made by the Java client", null, null,
                null, List.of("it"));

        assertThat(client.listProjectKeys()).contains(key);
        assertThat(project.getSummary().path("name").asText()).isEqualTo("IT project");

        ObjectNode metadata = (ObjectNode) project.getMetadata();
        metadata.put("label", "Relabelled");
        project.setMetadata(metadata);
        assertThat(project.getMetadata().path("label").asText()).isEqualTo("Relabelled");

        ObjectNode permissions = (ObjectNode) project.getPermissions();
        assertThat(permissions.path("owner").asText()).isEqualTo("admin");
        project.setPermissions(permissions);

        ObjectNode variables = project.getVariables();
        ((ObjectNode) variables.get("standard")).put("region", "emea");
        project.setVariables(variables);
        assertThat(project.getVariables().path("standard").path("region").asText()).isEqualTo("emea");
        assertThat(project.getResolvedVariables(true).path("region").asText()).isEqualTo("emea");

        try (InputStream zip = project.getExportStream(null)) {
            byte[] head = zip.readNBytes(2);
            assertThat(new String(head)).isEqualTo("PK");
        }

        project.delete();
        assertThat(client.listProjectKeys()).doesNotContain(key);
        assertThatThrownBy(project::getSummary).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void bothApiBasesServeTheSameProjects() {
        String key = uniqueKey("IT_BASE");
        client.createProject(key, "Base", "admin");
        ReferenceServerProcess server = ReferenceServerProcess.get();
        DSSClient publicApi = new DSSClient(server.baseUrl(), server.adminKey(),
                ClientOptions.builder().apiBase(ApiBase.PUBLIC_API).build());

        assertThat(publicApi.listProjectKeys()).contains(key);
        client.getProject(key).delete();
    }

    @Test
    void projectFolders() {
        DSSProjectFolder root = client.getRootProjectFolder();
        DSSProjectFolder folder = root.createSubFolder(uniqueName("it folder"));
        String key = uniqueKey("IT_FOLDER");
        folder.createProject(key, "In folder", "admin", null, null);

        assertThat(client.getProject(key).getProjectFolder().getId()).isEqualTo(folder.getId());
        assertThat(client.getProjectFolder(folder.getId()).listProjectKeys()).containsExactly(key);
        assertThat(client.getProjectFolder(folder.getId()).getPath()).isEqualTo("/" + folder.getName());

        client.getProjectFolder(folder.getId()).moveProjectTo(key, root);
        assertThat(client.getRootProjectFolder().listProjectKeys()).contains(key);
        client.getProject(key).delete();
        folder.delete();
    }

    @Test
    void projectFolderSettingsRoundTripAndFolderMove() {
        DSSProjectFolder root = client.getRootProjectFolder();
        DSSProjectFolder parent = root.createSubFolder(uniqueName("it parent"));
        DSSProjectFolder child = root.createSubFolder(uniqueName("it child"));
        String renamed = uniqueName("it renamed");

        JsonSettings settings = child.getSettings();
        assertThat(settings.getRaw().path("name").asText()).isEqualTo(child.getName());
        assertThat(settings.getRaw().path("owner").asText()).isEqualTo("admin");
        settings.getRaw().put("name", renamed);
        settings.getRaw().withArray("permissions").addObject()
                .put("group", "administrators").put("read", true).put("writeContents", true).put("admin", false);
        settings.save();

        DSSProjectFolder reread = client.getProjectFolder(child.getId());
        assertThat(reread.getName()).isEqualTo(renamed);
        JsonNode savedSettings = reread.getSettings().getRaw();
        assertThat(savedSettings.path("name").asText()).isEqualTo(renamed);
        assertThat(savedSettings.path("permissions")).hasSize(1);
        assertThat(savedSettings.path("permissions").get(0).path("group").asText()).isEqualTo("administrators");
        assertThat(savedSettings.path("permissions").get(0).path("writeContents").asBoolean()).isTrue();

        reread.moveTo(parent);
        DSSProjectFolder moved = client.getProjectFolder(child.getId());
        assertThat(moved.getParent().getId()).isEqualTo(parent.getId());
        assertThat(moved.getPath()).isEqualTo("/" + parent.getName() + "/" + renamed);
        assertThat(client.getProjectFolder(parent.getId()).listChildFolders())
                .extracting(DSSProjectFolder::getId).containsExactly(child.getId());
        assertThat(client.getRootProjectFolder().getRaw().path("childrenIds").toString())
                .contains(parent.getId()).doesNotContain(child.getId());
        // a folder cannot go under itself: the move is refused and changes nothing
        assertThatThrownBy(() -> client.getProjectFolder(parent.getId()).moveTo(moved))
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(400));
        assertThat(client.getProjectFolder(parent.getId()).getParent().getId()).isEqualTo("ROOT");

        moved.delete();
        client.getProjectFolder(parent.getId()).delete();
        assertThat(client.getRootProjectFolder().getRaw().path("childrenIds").toString()).doesNotContain(parent.getId());
    }

    @Test
    void recipesAndScenariosOfAProject() {
        String key = uniqueKey("IT_FLOW");
        DSSProject project = client.createProject(key, "Flow", "admin");

        // the reference server has no flow: a new project has no recipe and no scenario (no operation creates one)
        assertThat(project.listRecipesRaw().isArray()).isTrue();
        assertThat(project.listRecipes()).isEmpty();
        assertThat(project.listScenariosRaw().isArray()).isTrue();
        assertThat(project.listScenarios()).isEmpty();

        project.delete();
        assertThatThrownBy(project::listRecipes).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
        assertThatThrownBy(project::listScenarios).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void wrongApiKeyIsRejectedWithADataikuException() {
        DSSClient intruder = new DSSClient(ReferenceServerProcess.get().baseUrl(), "not-a-key");

        assertThatThrownBy(intruder::listProjectKeys).isInstanceOfSatisfying(DataikuException.class, e -> {
            assertThat(e.getHttpStatus()).isIn(401, 403);
            assertThat(e.getErrorType()).isNotEqualTo("Unknown error");
        });
    }
}
