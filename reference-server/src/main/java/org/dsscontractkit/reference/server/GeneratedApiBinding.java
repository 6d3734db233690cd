package org.dsscontractkit.reference.server;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Binds an implementation instance to a generated JAX-RS interface. The generated interfaces carry
 * the {@code @Path}; Jersey does not look for a root {@code @Path} on interfaces, so the resource model
 * is read from the interface and each of its methods is handled by the implementation instance.
 */
public final class GeneratedApiBinding {
    private GeneratedApiBinding() {}

    public static Resource bind(Class<?> api, Object implementation) {
        if (!api.isInstance(implementation)) {
            throw new IllegalArgumentException(implementation.getClass() + " does not implement " + api);
        }
        Resource model = Resource.from(api);
        Resource.Builder root = Resource.builder(model.getPath());
        copy(model, root, implementation);
        return root.build();
    }

    private static void copy(Resource source, Resource.Builder target, Object implementation) {
        for (ResourceMethod m : source.getResourceMethods()) {
            target.addMethod(m.getHttpMethod())
                    .consumes(m.getConsumedTypes())
                    .produces(m.getProducedTypes())
                    .handledBy(implementation, m.getInvocable().getDefinitionMethod())
                    .handlingMethod(m.getInvocable().getHandlingMethod())
                    .nameBindings(m.getNameBindings());
        }
        for (Resource child : source.getChildResources()) {
            Resource.Builder c = target.addChildResource(child.getPath());
            copy(child, c, implementation);
        }
    }
}
