package org.dsscontractkit.apinode.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.apinode.service.ServiceStateStore.ServiceState;
import org.dsscontractkit.apinode.storage.DurableFiles;

/**
 * The services of the node as calls and admin commands see them: the deployed generations
 * ({@link ServiceFileWatcher}, one immutable {@link DeployedServices} at a time) and the admin state of each service
 * ({@link ServiceStateStore}). Dispatching a call takes no lock: it reads the current snapshot and state, so a call
 * never waits for a file being loaded. Admin commands are serialised with each other only.
 */
public final class ServiceRegistry implements AutoCloseable {

    /** "v2" before "v10": compare digit runs as numbers. */
    public static final Comparator<String> GENERATION_ORDER = ServiceRegistry::compareNatural;

    private final ServiceFileWatcher files;
    private final ServiceStateStore states;
    private final ServiceFileLoader loader;
    private final ServiceAdminViews views;
    private final Object adminCommands = new Object();

    public ServiceRegistry(Path servicesDir, Path stateFile, ServiceFileLoader loader) {
        this(new ServiceFileWatcher(createDirectories(servicesDir), loader::load), new ServiceStateStore(stateFile), loader);
    }

    ServiceRegistry(ServiceFileWatcher files, ServiceStateStore states, ServiceFileLoader loader) {
        this.files = files;
        this.states = states;
        this.loader = loader;
        this.views = new ServiceAdminViews(files, states);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the services directory " + dir, e);
        }
    }

    public Path servicesDir() {
        return files.servicesDir();
    }

    public ServiceFileLoader loader() {
        return loader;
    }

    /** The admin API's views of the services. */
    public ServiceAdminViews views() {
        return views;
    }

    /** Loads new and changed service files, unloads removed ones (see {@link ServiceFileWatcher#reload()}). */
    public void reload() {
        files.reload();
    }

    /** Every service id known: from files or created through the admin API. */
    public Set<String> serviceIds() {
        Set<String> ids = new TreeSet<>(files.current().serviceIds());
        states.all().forEach((id, state) -> {
            if (state.declared()) {
                ids.add(id);
            }
        });
        return ids;
    }

    public boolean exists(String serviceId) {
        return files.current().serviceIds().contains(serviceId) || states.get(serviceId).declared();
    }

    public ServiceState state(String serviceId) {
        return states.get(serviceId);
    }

    public NavigableMap<String, ServiceGeneration> generations(String serviceId) {
        return files.current().generations(serviceId);
    }

    /**
     * The generation answering a user-API call: the forced one, else the mapping (by dispatch key or at random),
     * else the newest.
     */
    public ServiceGeneration resolve(String serviceId, String forcedGeneration, String dispatchKey) {
        DeployedServices deployed = files.current();
        ServiceState state = states.get(serviceId);
        NavigableMap<String, ServiceGeneration> generations = deployed.generations(serviceId);
        if (generations.isEmpty()) {
            List<ServiceFileProblem> problems = deployed.problemsOf(serviceId);
            if (!problems.isEmpty()) {
                throw NodeErrors.of(404, "ServiceNotLoaded", "Service '" + serviceId + "' is not loaded: its service file is invalid",
                        problems.get(0).toString());
            }
            if (state.declared()) {
                throw NodeErrors.of(404, "NoActiveGeneration", "Service '" + serviceId + "' has no generation yet (import one through the admin API)");
            }
            throw NodeErrors.notFound("ServiceNotFound", "Service not found: " + serviceId);
        }
        if (!state.enabled()) {
            throw NodeErrors.notFound("ServiceDisabled", "Service '" + serviceId + "' is disabled");
        }
        if (forcedGeneration != null) {
            ServiceGeneration forced = generations.get(forcedGeneration);
            if (forced == null) {
                throw NodeErrors.badInput("UnknownGeneration", "Service '" + serviceId + "' has no generation '" + forcedGeneration
                        + "' (generations: " + generations.keySet() + ")").at("dispatch.forcedGeneration", "exists");
            }
            return forced;
        }
        GenerationMapping mapping = state.mapping();
        if (mapping != null) {
            List<GenerationMapping.Entry> live = mapping.entries().stream()
                    .filter(e -> generations.containsKey(e.generation()) && e.proba() > 0).toList();
            if (!live.isEmpty()) {
                return generations.get(new GenerationMapping(live).pick(dispatchKey));
            }
        }
        return generations.lastEntry().getValue();
    }

    // ----- admin commands -----

    public void create(String serviceId) {
        if (!serviceId.matches("[A-Za-z0-9_.-]+")) {
            throw NodeErrors.badInput("InvalidServiceId", "serviceId must match [A-Za-z0-9_.-]+, got '" + serviceId + "'").at("serviceId", "pattern");
        }
        synchronized (adminCommands) {
            if (exists(serviceId)) {
                throw NodeErrors.of(409, "ServiceAlreadyExists", "Service '" + serviceId + "' already exists");
            }
            states.update(serviceId, s -> s.withDeclared(true).withEnabled(true));
        }
    }

    public void delete(String serviceId) {
        synchronized (adminCommands) {
            requireExists(serviceId);
            Path servicesDir = files.servicesDir();
            for (Map.Entry<Path, DeployedServices.FileStatus> entry : files.current().files().entrySet()) {
                if (serviceId.equals(entry.getValue().claimedServiceId())) {
                    Path file = entry.getKey();
                    try {
                        Path parent = file.getParent();
                        if (!parent.equals(servicesDir) && file.getFileName().toString().startsWith("service.")) {
                            DurableFiles.delete(parent); // an imported generation: its code goes with it
                        } else {
                            DurableFiles.delete(file);
                        }
                    } catch (IOException e) {
                        throw NodeErrors.of(500, "DeleteFailed", "Cannot delete " + file + ": " + e.getMessage());
                    }
                }
            }
            Path serviceDir = servicesDir.resolve(serviceId);
            if (Files.isDirectory(serviceDir)) {
                try (var list = Files.list(serviceDir)) {
                    if (list.findAny().isEmpty()) {
                        Files.delete(serviceDir);
                    }
                } catch (IOException ignored) {
                    // leftover empty directory is harmless
                }
            }
            states.remove(serviceId);
            files.reload();
        }
    }

    public void setEnabled(String serviceId, boolean enabled) {
        synchronized (adminCommands) {
            requireExists(serviceId);
            states.update(serviceId, s -> s.withEnabled(enabled));
        }
    }

    public void setMapping(String serviceId, GenerationMapping mapping) {
        synchronized (adminCommands) {
            requireExists(serviceId);
            if (mapping == null || mapping.entries() == null || mapping.entries().isEmpty()) {
                throw NodeErrors.badInput("InvalidMapping", "The mapping needs 'entries': [{generation, proba}, ...]").at("entries", "required");
            }
            Map<String, ServiceGeneration> generations = generations(serviceId);
            double total = 0;
            for (int i = 0; i < mapping.entries().size(); i++) {
                GenerationMapping.Entry e = mapping.entries().get(i);
                if (e == null || e.generation() == null || !generations.containsKey(e.generation())) {
                    throw NodeErrors.badInput("UnknownGeneration", "entries[" + i + "].generation '" + (e == null ? null : e.generation())
                            + "' is not a generation of '" + serviceId + "' " + generations.keySet()).at("entries[" + i + "].generation", "exists");
                }
                if (e.proba() < 0 || e.proba() > 1) {
                    throw NodeErrors.badInput("InvalidMapping", "entries[" + i + "].proba must be between 0 and 1").at("entries[" + i + "].proba", "range");
                }
                total += e.proba();
            }
            if (Math.abs(total - 1) > 1e-6) {
                throw NodeErrors.badInput("InvalidMapping", "The probas of the mapping entries must add up to 1, got " + total).at("entries", "sum");
            }
            states.update(serviceId, s -> s.withMapping(mapping).withEnabled(true));
        }
    }

    public String switchToNewest(String serviceId) {
        synchronized (adminCommands) {
            requireExists(serviceId);
            NavigableMap<String, ServiceGeneration> generations = generations(serviceId);
            if (generations.isEmpty()) {
                throw NodeErrors.of(409, "NoGeneration", "Service '" + serviceId + "' has no generation to switch to");
            }
            String newest = generations.lastKey();
            states.update(serviceId, s -> s.withMapping(GenerationMapping.single(newest)));
            return newest;
        }
    }

    public void switchTo(String serviceId, String generation) {
        synchronized (adminCommands) {
            requireExists(serviceId);
            if (!generations(serviceId).containsKey(generation)) {
                throw NodeErrors.notFound("GenerationNotFound", "Service '" + serviceId + "' has no generation '" + generation + "'");
            }
            states.update(serviceId, s -> s.withMapping(GenerationMapping.single(generation)));
        }
    }

    public void preload(String serviceId, String generation) {
        requireExists(serviceId);
        ServiceGeneration g = generations(serviceId).get(generation);
        if (g == null) {
            throw NodeErrors.notFound("GenerationNotFound", "Service '" + serviceId + "' has no generation '" + generation + "'");
        }
        g.endpoints().values().forEach(Endpoint::warmUp);
    }

    /** Installs a loaded-and-checked generation directory under services/{serviceId}/{generation}/ and loads it. */
    public void install(String serviceId, String generation, Path stagedDir) throws IOException {
        synchronized (adminCommands) {
            if (generations(serviceId).containsKey(generation)) {
                throw NodeErrors.of(409, "GenerationAlreadyExists", "Service '" + serviceId + "' already has a generation '" + generation + "'");
            }
            Path target = files.servicesDir().resolve(serviceId).resolve(generation);
            DurableFiles.delete(target);
            DurableFiles.move(stagedDir, target, false);
            states.update(serviceId, s -> s.withDeclared(true));
            files.reload();
        }
    }

    /** Deletes imported generations (services/{id}/{generation}/) the mapping does not use; hand-written files stay. */
    public List<String> removeImportedGenerationsOutside(String serviceId, GenerationMapping mapping) {
        synchronized (adminCommands) {
            Set<String> used = new HashSet<>();
            mapping.entries().forEach(e -> used.add(e.generation()));
            List<String> removed = new ArrayList<>();
            Path serviceDir = files.servicesDir().resolve(serviceId);
            for (ServiceGeneration g : generations(serviceId).values()) {
                Path dir = g.file().getParent();
                if (!used.contains(g.generation()) && dir.getParent() != null && dir.getParent().equals(serviceDir)) {
                    try {
                        DurableFiles.delete(dir);
                        removed.add(serviceId + "/" + g.generation());
                    } catch (IOException e) {
                        throw NodeErrors.of(500, "DeleteFailed", "Cannot delete " + dir + ": " + e.getMessage());
                    }
                }
            }
            files.reload();
            return removed;
        }
    }

    public void requireExists(String serviceId) {
        if (!exists(serviceId)) {
            throw NodeErrors.notFound("ServiceNotFound", "Service not found: " + serviceId);
        }
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int cmp = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public void close() {
        files.close();
    }
}
