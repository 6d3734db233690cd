package org.dsscontractkit.client.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dsscontractkit.client.DssApi;
import org.dsscontractkit.client.JsonSettings;

/**
 * A project folder, built from its already-read description; the accessors read that description, the other
 * methods call DSS.
 */
public final class DSSProjectFolder {

    private final DssApi api;
    private final JsonNode data;

    /**
     * @param api  the client's generated operations
     * @param data the folder object ({@code id}, {@code name}, {@code parentId}, {@code childrenIds}, {@code projectKeys})
     */
    public DSSProjectFolder(DssApi api, JsonNode data) {
        this.api = Objects.requireNonNull(api, "api");
        this.data = data;
    }

    /** Reads a folder: {@code getProjectFolder} ({@code ROOT} for the root). */
    public static DSSProjectFolder get(DssApi api, String folderId) {
        String id = DssApi.requireId("folderId", folderId);
        return new DSSProjectFolder(api, api.json(() -> api.projectFolders().getProjectFolderRequestBuilder(id)));
    }

    /** @return the folder id */
    public String getId() {
        return data.path("id").asText(null);
    }

    /** @return the folder name, null for the root */
    public String getName() {
        JsonNode name = data.get("name");
        return name == null || name.isNull() ? null : name.asText();
    }

    /** @return the folder as read */
    public JsonNode getRaw() {
        return data;
    }

    /** @return the keys of the projects directly in this folder (no request) */
    public List<String> listProjectKeys() {
        return DSSProject.texts(data.path("projectKeys"));
    }

    /** @return the child folders, one {@code getProjectFolder} each */
    public List<DSSProjectFolder> listChildFolders() {
        List<DSSProjectFolder> children = new ArrayList<>();
        for (String childId : DSSProject.texts(data.path("childrenIds"))) {
            children.add(get(api, childId));
        }
        return children;
    }

    /** @return the parent folder, or null for the root: {@code getProjectFolder} */
    public DSSProjectFolder getParent() {
        JsonNode parentId = data.get("parentId");
        return parentId == null || parentId.isNull() ? null : get(api, parentId.asText());
    }

    /** @return the path from the root, like {@code /Sales/Reports} ({@code /} for the root) */
    public String getPath() {
        DSSProjectFolder parent = getParent();
        if (parent == null) {
            return "/";
        }
        String parentPath = parent.getPath();
        return (parentPath.endsWith("/") ? parentPath : parentPath + "/") + getName();
    }

    /** Creates a sub-folder: {@code createProjectSubFolder} ({@code ?name=...}). @return the new folder */
    public DSSProjectFolder createSubFolder(String name) {
        return new DSSProjectFolder(api, api.json(() -> api.projectFolders().createProjectSubFolderRequestBuilder(id(), name)));
    }

    /**
     * Creates a project in this folder; see {@link DSSProject#create}.
     *
     * @return a handle on the new project
     */
    public DSSProject createProject(String projectKey, String name, String owner, String description, JsonNode settings) {
        return DSSProject.create(api, projectKey, name, owner, description, settings, getId(), null, null);
    }

    /**
     * @return the folder settings (name, owner, permissions) to change and save: {@code getProjectFolderSettings},
     *         saved with {@code setProjectFolderSettings}
     */
    public JsonSettings getSettings() {
        String id = id();
        ObjectNode raw = api.object(() -> api.projectFolders().getProjectFolderSettingsRequestBuilder(id), "project folder settings");
        return new JsonSettings(raw, settings -> api.send(() -> api.projectFolders().setProjectFolderSettingsRequestBuilder(id, settings)));
    }

    /** Deletes the folder (it must be empty): {@code deleteProjectFolder}. */
    public void delete() {
        api.send(() -> api.projectFolders().deleteProjectFolderRequestBuilder(id()));
    }

    /** Moves this folder under another one: {@code moveProjectFolder} ({@code ?destination=<id>}). */
    public void moveTo(DSSProjectFolder destination) {
        api.send(() -> api.projectFolders().moveProjectFolderRequestBuilder(id(), destination.getId()));
    }

    /** Moves a project of this folder into another folder: {@code moveProjectToFolder} ({@code ?destination=<id>}). */
    public void moveProjectTo(String projectKey, DSSProjectFolder destination) {
        api.send(() -> api.projectFolders().moveProjectToFolderRequestBuilder(id(), DssApi.requireId("projectKey", projectKey),
                destination.getId()));
    }

    private String id() {
        return DssApi.requireId("folder id", getId());
    }
}
