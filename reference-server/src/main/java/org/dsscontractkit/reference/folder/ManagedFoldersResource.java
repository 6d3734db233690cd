package org.dsscontractkit.reference.folder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.future.FutureService;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.server.MultipartUpload;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.generated.dss.api.ManagedFoldersApi;
import org.dsscontractkit.server.generated.dss.model.ManagedFolderCopyRequest;
import org.dsscontractkit.server.generated.dss.model.MetricIdsRequest;
import org.dsscontractkit.server.generated.dss.model.MetricProbes;
import org.dsscontractkit.server.generated.dss.model.ManagedFolderRename;
import org.glassfish.jersey.server.ContainerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class ManagedFoldersResource extends ApiResource implements ManagedFoldersApi {
    private final ManagedFolderService folders;
    private final DatasetService datasets;
    private final FutureService futures;
    @Inject private Provider<ContainerRequest> request;

    public ManagedFoldersResource(ManagedFolderService folders, DatasetService datasets, FutureService futures) {
        this.folders = folders;
        this.datasets = datasets;
        this.futures = futures;
    }

    @Override public Response computeManagedFolderMetrics(String projectKey, String folderId, MetricProbes probes) {
        return computeMetrics(projectKey, folderId, null);
    }

    @Override public Response computeManagedFolderMetricsFromIds(String projectKey, String folderId, MetricIdsRequest metricIds) {
        JsonNode ids = tree(metricIds).path("metricIds");
        if (!ids.isArray()) throw ApiException.invalidField("metricIds", "is required (array of metric ids)");
        List<String> wanted = new java.util.ArrayList<>();
        ids.forEach(i -> wanted.add(i.asText()));
        wanted.forEach(FolderMetrics.Metric::of); // an unknown id is refused now, not in the future
        return computeMetrics(projectKey, folderId, wanted);
    }

    private Response computeMetrics(String projectKey, String folderId, List<String> ids) {
        Caller c = caller();
        folders.require(c, projectKey, folderId, org.dsscontractkit.reference.project.ProjectAccess.WRITE);
        long start = System.currentTimeMillis();
        String id = futures.submit(c, "folder_metrics", "Compute the metrics of managed folder " + projectKey + "." + folderId,
                () -> FolderMetrics.report(folders.computeMetrics(c, projectKey, folderId), start, ids));
        return ok(futures.await(id, 60_000));
    }

    @Override public Response copyManagedFolder(String projectKey, String folderId, ManagedFolderCopyRequest copy) {
        Caller c = caller();
        JsonNode body = tree(copy);
        String targetProjectKey = body.path("targetProjectKey").asText(null);
        String targetFolderId = body.path("targetFolderId").asText(null);
        var work = folders.copy(c, projectKey, folderId, targetProjectKey, targetFolderId, body.path("writeMode").asText(null));
        String id = futures.submit(c, "folder_copy", "Copy managed folder " + projectKey + "." + folderId + " to "
                + targetProjectKey + "." + targetFolderId, () -> {
            ManagedFolderService.Copied done = work.get();
            ObjectNode result = Json.object();
            result.put("targetProjectKey", targetProjectKey);
            result.put("targetFolderId", targetFolderId);
            result.put("copiedFiles", done.files());
            result.put("copiedBytes", done.bytes());
            return result;
        });
        return ok(futures.state(c, id));
    }

    @Override public Response listManagedFolders(String projectKey) {
        return ok(folders.list(caller(), projectKey));
    }

    @Override public Response createManagedFolder(String projectKey, com.fasterxml.jackson.databind.node.ObjectNode creation) {
        return ok(folders.create(caller(), projectKey, tree(creation)));
    }

    @Override public Response getManagedFolder(String projectKey, String folderId) {
        return ok(folders.require(caller(), projectKey, folderId, org.dsscontractkit.reference.project.ProjectAccess.READ));
    }

    @Override public Response setManagedFolder(String projectKey, String folderId, com.fasterxml.jackson.databind.node.ObjectNode settings) {
        return ok(folders.save(caller(), projectKey, folderId, tree(settings)));
    }

    @Override public Response deleteManagedFolder(String projectKey, String folderId) {
        folders.delete(caller(), projectKey, folderId);
        return noContent();
    }

    @Override public Response renameManagedFolder(String projectKey, ManagedFolderRename rename) {
        folders.rename(caller(), projectKey, rename.getId(), rename.getNewName());
        return noContent();
    }

    @Override public Response listManagedFolderContents(String projectKey, String folderId) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (FolderFiles.Item i : folders.contents(caller(), projectKey, folderId)) items.add(i.toJson());
        return ok(out);
    }

    @Override public Response getManagedFolderFile(String projectKey, String folderId, String filePath) {
        Path file = folders.file(caller(), projectKey, folderId, filePath);
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (IOException e) {
            // deleted between the check and the open
            throw ApiException.notFound("File '" + filePath + "' in managed folder '" + projectKey + "." + folderId + "'");
        }
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Content-Length", size).build();
    }

    @Override public Response putManagedFolderFile(String projectKey, String folderId, String filePath, InputStream fileInputStream) {
        MultipartUpload upload = MultipartUpload.of(request.get(), fileInputStream, folders.files().maxUploadBytes());
        return ok(folders.put(caller(), projectKey, folderId, filePath, upload.content()).toJson());
    }

    @Override public Response deleteManagedFolderFile(String projectKey, String folderId, String filePath) {
        folders.deleteFile(caller(), projectKey, folderId, filePath);
        return noContent();
    }

    @Override public Response getManagedFolderUsages(String projectKey, String folderId) {
        folders.require(caller(), projectKey, folderId, org.dsscontractkit.reference.project.ProjectAccess.READ);
        ArrayNode out = Json.array();
        for (ObjectNode d : datasets.listAll(projectKey)) {
            if (!"FilesInFolder".equals(d.path("type").asText())) continue;
            if (!folderId.equals(ManagedFolderService.idOfSmartId(projectKey, d.path("params").path("folderSmartId").asText()))) continue;
            ObjectNode u = out.addObject();
            u.put("type", "DATASET_SOURCE");
            u.put("objectId", d.path("name").asText());
            u.put("objectProjectKey", projectKey);
        }
        return ok(out);
    }

    @Override public Response getManagedFolderLastMetricValues(String projectKey, String folderId) {
        return ok(FolderMetrics.last(folders.current(caller(), projectKey, folderId)));
    }

    @Override public Response getManagedFolderMetricHistory(String projectKey, String folderId, String metricLookup) {
        FolderMetrics.Metric metric = FolderMetrics.Metric.of(metricLookup);
        List<ManagedFolderService.Measured> history = folders.history(caller(), projectKey, folderId);
        return ok(FolderMetrics.history(metric, history));
    }
}
