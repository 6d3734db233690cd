package org.dsscontractkit.reference.project;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.ProjectFoldersApi;
import org.dsscontractkit.server.generated.dss.model.ProjectFolderSettings;

public final class ProjectFoldersResource extends ApiResource implements ProjectFoldersApi {
    private final ProjectFolderService folders;

    public ProjectFoldersResource(ProjectFolderService folders) { this.folders = folders; }

    @Override public Response getProjectFolder(String folderId) { return ok(folders.get(caller(), folderId)); }

    @Override public Response createProjectSubFolder(String folderId, String name) {
        return ok(folders.createChild(caller(), folderId, name));
    }

    @Override public Response deleteProjectFolder(String folderId) {
        folders.delete(caller(), folderId);
        return noContent();
    }

    @Override public Response getProjectFolderSettings(String folderId) { return ok(folders.settings(caller(), folderId)); }

    @Override public Response setProjectFolderSettings(String folderId, ProjectFolderSettings settings) {
        folders.saveSettings(caller(), folderId, settings);
        return noContent();
    }

    @Override public Response locateProjectFolder(String projectKey) { return ok(folders.locateProject(caller(), projectKey)); }

    @Override public Response moveProjectFolder(String folderId, String destination) {
        folders.move(caller(), folderId, destination);
        return noContent();
    }

    @Override public Response moveProjectToFolder(String folderId, String projectKey, String destination) {
        folders.moveProject(caller(), folderId, projectKey, destination);
        return noContent();
    }
}
