package org.dsscontractkit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.dsscontractkit.server.error.ApiException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodies are read the way DSS reads them, whatever the client labels them: a JSON operation reads its body as JSON
 * with any Content-Type or none ({@code text/plain;charset=UTF-8} from {@code prism proxy}, form-urlencoded from
 * {@code curl -d}, nothing from {@code dataikuapi}); a multipart operation called without a multipart body answers
 * 400 naming its {@code file} part instead of failing inside the multipart reader, and a part labelled with a
 * Content-Type that is no media type is read as bytes ({@link FirstPartHeaders}).
 *
 * <p>{@link Model} widens every operation to accept any media type (so Jersey never answers 415) while keeping
 * the declared types first; {@link Labels} then relabels the body after matching, when the operation is known.
 */
public final class WireTolerance {
    private WireTolerance() {}

    /** Every resource method also accepts {@code *}{@code /*}, after its declared types. */
    public static final class Model implements ModelProcessor {
        @Override
        public ResourceModel processResourceModel(ResourceModel model, Configuration config) {
            ResourceModel.Builder out = new ResourceModel.Builder(false);
            for (Resource r : model.getResources()) out.addResource(widen(r));
            return out.build();
        }

        @Override
        public ResourceModel processSubResource(ResourceModel model, Configuration config) {
            return model;
        }

        private static Resource widen(Resource r) {
            Resource.Builder b = Resource.builder(r.getPath());
            b.name(r.getName());
            for (ResourceMethod m : r.getResourceMethods()) b.addMethod(m).consumes(widened(m));
            if (r.getResourceLocator() != null) b.addMethod(r.getResourceLocator());
            for (Resource child : r.getChildResources()) b.addChildResource(widen(child));
            b.extended(r.isExtended());
            return b.build();
        }

        private static List<MediaType> widened(ResourceMethod m) {
            List<MediaType> types = new ArrayList<>(m.getConsumedTypes());
            if (types.isEmpty() || types.contains(MediaType.WILDCARD_TYPE)) return types;
            types.add(MediaType.WILDCARD_TYPE);
            return types;
        }
    }

    /** After matching: JSON operations get {@code application/json}; multipart ones must have been sent multipart. */
    @Priority(Priorities.HEADER_DECORATOR)
    public static final class Labels implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext ctx) {
            ResourceMethod method = ((ContainerRequest) ctx).getUriInfo().getMatchedResourceMethod();
            if (method == null) return;
            List<MediaType> declared = method.getConsumedTypes();
            MediaType sent = ctx.getMediaType();
            if (declared.stream().anyMatch(t -> t.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) && !t.isWildcardType())) {
                if (sent == null || !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(sent) || sent.isWildcardType()) {
                    throw ApiException.badRequest("A multipart/form-data body with a part named 'file' is required, got "
                            + (sent == null ? "no Content-Type" : "Content-Type " + sent)).at("file", "required");
                }
                ctx.setEntityStream(FirstPartHeaders.repair(ctx.getEntityStream()));
                return;
            }
            boolean json = declared.stream().anyMatch(t -> "json".equals(t.getSubtype()) || t.getSubtype().endsWith("+json"));
            boolean sentJson = sent != null && ("json".equals(sent.getSubtype()) || sent.getSubtype().endsWith("+json"));
            if (json && !sentJson) {
                ctx.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                ctx.getHeaders().add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
        }
    }
}
