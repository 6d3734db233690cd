package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of the node: generations loaded from the service files (reloaded when files change; a bad file is
 * reported and skipped without touching the others), plus the admin state of each service (enabled, generations
 * mapping) persisted in {@code state.json}.
 */
public final class ServiceRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** "v2" before "v10": compare digit runs as numbers. */
    public static final Comparator<String> GENERATION_ORDER = ServiceRegistry::compareNatural;

    private static final class FileEntry {
        long modified;
        long size;
        ServiceGeneration generation;
        List<ServiceFileProblem> problems = List.of();
        String claimedServiceId;
    }

    /** Admin state of a service. */
    public static final class ServiceState {
        public boolean enabled = true;
        public GenerationMapping mapping;
        /** Created through the admin API (exists even without any generation). */
        public boolean declared;
    }

    private final Path servicesDir;
    private final Path stateFile;
    private final ServiceFileLoader loader;
    private final Map<Path, FileEntry> files = new HashMap<>();
    private final Map<String, ServiceState> states = new TreeMap<>();
    private volatile Map<String, TreeMap<String, ServiceGeneration>> byService = Map.of();

    public ServiceRegistry(Path servicesDir, Path stateFile, ServiceFileLoader loader) {
        this.servicesDir = servicesDir;
        this.stateFile = stateFile;
        this.loader = loader;
        try {
            Files.createDirectories(servicesDir);
            if (Files.exists(stateFile)) {
                JsonNode saved = JSON.readTree(stateFile.toFile());
                saved.path("services").fields().forEachRemaining(e -> {
                    try {
                        states.put(e.getKey(), JSON.treeToValue(e.getValue(), ServiceState.class));
                    } catch (IOException ex) {
                        LOG.warn("Ignoring unreadable state of service {} in {}", e.getKey(), stateFile);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API node state " + stateFile, e);
        }
    }

    public Path servicesDir() {
        return servicesDir;
    }

    public ServiceFileLoader loader() {
        return loader;
    }

    /** Loads new and changed service files, unloads removed ones. Safe to call often: unchanged files are skipped. */
    public synchronized void reload() {
        List<Path> present;
        try {
            present = ServiceFileLoader.listServiceFiles(servicesDir);
        } catch (IOException e) {
            LOG.warn("Cannot list service files in {}: {}", servicesDir, e.getMessage());
            return;
        }
        boolean changed = false;
        Set<Path> seen = new HashSet<>(present);
        for (Path gone : new ArrayList<>(files.keySet())) {
            if (!seen.contains(gone)) {
                FileEntry entry = files.remove(gone);
                if (entry.generation != null) {
                    LOG.info("Service file {} removed: unloading {}/{}", gone, entry.generation.serviceId(), entry.generation.generation());
                    entry.generation.close();
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
            FileEntry old = files.get(file);
            if (old != null && old.modified == modified && old.size == size) {
                continue;
            }
            FileEntry entry = new FileEntry();
            entry.modified = modified;
            entry.size = size;
            try {
                entry.generation = loader.load(file);
                entry.claimedServiceId = entry.generation.serviceId();
                String clash = clash(entry.generation, file);
                if (clash != null) {
                    entry.generation.close();
                    entry.generation = null;
                    entry.problems = List.of(new ServiceFileProblem(file.toString(), "/generation", "unique", clash));
                    LOG.warn("Service file not loaded: {}", entry.problems.get(0));
                } else {
                    LOG.info("Loaded service {} generation {} from {}", entry.generation.serviceId(), entry.generation.generation(), file);
                }
            } catch (ServiceFileLoader.InvalidServiceFile invalid) {
                entry.problems = invalid.problems();
                entry.claimedServiceId = invalid.serviceId();
                invalid.problems().forEach(p -> LOG.warn("Service file not loaded: {}", p));
            }
            if (old != null && old.generation != null) {
                old.generation.close();
            }
            files.put(file, entry);
            changed = true;
        }
        if (changed) {
            rebuildIndex();
        }
    }

    private String clash(ServiceGeneration candidate, Path file) {
        for (Map.Entry<Path, FileEntry> other : files.entrySet()) {
            ServiceGeneration g = other.getValue().generation;
            if (!other.getKey().equals(file) && g != null && g.serviceId().equals(candidate.serviceId())
                    && g.generation().equals(candidate.generation())) {
                return "generation '" + candidate.generation() + "' of service '" + candidate.serviceId()
                        + "' is already declared by " + other.getKey();
            }
        }
        return null;
    }

    private void rebuildIndex() {
        Map<String, TreeMap<String, ServiceGeneration>> index = new HashMap<>();
        for (FileEntry entry : files.values()) {
            if (entry.generation != null) {
                index.computeIfAbsent(entry.generation.serviceId(), k -> new TreeMap<>(GENERATION_ORDER))
                        .put(entry.generation.generation(), entry.generation);
            }
        }
        byService = index;
    }

    /** Every service id known: from files or created through the admin API. */
    public synchronized Set<String> serviceIds() {
        Set<String> ids = new TreeSet<>(byService.keySet());
        states.forEach((id, state) -> {
            if (state.declared) {
                ids.add(id);
            }
        });
        return ids;
    }

    public boolean exists(String serviceId) {
        return byService.containsKey(serviceId) || declared(serviceId);
    }

    private synchronized boolean declared(String serviceId) {
        ServiceState state = states.get(serviceId);
        return state != null && state.declared;
    }

    public synchronized ServiceState state(String serviceId) {
        return states.computeIfAbsent(serviceId, k -> new ServiceState());
    }

    public Map<String, ServiceGeneration> generations(String serviceId) {
        TreeMap<String, ServiceGeneration> g = byService.get(serviceId);
        return g == null ? Map.of() : g;
    }

    /** Problems of the files claiming this service (when it failed to load). */
    public synchronized List<ServiceFileProblem> problemsOf(String serviceId) {
        List<ServiceFileProblem> problems = new ArrayList<>();
        files.values().stream().filter(e -> serviceId.equals(e.claimedServiceId)).forEach(e -> problems.addAll(e.problems));
        return problems;
    }

    /**
     * The generation answering a user-API call: the forced one, else the mapping (by dispatch key or at random),
     * else the newest.
     */
    public ServiceGeneration resolve(String serviceId, String forcedGeneration, String dispatchKey) {
        TreeMap<String, ServiceGeneration> generations = byService.get(serviceId);
        if (generations == null || generations.isEmpty()) {
            List<ServiceFileProblem> problems = problemsOf(serviceId);
            if (!problems.isEmpty()) {
                throw NodeErrors.of(404, "ServiceNotLoaded", "Service '" + serviceId + "' is not loaded: its service file is invalid",
                        problems.get(0).toString());
            }
            if (declared(serviceId)) {
                throw NodeErrors.of(404, "NoActiveGeneration", "Service '" + serviceId + "' has no generation yet (import one through the admin API)");
            }
            throw NodeErrors.notFound("ServiceNotFound", "Service not found: " + serviceId);
        }
        ServiceState state;
        synchronized (this) {
            state = states.get(serviceId);
        }
        if (state != null && !state.enabled) {
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
        GenerationMapping mapping = state == null ? null : state.mapping;
        if (mapping != null) {
            List<GenerationMapping.Entry> live = mapping.entries().stream()
                    .filter(e -> generations.containsKey(e.generation()) && e.proba() > 0).toList();
            if (!live.isEmpty()) {
                return generations.get(new GenerationMapping(live).pick(dispatchKey));
            }
        }
        return generations.lastEntry().getValue();
    }

    // ----- admin operations -----

    public synchronized void create(String serviceId) {
        if (!serviceId.matches("[A-Za-z0-9_.-]+")) {
            throw NodeErrors.badInput("InvalidServiceId", "serviceId must match [A-Za-z0-9_.-]+, got '" + serviceId + "'").at("serviceId", "pattern");
        }
        if (exists(serviceId)) {
            throw NodeErrors.of(409, "ServiceAlreadyExists", "Service '" + serviceId + "' already exists");
        }
        ServiceState state = state(serviceId);
        state.declared = true;
        state.enabled = true;
        saveState();
    }

    public synchronized void delete(String serviceId) {
        requireExists(serviceId);
        for (Map.Entry<Path, FileEntry> entry : new ArrayList<>(files.entrySet())) {
            if (serviceId.equals(entry.getValue().claimedServiceId)) {
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
        saveState();
        reload();
    }

    public synchronized void setEnabled(String serviceId, boolean enabled) {
        requireExists(serviceId);
        state(serviceId).enabled = enabled;
        saveState();
    }

    public synchronized void setMapping(String serviceId, GenerationMapping mapping) {
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
        ServiceState state = state(serviceId);
        state.mapping = mapping;
        state.enabled = true;
        saveState();
    }

    public synchronized String switchToNewest(String serviceId) {
        requireExists(serviceId);
        TreeMap<String, ServiceGeneration> generations = byService.get(serviceId);
        if (generations == null || generations.isEmpty()) {
            throw NodeErrors.of(409, "NoGeneration", "Service '" + serviceId + "' has no generation to switch to");
        }
        String newest = generations.lastKey();
        state(serviceId).mapping = GenerationMapping.single(newest);
        saveState();
        return newest;
    }

    public synchronized void switchTo(String serviceId, String generation) {
        requireExists(serviceId);
        if (!generations(serviceId).containsKey(generation)) {
            throw NodeErrors.notFound("GenerationNotFound", "Service '" + serviceId + "' has no generation '" + generation + "'");
        }
        state(serviceId).mapping = GenerationMapping.single(generation);
        saveState();
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
    public synchronized void install(String serviceId, String generation, Path stagedDir) throws IOException {
        if (generations(serviceId).containsKey(generation)) {
            throw NodeErrors.of(409, "GenerationAlreadyExists", "Service '" + serviceId + "' already has a generation '" + generation + "'");
        }
        Path target = servicesDir.resolve(serviceId).resolve(generation);
        DurableFiles.delete(target);
        DurableFiles.move(stagedDir, target, false);
        ServiceState state = state(serviceId);
        state.declared = true;
        saveState();
        reload();
    }

    /** Deletes imported generations (services/{id}/{generation}/) the mapping does not use; hand-written files stay. */
    public synchronized List<String> removeImportedGenerationsOutside(String serviceId, GenerationMapping mapping) {
        Set<String> used = new HashSet<>();
        mapping.entries().forEach(e -> used.add(e.generation()));
        List<String> removed = new ArrayList<>();
        for (ServiceGeneration g : generations(serviceId).values()) {
            Path dir = g.file().getParent();
            if (!used.contains(g.generation()) && dir.getParent() != null && dir.getParent().equals(servicesDir.resolve(serviceId))) {
                try {
                    DurableFiles.delete(dir);
                    removed.add(serviceId + "/" + g.generation());
                } catch (IOException e) {
                    throw NodeErrors.of(500, "DeleteFailed", "Cannot delete " + dir + ": " + e.getMessage());
                }
            }
        }
        reload();
        return removed;
    }

    public void requireExists(String serviceId) {
        if (!exists(serviceId)) {
            throw NodeErrors.notFound("ServiceNotFound", "Service not found: " + serviceId);
        }
    }

    public synchronized ObjectNode describe(String serviceId) {
        ObjectNode node = F.objectNode();
        ServiceState state = states.getOrDefault(serviceId, new ServiceState());
        node.put("id", serviceId);
        node.put("serviceId", serviceId);
        node.put("enabled", state.enabled);
        Map<String, ServiceGeneration> generations = generations(serviceId);
        ArrayNode names = node.putArray("generations");
        generations.keySet().forEach(names::add);
        if (state.mapping != null) {
            node.set("mapping", JSON.valueToTree(state.mapping));
        }
        if (!generations.isEmpty()) {
            TreeMap<String, ServiceGeneration> sorted = new TreeMap<>(GENERATION_ORDER);
            sorted.putAll(generations);
            ServiceGeneration newest = sorted.lastEntry().getValue();
            node.put("newestGeneration", newest.generation());
            node.put("publicAccess", newest.publicAccess());
            ArrayNode endpoints = node.putArray("endpoints");
            newest.endpoints().values().forEach(e -> endpoints.addObject().put("id", e.id()).put("type", e.type()));
        }
        List<ServiceFileProblem> problems = problemsOf(serviceId);
        if (!problems.isEmpty()) {
            ArrayNode p = node.putArray("problems");
            problems.forEach(pr -> p.add(JSON.valueToTree(pr)));
        }
        return node;
    }

    public ArrayNode describeGenerations(String serviceId) {
        requireExists(serviceId);
        ArrayNode list = F.arrayNode();
        for (ServiceGeneration g : generations(serviceId).values()) {
            ObjectNode node = list.addObject();
            node.put("id", g.generation());
            node.put("generation", g.generation());
            node.put("file", g.file().toString());
            node.put("publicAccess", g.publicAccess());
            ArrayNode endpoints = node.putArray("endpoints");
            g.endpoints().values().forEach(e -> endpoints.addObject().put("id", e.id()).put("type", e.type()));
        }
        return list;
    }

    /** Every service file with its status: LOADED, or INVALID with its problems. */
    public synchronized ArrayNode describeFiles() {
        ArrayNode list = F.arrayNode();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode node = list.addObject();
            node.put("file", e.getKey().toString());
            node.put("status", e.getValue().generation != null ? "LOADED" : "INVALID");
            node.put("serviceId", e.getValue().claimedServiceId);
            if (e.getValue().generation != null) {
                node.put("generation", e.getValue().generation.generation());
            }
            ArrayNode problems = node.putArray("problems");
            e.getValue().problems.forEach(p -> problems.add(JSON.valueToTree(p)));
        });
        return list;
    }

    public Collection<String> loadedServiceIds() {
        return byService.keySet();
    }

    private synchronized void saveState() {
        ObjectNode root = F.objectNode();
        ObjectNode services = root.putObject("services");
        states.forEach((id, state) -> services.set(id, JSON.valueToTree(state)));
        try {
            // the admin call that changed the state answers 2xx once this returns: the state must be on disk by then
            DurableFiles.write(stateFile, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw NodeErrors.of(500, "StateNotSaved", "Cannot save the API node state: " + e.getMessage());
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
    public synchronized void close() {
        files.values().forEach(e -> {
            if (e.generation != null) {
                e.generation.close();
            }
        });
        files.clear();
        byService = Map.of();
    }

    /** Read-only view for the metrics and admin pages. */
    public Map<String, List<String>> endpointsByService() {
        Map<String, List<String>> view = new LinkedHashMap<>();
        byService.forEach((id, gens) -> view.put(id, new ArrayList<>(gens.lastEntry().getValue().endpoints().keySet())));
        return view;
    }
}
