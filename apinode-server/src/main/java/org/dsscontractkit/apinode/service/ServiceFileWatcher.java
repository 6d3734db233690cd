package org.dsscontractkit.apinode.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the services directory: loads new and changed service files, unloads removed ones, and publishes the
 * result as a new {@link DeployedServices}. Loading (a model, a Python worker) may take seconds; it runs under this
 * watcher's own lock, which only other reloads take, while calls keep reading the previous snapshot.
 */
public final class ServiceFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceFileWatcher.class);

    /** Turns one service file into a generation (the {@link ServiceFileLoader} in production). */
    @FunctionalInterface
    public interface GenerationLoader {
        ServiceGeneration load(Path file) throws ServiceFileLoader.InvalidServiceFile;
    }

    private final Path servicesDir;
    private final GenerationLoader loader;
    private final Object reloading = new Object();
    private volatile DeployedServices current = DeployedServices.NONE;
    private boolean closed;

    public ServiceFileWatcher(Path servicesDir, GenerationLoader loader) {
        this.servicesDir = servicesDir;
        this.loader = loader;
    }

    public Path servicesDir() {
        return servicesDir;
    }

    /** The services deployed now; never blocks. */
    public DeployedServices current() {
        return current;
    }

    /**
     * Loads new and changed service files, unloads removed ones. Safe to call often: unchanged files are skipped.
     * Generations a reload replaces or removes are closed only after the new snapshot is published.
     */
    public void reload() {
        synchronized (reloading) {
            if (closed) {
                return;
            }
            List<Path> present;
            try {
                present = ServiceFileLoader.listServiceFiles(servicesDir);
            } catch (IOException e) {
                LOG.warn("Cannot list service files in {}: {}", servicesDir, e.getMessage());
                return;
            }
            DeployedServices before = current;
            Map<Path, DeployedServices.FileStatus> files = new HashMap<>(before.files());
            List<ServiceGeneration> retired = new ArrayList<>();
            boolean changed = false;
            Set<Path> seen = new HashSet<>(present);
            for (Path gone : new ArrayList<>(files.keySet())) {
                if (!seen.contains(gone)) {
                    DeployedServices.FileStatus status = files.remove(gone);
                    if (status.generation() != null) {
                        LOG.info("Service file {} removed: unloading {}/{}", gone, status.generation().serviceId(), status.generation().generation());
                        retired.add(status.generation());
                    }
                    changed = true;
                }
            }
            for (Path file : present) {
                long modified;
                long size;
                try {
                    modified = Files.getLastModifiedTime(file).toMillis();
                    size = Files.size(file);
                } catch (IOException e) {
                    continue;
                }
                DeployedServices.FileStatus old = files.get(file);
                if (old != null && old.unchanged(modified, size)) {
                    continue;
                }
                files.put(file, load(file, modified, size, files));
                if (old != null && old.generation() != null) {
                    retired.add(old.generation());
                }
                changed = true;
            }
            if (changed) {
                current = new DeployedServices(files);
            }
            retired.forEach(ServiceGeneration::close);
        }
    }

    private DeployedServices.FileStatus load(Path file, long modified, long size, Map<Path, DeployedServices.FileStatus> others) {
        try {
            ServiceGeneration generation = loader.load(file);
            String clash = clash(generation, file, others);
            if (clash != null) {
                generation.close();
                ServiceFileProblem problem = new ServiceFileProblem(file.toString(), "/generation", "unique", clash);
                LOG.warn("Service file not loaded: {}", problem);
                return new DeployedServices.FileStatus(modified, size, null, List.of(problem), generation.serviceId());
            }
            LOG.info("Loaded service {} generation {} from {}", generation.serviceId(), generation.generation(), file);
            return new DeployedServices.FileStatus(modified, size, generation, List.of(), generation.serviceId());
        } catch (ServiceFileLoader.InvalidServiceFile invalid) {
            invalid.problems().forEach(p -> LOG.warn("Service file not loaded: {}", p));
            return new DeployedServices.FileStatus(modified, size, null, invalid.problems(), invalid.serviceId());
        }
    }

    private static String clash(ServiceGeneration candidate, Path file, Map<Path, DeployedServices.FileStatus> others) {
        for (Map.Entry<Path, DeployedServices.FileStatus> other : others.entrySet()) {
            ServiceGeneration g = other.getValue().generation();
            if (!other.getKey().equals(file) && g != null && g.serviceId().equals(candidate.serviceId())
                    && g.generation().equals(candidate.generation())) {
                return "generation '" + candidate.generation() + "' of service '" + candidate.serviceId()
                        + "' is already declared by " + other.getKey();
            }
        }
        return null;
    }

    /** Unloads every generation; later reloads do nothing. */
    @Override
    public void close() {
        synchronized (reloading) {
            closed = true;
            DeployedServices last = current;
            current = DeployedServices.NONE;
            last.files().values().forEach(f -> {
                if (f.generation() != null) {
                    f.generation().close();
                }
            });
        }
    }
}
