package org.dsscontractkit.reference.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.generated.dss.model.ExportOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a project export zip: the project configuration, one settings file per dataset and, per the
 * export flags, the files of uploaded and managed filesystem datasets. Streamed, never built in memory.
 */
public final class ProjectExporter {
    private final ProjectService projects;
    private final DatasetService datasets;

    public ProjectExporter(ProjectService projects, DatasetService datasets) {
        this.projects = projects;
        this.datasets = datasets;
    }

    public record Options(boolean uploads, boolean managedFs, boolean allDatasets) {
        /** The options of the generated model; absent ones (or no body) take DSS's defaults. */
        public static Options of(ExportOptions o) {
            if (o == null) return new Options(true, true, false);
            return new Options(or(o.getExportUploads(), true), or(o.getExportManagedFS(), true), or(o.getExportAllDatasets(), false));
        }

        private static boolean or(Boolean value, boolean dflt) {
            return value == null ? dflt : value;
        }
    }

    /** Checks access up front so that errors are reported before the stream starts. */
    public ObjectNode prepare(Caller caller, String projectKey) {
        return projects.require(caller, projectKey, ProjectAccess.ADMIN);
    }

    public void write(ObjectNode project, Options options, OutputStream out) throws IOException {
        String key = project.path("projectKey").asText();
        ZipOutputStream zip = new ZipOutputStream(out);
        ObjectNode params = project.deepCopy();
        params.remove("variables");
        params.remove("projectFolderId");
        entry(zip, "project.json", Json.write(params));
        entry(zip, "variables.json", Json.write(project.path("variables")));
        ObjectNode manifest = Json.object();
        manifest.put("projectKey", key);
        manifest.put("exportedOn", System.currentTimeMillis());
        manifest.put("exportUploads", options.uploads());
        manifest.put("exportManagedFS", options.managedFs());
        manifest.put("exportAllDatasets", options.allDatasets());
        var exported = manifest.putArray("datasetData");
        for (ObjectNode d : datasets.listAll(key)) {
            String name = d.path("name").asText();
            entry(zip, "datasets/" + name + ".json", Json.write(d));
            if (!datasets.isFileBased(d)) continue;
            boolean uploaded = "UploadedFiles".equals(d.path("type").asText());
            boolean include = options.allDatasets() || uploaded && options.uploads() || !uploaded && options.managedFs();
            if (!include) continue;
            List<Path> files = datasets.files().files(key, name);
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry((uploaded ? "uploads/" : "managed_datasets/") + name + "/" + f.getFileName()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
            exported.add(name);
        }
        entry(zip, "export-manifest.json", Json.write(manifest));
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
