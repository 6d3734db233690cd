package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What the admin API shows of the services: built from one snapshot of the deployed services and the saved admin
 * state, so a view never mixes two reloads.
 */
public final class ServiceAdminViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ServiceFileWatcher files;
    private final ServiceStateStore states;

    public ServiceAdminViews(ServiceFileWatcher files, ServiceStateStore states) {
        this.files = files;
        this.states = states;
    }

    /** A service: state, generations, the newest one's endpoints, and the problems of its files. */
    public ObjectNode describe(String serviceId) {
        DeployedServices deployed = files.current();
        ServiceStateStore.ServiceState state = states.get(serviceId);
        ObjectNode node = F.objectNode();
        node.put("id", serviceId);
        node.put("serviceId", serviceId);
        node.put("enabled", state.enabled());
        NavigableMap<String, ServiceGeneration> generations = deployed.generations(serviceId);
        ArrayNode names = node.putArray("generations");
        generations.keySet().forEach(names::add);
        if (state.mapping() != null) {
            node.set("mapping", JSON.valueToTree(state.mapping()));
        }
        if (!generations.isEmpty()) {
            ServiceGeneration newest = generations.lastEntry().getValue();
            node.put("newestGeneration", newest.generation());
            node.put("publicAccess", newest.publicAccess());
            node.set("endpoints", endpoints(newest));
        }
        List<ServiceFileProblem> problems = deployed.problemsOf(serviceId);
        if (!problems.isEmpty()) {
            ArrayNode p = node.putArray("problems");
            problems.forEach(pr -> p.add(JSON.valueToTree(pr)));
        }
        return node;
    }

    /** The loaded generations of a service, oldest first. */
    public ArrayNode describeGenerations(String serviceId) {
        ArrayNode list = F.arrayNode();
        for (ServiceGeneration g : files.current().generations(serviceId).values()) {
            ObjectNode node = list.addObject();
            node.put("id", g.generation());
            node.put("generation", g.generation());
            node.put("file", g.file().toString());
            node.put("publicAccess", g.publicAccess());
            node.set("endpoints", endpoints(g));
        }
        return list;
    }

    /** Every service file with its status: LOADED, or INVALID with its problems. */
    public ArrayNode describeFiles() {
        ArrayNode list = F.arrayNode();
        for (Map.Entry<java.nio.file.Path, DeployedServices.FileStatus> e : files.current().files().entrySet()) {
            DeployedServices.FileStatus status = e.getValue();
            ObjectNode node = list.addObject();
            node.put("file", e.getKey().toString());
            node.put("status", status.generation() != null ? "LOADED" : "INVALID");
            node.put("serviceId", status.claimedServiceId());
            if (status.generation() != null) {
                node.put("generation", status.generation().generation());
            }
            ArrayNode problems = node.putArray("problems");
            status.problems().forEach(p -> problems.add(JSON.valueToTree(p)));
        }
        return list;
    }

    private static ArrayNode endpoints(ServiceGeneration generation) {
        ArrayNode endpoints = F.arrayNode();
        generation.endpoints().values().forEach(e -> endpoints.addObject().put("id", e.id()).put("type", e.type()));
        return endpoints;
    }
}
