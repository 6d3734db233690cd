package org.dsscontractkit.apinode.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deployed services at one moment: every service file with what came of it, and the loaded generations of each
 * service, newest last. Immutable: a reload builds the next one and swaps it in whole, so a call that picked this one
 * up keeps a consistent view and never waits for a load in progress.
 */
public final class DeployedServices {

    /** What one service file gave: a generation, or the problems that kept it out. */
    public record FileStatus(long modified, long size, ServiceGeneration generation, List<ServiceFileProblem> problems,
                             String claimedServiceId) {
        public FileStatus {
            problems = List.copyOf(problems);
        }

        boolean unchanged(long otherModified, long otherSize) {
            return modified == otherModified && size == otherSize;
        }
    }

    public static final DeployedServices NONE = new DeployedServices(Map.of());

    private final Map<Path, FileStatus> files;
    private final Map<String, NavigableMap<String, ServiceGeneration>> byService;

    DeployedServices(Map<Path, FileStatus> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        Map<String, TreeMap<String, ServiceGeneration>> index = new HashMap<>();
        for (FileStatus status : files.values()) {
            if (status.generation() != null) {
                index.computeIfAbsent(status.generation().serviceId(), k -> new TreeMap<>(ServiceRegistry.GENERATION_ORDER))
                        .put(status.generation().generation(), status.generation());
            }
        }
        Map<String, NavigableMap<String, ServiceGeneration>> frozen = new HashMap<>();
        index.forEach((id, generations) -> frozen.put(id, Collections.unmodifiableNavigableMap(generations)));
        this.byService = Collections.unmodifiableMap(frozen);
    }

    /** Every service file found, by path. */
    public Map<Path, FileStatus> files() {
        return files;
    }

    /** The services with at least one loaded generation. */
    public Set<String> serviceIds() {
        return byService.keySet();
    }

    /** The loaded generations of a service, oldest first ({@link ServiceRegistry#GENERATION_ORDER}); empty if none. */
    public NavigableMap<String, ServiceGeneration> generations(String serviceId) {
        NavigableMap<String, ServiceGeneration> generations = byService.get(serviceId);
        return generations == null ? Collections.emptyNavigableMap() : generations;
    }

    /** Problems of the files claiming this service (when it failed to load). */
    public List<ServiceFileProblem> problemsOf(String serviceId) {
        List<ServiceFileProblem> problems = new ArrayList<>();
        files.values().stream().filter(f -> serviceId.equals(f.claimedServiceId())).forEach(f -> problems.addAll(f.problems()));
        return problems;
    }
}
