package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.storage.DurableFiles;

/**
 * Imports a service generation from a zip archive on the node's disk (what {@code importFromArchive} names): the
 * archive holds {@code service.yaml|yml|json} (at its root or in one top folder) and the code files it refers to.
 * The generation is checked completely before it is installed; a bad archive changes nothing.
 */
public final class ArchiveImporter {

    private static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

    private final ServiceRegistry registry;
    private final Path stagingRoot;

    public ArchiveImporter(ServiceRegistry registry, Path stagingRoot) {
        this.registry = registry;
        this.stagingRoot = stagingRoot;
    }

    /** Returns the imported generation id. */
    public String importArchive(String serviceId, String filePath) {
        if (filePath == null || filePath.isBlank()) {
            throw NodeErrors.badInput("MissingFilePath", "Query parameter 'filePath' is required: the archive's path on the API node").at("filePath", "required");
        }
        registry.requireExists(serviceId);
        Path archive = Path.of(filePath);
        if (!Files.isRegularFile(archive)) {
            throw NodeErrors.badInput("ArchiveNotFound", "No archive file at '" + filePath + "' on the API node").at("filePath", "exists");
        }
        Path staged = null;
        try {
            Files.createDirectories(stagingRoot);
            staged = Files.createTempDirectory(stagingRoot, "import-");
            unzip(archive, staged);
            Path root = staged;
            Path serviceFile = serviceFileIn(root);
            if (serviceFile == null) {
                try (var list = Files.list(staged)) {
                    List<Path> entries = list.toList();
                    if (entries.size() == 1 && Files.isDirectory(entries.get(0))) {
                        root = entries.get(0);
                        serviceFile = serviceFileIn(root);
                    }
                }
            }
            if (serviceFile == null) {
                throw NodeErrors.badInput("InvalidArchive", "The archive has no service.yaml, service.yml or service.json at its root").at("filePath", "content");
            }
            ObjectMapper mapper = ServiceFileLoader.mapperFor(serviceFile);
            JsonNode tree;
            try {
                tree = registry.loader().read(serviceFile);
            } catch (ServiceFileLoader.InvalidServiceFile invalid) {
                throw NodeErrors.of(400, "InvalidServiceFile", "The archive's service file is invalid", invalid.problems().toString());
            }
            if (tree.isObject() && !tree.has("serviceId")) {
                ((ObjectNode) tree).put("serviceId", serviceId);
            }
            if (!serviceId.equals(tree.path("serviceId").asText())) {
                throw NodeErrors.badInput("ServiceIdMismatch", "The archive declares service '" + tree.path("serviceId").asText()
                        + "', not '" + serviceId + "'").at("serviceId", "match");
            }
            String generation = tree.path("generation").asText(null);
            if (generation == null) {
                generation = nextGeneration(serviceId);
                ((ObjectNode) tree).put("generation", generation);
            }
            mapper.writeValue(serviceFile.toFile(), tree);
            try {
                registry.loader().load(serviceFile).close();
            } catch (ServiceFileLoader.InvalidServiceFile invalid) {
                throw NodeErrors.of(400, "InvalidServiceFile", "The archive's service file is invalid: " + invalid.problems().get(0),
                        invalid.problems().toString());
            }
            registry.install(serviceId, generation, root);
            return generation;
        } catch (ZipException e) {
            throw NodeErrors.badInput("InvalidArchive", "'" + filePath + "' is not a readable zip archive: " + e.getMessage()).at("filePath", "zip");
        } catch (IOException e) {
            throw NodeErrors.of(500, "ImportFailed", "Cannot import '" + filePath + "': " + e.getMessage());
        } finally {
            if (staged != null) {
                try {
                    DurableFiles.delete(staged);
                } catch (IOException ignored) {
                    // staging leftovers are cleaned on the next import
                }
            }
        }
    }

    private String nextGeneration(String serviceId) {
        int n = registry.generations(serviceId).size() + 1;
        while (registry.generations(serviceId).containsKey("v" + n)) {
            n++;
        }
        return "v" + n;
    }

    private static Path serviceFileIn(Path dir) {
        for (String name : List.of("service.yaml", "service.yml", "service.json")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    private static void unzip(Path archive, Path target) throws IOException {
        long total = 0;
        int entries = 0;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new ZipException("entry '" + entry.getName() + "' escapes the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += Files.copy(zip, out);
                if (total > MAX_UNPACKED_BYTES) {
                    throw new ZipException("archive unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
                }
            }
        }
        if (entries == 0) {
            throw new ZipException("empty or not a zip file");
        }
    }
}
