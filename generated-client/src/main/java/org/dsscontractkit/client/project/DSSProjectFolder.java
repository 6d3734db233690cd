package org.dsscontractkit.client.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;

/**
 * A project folder ({@code /project-folders/{folderId}}), built from its already-read description; the accessors
 * read that description, the other methods call DSS.
 */
public final class DSSProjectFolder {

    private final HttpTransport transport;
    private final JsonNode data;

    /**
     * @param transport shared transport
     * @param data      the folder object ({@code id}, {@code name}, {@code parentId}, {@code childrenIds}, {@code projectKeys})
     */
    public DSSProjectFolder(HttpTransport transport, JsonNode data) {
        this.transport = transport;
        this.data = data;
    }

    /** Reads a folder: {@code GET /project-folders/{folderId}} ({@code ROOT} for the root). */
    public static DSSProjectFolder get(HttpTransport transport, String folderId) {
        return new DSSProjectFolder(transport, transport.getJson(path(folderId), null));
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
        return texts(data.path("projectKeys"));
    }

    /** @return the child folders, one {@code GET /project-folders/{childId}} each */
    public List<DSSProjectFolder> listChildFolders() {
        List<DSSProjectFolder> children = new ArrayList<>();
        for (String childId : texts(data.path("childrenIds"))) {
            children.add(get(transport, childId));
        }
        return children;
    }

    /** @return the parent folder, or null for the root: {@code GET /project-folders/{parentId}} */
    public DSSProjectFolder getParent() {
        JsonNode parentId = data.get("parentId");
        return parentId == null || parentId.isNull() ? null : get(transport, parentId.asText());
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

    /** Creates a sub-folder: {@code POST /project-folders/{folderId}/children?name=...}. @return the new folder */
    public DSSProjectFolder createSubFolder(String name) {
        return new DSSProjectFolder(transport,
                transport.json("POST", path(getId()) + "/children", QueryParams.of("name", name), null));
    }

    /**
     * Creates a project in this folder; see {@link DSSProject#create}.
     *
     * @return a handle on the new project
     */
    public DSSProject createProject(String projectKey, String name, String owner, String description, JsonNode settings) {
        return DSSProject.create(transport, projectKey, name, owner, description, settings, getId(), null, null);
    }

    /** @return the folder settings (name, owner, permissions) to change and save: {@code GET .../settings} */
    public JsonSettings getSettings() {
        String settingsPath = path(getId()) + "/settings";
        return new JsonSettings(transport, settingsPath, transport.getJson(settingsPath, null)) { };
    }

    /** Deletes the folder (it must be empty): {@code DELETE /project-folders/{folderId}}. */
    public void delete() {
        transport.call("DELETE", path(getId()), null, null);
    }

    /** Moves this folder under another one: {@code POST .../move?destination=<id>}. */
    public void moveTo(DSSProjectFolder destination) {
        transport.call("POST", path(getId()) + "/move", QueryParams.of("destination", destination.getId()), null);
    }

    /** Moves a project of this folder into another folder: {@code POST .../projects/{projectKey}/move?destination=<id>}. */
    public void moveProjectTo(String projectKey, DSSProjectFolder destination) {
        transport.call("POST", path(getId()) + "/projects/" + PathSegments.encode(projectKey) + "/move",
                QueryParams.of("destination", destination.getId()), null);
    }

    private static String path(String folderId) {
        return "/project-folders/" + PathSegments.encode(folderId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
