package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.rows.RowStream;

/**
 * What the anchor project held before the fuzz, to be found again after it: its summary, metadata, the datasets it
 * lists, and its dataset's settings, schema, uploaded files and rows.
 */
record AnchorSnapshot(String projectKey, String name, JsonNode metadata, List<String> datasets, JsonNode datasetType,
                      JsonNode schema, JsonNode files, List<List<Object>> rows) {

    static AnchorSnapshot read(DSSClient admin, String projectKey) {
        DSSProject project = admin.getProject(projectKey);
        JsonNode summary = project.getSummary();
        List<String> datasets = new ArrayList<>();
        project.listDatasetsRaw().forEach(d -> datasets.add(d.path("name").asText()));
        DSSDataset dataset = project.getDataset(DssFuzzTarget.DATASET);
        JsonNode settings = dataset.getSettings().getRaw();
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = dataset.iterRows()) {
            stream.forEach(rows::add);
        }
        return new AnchorSnapshot(projectKey, summary.path("name").asText(), project.getMetadata(), datasets,
                settings.path("type"), dataset.getSchema().path("columns"), dataset.uploadedListFilesRaw(), rows);
    }

    /** @return what differs now from the snapshot, one line each; empty when the anchor is intact */
    List<String> compareWith(DSSClient admin) {
        List<String> problems = new ArrayList<>();
        AnchorSnapshot now;
        try {
            if (!admin.listProjectKeys().contains(projectKey)) {
                return List.of("anchor project " + projectKey + " is gone");
            }
            now = read(admin, projectKey);
        } catch (RuntimeException e) {
            return List.of("anchor project " + projectKey + " cannot be read back: " + e.getMessage());
        }
        compare(problems, "name", name, now.name);
        compare(problems, "metadata", metadata, now.metadata);
        compare(problems, "datasets", datasets, now.datasets);
        compare(problems, "dataset " + DssFuzzTarget.DATASET + " type", datasetType, now.datasetType);
        compare(problems, "dataset " + DssFuzzTarget.DATASET + " schema", schema, now.schema);
        compare(problems, "dataset " + DssFuzzTarget.DATASET + " uploaded files", files, now.files);
        compare(problems, "dataset " + DssFuzzTarget.DATASET + " rows", rows, now.rows);
        return problems;
    }

    private void compare(List<String> problems, String what, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            problems.add("anchor project " + projectKey + ": " + what + " changed from " + FuzzRequest.abbreviate(String.valueOf(before), 300)
                    + " to " + FuzzRequest.abbreviate(String.valueOf(after), 300));
        }
    }
}
