package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dsscontractkit.reference.project.ProjectAccess;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.server.MultipartUpload;
import org.dsscontractkit.server.generated.dss.api.DatasetDataApi;
import org.dsscontractkit.server.generated.dss.model.TabularDataFormat;
import org.glassfish.jersey.server.ContainerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

public final class DatasetDataResource extends ApiResource implements DatasetDataApi {
    private final DatasetService datasets;
    private final ReadSessions sessions;
    @Inject private Provider<ContainerRequest> request;

    public DatasetDataResource(DatasetService datasets, ReadSessions sessions) {
        this.datasets = datasets;
        this.sessions = sessions;
    }

    @Override
    public Response readDatasetData(String projectKey, String datasetName, TabularDataFormat format, String readSessionId,
                                    List<String> partitions, String columns, String filter) {
        ObjectNode d = datasets.require(caller(), projectKey, datasetName, ProjectAccess.READ);
        RowFormat rowFormat = RowFormat.parse(format == null ? null : format.toString(), RowFormat.JSON);
        DatasetService.requireNotPartitionedSpec(multi(partitions));
        if (filter != null && !filter.isBlank()) {
            throw ApiException.invalidField("filter", "formula filters are not supported by this server");
        }
        DatasetService.ColumnSelection sel = datasets.select(d, columns);
        String sessionKey = projectKey + "." + datasetName;
        if (readSessionId != null && !readSessionId.isEmpty()) sessions.start(readSessionId, sessionKey);
        StreamingOutput body = out -> {
            long[] rows = {0};
            try (RowFormat.Writer w = rowFormat.open(out, sel.names())) {
                rows[0] = datasets.read(d, sel, w);
                if (readSessionId != null && !readSessionId.isEmpty()) sessions.done(readSessionId, rows[0]);
            } catch (DatasetFiles.DataReadException e) {
                // Rows already sent cannot be taken back: the client learns of the failure from finish-streaming.
                if (readSessionId != null && !readSessionId.isEmpty()) sessions.failed(readSessionId, e.getMessage(), rows[0]);
            } catch (IOException | RuntimeException e) {
                if (readSessionId != null && !readSessionId.isEmpty()) sessions.failed(readSessionId, "Stream interrupted: " + e.getMessage(), rows[0]);
                throw e;
            }
        };
        return Response.ok(body, rowFormat.contentType()).build();
    }

    @Override
    public Response finishDatasetStreaming(String projectKey, String datasetName, String readSessionId) {
        datasets.require(caller(), projectKey, datasetName, ProjectAccess.READ);
        ReadSessions.Session s = sessions.finish(readSessionId, projectKey + "." + datasetName);
        if (s.state() == ReadSessions.State.FAILED) {
            String msg = "Reading dataset " + projectKey + "." + datasetName + " failed: " + s.error();
            throw new ApiException(500, "com.dataiku.dip.datasets.DatasetReadException", msg, msg);
        }
        return noContent();
    }

    @Override
    public Response clearDatasetData(String projectKey, String datasetName, List<String> partitions) {
        return ok(datasets.clear(caller(), projectKey, datasetName, multi(partitions)));
    }

    @Override
    public Response listDatasetUploadedFiles(String projectKey, String datasetName) {
        return ok(datasets.uploadedFiles(caller(), projectKey, datasetName));
    }

    @Override
    public Response addDatasetUploadedFile(String projectKey, String datasetName, InputStream fileInputStream) {
        MultipartUpload upload = MultipartUpload.of(request.get(), fileInputStream, datasets.files().maxUploadBytes());
        return ok(datasets.upload(caller(), projectKey, datasetName, upload.fileName(), upload.content()));
    }

    @Override
    public Response deleteDatasetUploadedFile(String projectKey, String datasetName, String fileName) {
        datasets.deleteUploadedFile(caller(), projectKey, datasetName, fileName);
        return noContent();
    }

}
