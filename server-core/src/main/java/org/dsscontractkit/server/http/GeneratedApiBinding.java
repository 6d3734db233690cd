package org.dsscontractkit.server.http;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds implementation instances to the generated JAX-RS interfaces, in ONE resource tree.
 *
 * <p>Jersey does not look for a root {@code @Path} on interfaces, so each resource model is read from
 * the interface itself. And JAX-RS never backtracks between root resources: with {@code /projects} and
 * {@code ""} as two roots, {@code /projects/K/variables/} would pick the first and 404. So every
 * operation is re-rooted under a single "/" resource, one child per full path.
 */
public final class GeneratedApiBinding {
    private record Binding(ResourceMethod method, Object implementation) {}

    private final Map<String, List<Binding>> byPath = new LinkedHashMap<>();
    private final java.util.Set<String> restOfPath = new java.util.HashSet<>();

    /**
     * Lets the path parameter {@code name}, where it ends a path, take the rest of the path, slashes included
     * ({@code .../contents/{filePath}} matches {@code .../contents/2015/orders.csv} and {@code .../contents//a.csv}):
     * for clients that put a path with its slashes in the URL, as the official DSS client does for folder files.
     * Clients that percent-encode the slashes ({@code %2F}) match either way.
     */
    public GeneratedApiBinding restOfPath(String name) {
        restOfPath.add(name);
        return this;
    }

    public GeneratedApiBinding bind(Class<?> api, Object implementation) {
        if (!api.isInstance(implementation)) {
            throw new IllegalArgumentException(implementation.getClass() + " does not implement " + api);
        }
        collect(Resource.from(api), "", implementation);
        return this;
    }

    private void collect(Resource r, String prefix, Object implementation) {
        String path = join(prefix, r.getPath());
        for (ResourceMethod m : r.getResourceMethods()) {
            byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(new Binding(m, implementation));
        }
        for (Resource child : r.getChildResources()) collect(child, path, implementation);
    }

    static String join(String a, String b) {
        if (b == null || b.isEmpty()) return a;
        if (a.isEmpty()) return b.startsWith("/") ? b : "/" + b;
        return (a.endsWith("/") ? a.substring(0, a.length() - 1) : a) + (b.startsWith("/") ? b : "/" + b);
    }

    private String template(String path) {
        for (String name : restOfPath) {
            String param = "{" + name + "}";
            if (path.endsWith("/" + param)) return path.substring(0, path.length() - param.length()) + "{" + name + ": .+}";
        }
        return path;
    }

    public Resource build() {
        Resource.Builder root = Resource.builder("/");
        for (Map.Entry<String, List<Binding>> e : byPath.entrySet()) {
            Resource.Builder target = e.getKey().equals("/") || e.getKey().isEmpty() ? root : root.addChildResource(template(e.getKey()));
            for (Binding b : e.getValue()) {
                ResourceMethod m = b.method();
                target.addMethod(m.getHttpMethod())
                        .consumes(m.getConsumedTypes())
                        .produces(m.getProducedTypes())
                        .handledBy(b.implementation(), m.getInvocable().getDefinitionMethod())
                        .handlingMethod(m.getInvocable().getHandlingMethod())
                        .nameBindings(m.getNameBindings());
            }
        }
        return root.build();
    }
}
