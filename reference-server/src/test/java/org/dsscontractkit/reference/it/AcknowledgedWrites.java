package org.dsscontractkit.reference.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write the server answered 2xx, by kind, and the check that each is still there after a restart: the list
 * of lost writes, each named (project R2W7N12, variables of H7, ...). Safe for many writer threads.
 */
final class AcknowledgedWrites {
    record UploadedFile(String project, String dataset, String name, long size) {}

    private final Set<String> projects = ConcurrentHashMap.newKeySet();
    /** Home project of a writer -> the highest counter its variables were acknowledged with. */
    private final Map<String, Long> variables = new ConcurrentHashMap<>();
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    /** "project/dataset" */
    private final Set<String> datasets = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<UploadedFile> files = new ConcurrentLinkedQueue<>();
    private final Set<String> services = ConcurrentHashMap.newKeySet();
    /** id -> secret */
    private final Map<String, String> adminKeys = new ConcurrentHashMap<>();

    private final AtomicInteger count = new AtomicInteger();

    void project(String key) { projects.add(key); count.incrementAndGet(); }
    void variables(String project, long counter) { variables.merge(project, counter, Math::max); count.incrementAndGet(); }
    void user(String login) { users.add(login); count.incrementAndGet(); }
    void dataset(String project, String name) { datasets.add(project + "/" + name); count.incrementAndGet(); }
    void file(String project, String dataset, String name, long size) {
        files.add(new UploadedFile(project, dataset, name, size));
        count.incrementAndGet();
    }
    void service(String id) { services.add(id); count.incrementAndGet(); }
    void adminKey(String id, String secret) { adminKeys.put(id, secret); count.incrementAndGet(); }

    /** Writes answered 2xx so far (each variables update counts). */
    int count() { return count.get(); }

    /**
     * Reads everything back through the API (lists, which also shows the store opens and answers) and names each
     * acknowledged write that is missing. Per-object reads run on a few threads to keep the check short.
     */
    List<String> lost(Api admin, Api node, String root) throws Exception {
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        Set<String> listedProjects = names(admin.get("/projects/"), "projectKey");
        projects.stream().filter(p -> !listedProjects.contains(p)).sorted().forEach(p -> lost.add("project " + p));
        Set<String> listedUsers = names(admin.get("/admin/users/"), "login");
        users.stream().filter(u -> !listedUsers.contains(u)).sorted().forEach(u -> lost.add("user " + u));
        Set<String> listedServices = names(node.get("/admin/api/services"), "serviceId");
        services.stream().filter(s -> !listedServices.contains(s)).sorted().forEach(s -> lost.add("API node service " + s));
        Set<String> listedKeys = names(node.get("/admin/api/keys"), "id");
        adminKeys.keySet().stream().filter(k -> !listedKeys.contains(k)).sorted().forEach(k -> lost.add("API node admin key " + k));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> checks = new ArrayList<>();
            Set<String> homes = new HashSet<>(variables.keySet());
            datasets.forEach(d -> homes.add(d.substring(0, d.indexOf('/'))));
            for (String home : homes) {
                checks.add(pool.submit(() -> {
                    Set<String> listed = names(admin.get("/projects/" + home + "/datasets/"), "name");
                    datasets.stream().filter(d -> d.startsWith(home + "/") && !listed.contains(d.substring(home.length() + 1)))
                            .forEach(d -> lost.add("dataset " + d));
                    Long acknowledged = variables.get(home);
                    if (acknowledged != null) {
                        JsonNode stored = json(admin.get("/projects/" + home + "/variables/")).path("standard").path("counter");
                        if (!stored.canConvertToLong() || stored.asLong() < acknowledged) {
                            lost.add("variables of " + home + ": counter " + (stored.isMissingNode() ? "absent" : stored)
                                    + ", acknowledged " + acknowledged);
                        }
                    }
                    return null;
                }));
            }
            for (UploadedFile f : files) {
                checks.add(pool.submit(() -> {
                    JsonNode listed = json(admin.get("/projects/" + f.project() + "/datasets/" + f.dataset() + "/uploaded/files"));
                    boolean found = false;
                    for (JsonNode e : listed) {
                        found |= e.path("name").asText().equals(f.name()) && e.path("size").asLong() == f.size();
                    }
                    if (!found) lost.add("uploaded file " + f.project() + "/" + f.dataset() + "/" + f.name() + " (" + f.size() + " bytes)");
                    return null;
                }));
            }
            for (Map.Entry<String, String> k : adminKeys.entrySet()) {
                checks.add(pool.submit(() -> {
                    if (new Api(root, "", k.getValue()).get("/admin/api/keys").status() != 200) {
                        lost.add("API node admin key " + k.getKey() + " (its secret is refused)");
                    }
                    return null;
                }));
            }
            for (Future<?> check : checks) check.get();
        } finally {
            pool.shutdownNow();
        }
        List<String> sorted = new ArrayList<>(lost);
        Collections.sort(sorted);
        return sorted;
    }

    private static JsonNode json(Api.Res r) {
        if (r.status() != 200) throw new AssertionError("Reading back after the restart failed: " + r);
        return r.json();
    }

    private static Set<String> names(Api.Res r, String field) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : json(r)) out.add(n.path(field).asText());
        return out;
    }
}
