package org.dsscontractkit.reference.it;

import static org.dsscontractkit.reference.it.MatrixWorld.COPY_TARGET;
import static org.dsscontractkit.reference.it.MatrixWorld.PROJECT;
import static org.dsscontractkit.reference.it.MatrixWorld.map;
import static org.dsscontractkit.reference.it.MatrixWorld.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** A managed folder of the project holding one file, and a folder of the copy target to copy into. */
final class ManagedFolderFixtures implements MatrixFixtures {
    private static final String FOLDER = "mx_folder";
    private static final String CREATED = "mx_created_folder";
    static final String FILE = "mx.csv";

    private final MatrixWorld world;
    private String folderId;
    private String targetFolderId;
    private int renames;

    ManagedFolderFixtures(MatrixWorld world) {
        this.world = world;
    }

    private static boolean ours(MatrixCall call) {
        return call.template().contains("/managedfolders/") || call.id().equals("renameManagedFolder");
    }

    @Override
    public void prepare(MatrixCall call) {
        if (!ours(call)) return;
        folderId = folder(PROJECT, FOLDER, folderId);
        String contents = MatrixWorld.project() + "/managedfolders/" + folderId + "/contents/";
        if (world.admin.get(contents + FILE).status() == 404) {
            ok(world.admin.upload(contents + FILE, FILE, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        }
        if (call.id().equals("copyManagedFolder")) {
            world.copyTarget();
            targetFolderId = folder(COPY_TARGET, "mx_copy_folder", targetFolderId);
        }
        if (call.id().equals("createManagedFolder")) {
            for (JsonNode f : ok(world.admin.get(MatrixWorld.project() + "/managedfolders/"))) {
                if (f.path("name").asText().equals(CREATED)) {
                    ok(world.admin.delete(MatrixWorld.project() + "/managedfolders/" + f.path("id").asText()));
                }
            }
        }
    }

    /** The id of the folder, created when {@code knownId} no longer names one (a holder deleted it). */
    private String folder(String projectKey, String name, String knownId) {
        String folders = "/projects/" + projectKey + "/managedfolders/";
        if (knownId != null && world.admin.get(folders + knownId).status() == 200) return knownId;
        return ok(world.admin.post(folders, map("name", name, "projectKey", projectKey, "type", null,
                "params", map("connection", "filesystem_folders", "path", "/${projectKey}/${odbId}")))).path("id").asText();
    }

    @Override
    public String pathValue(String operationId, String param) {
        return switch (param) {
            case "managedFolderId" -> folderId;
            case "filePath" -> FILE;
            default -> null;
        };
    }

    @Override
    public Object body(MatrixCall call) {
        return switch (call.id()) {
            case "createManagedFolder" -> map("name", CREATED, "projectKey", PROJECT, "type", null,
                    "params", map("connection", "filesystem_folders", "path", "/${projectKey}/${odbId}"));
            case "renameManagedFolder" -> map("id", folderId, "newName", FOLDER + "_" + (++renames));
            case "copyManagedFolder" -> map("targetProjectKey", COPY_TARGET, "targetFolderId", targetFolderId,
                    "writeMode", "OVERWRITE");
            default -> NO_OPINION;
        };
    }
}
