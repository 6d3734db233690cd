package org.dsscontractkit.apinode.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.apinode.auth.AdminKeyStore;
import org.dsscontractkit.apinode.http.ApiError;
import org.dsscontractkit.apinode.http.UserApi;
import org.dsscontractkit.apinode.metrics.EndpointMetrics;
import org.dsscontractkit.apinode.service.ArchiveImporter;
import org.dsscontractkit.apinode.service.GenerationMapping;
import org.dsscontractkit.apinode.service.ServiceRegistry;

/**
 * The API node admin API under {@code /admin/api}, as {@code dataikuapi.APINodeAdminClient} calls it: services and
 * their generations, admin keys, metrics. Every call needs an admin key (HTTP Basic, key as user name).
 */
@Path("/admin/api")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ServiceRegistry registry;
    private final ArchiveImporter importer;
    private final AdminKeyStore keys;
    private final EndpointMetrics metrics;

    public AdminResource(ServiceRegistry registry, ArchiveImporter importer, AdminKeyStore keys, EndpointMetrics metrics) {
        this.registry = registry;
        this.importer = importer;
        this.keys = keys;
        this.metrics = metrics;
    }

    @POST
    @Path("services{slash: /?}")
    public Response createService(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, byte[] body) {
        keys.check(auth);
        JsonNode request = UserApi.parseBody(body);
        JsonNode id = request == null ? null : request.get("serviceId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw ApiError.badInput("MissingServiceId", "Body must be {\"serviceId\": \"...\"}").at("serviceId", "required");
        }
        registry.create(id.asText());
        return Response.ok(registry.describe(id.asText())).build();
    }

    @GET
    @Path("services{slash: /?}")
    public Response listServices(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        registry.reload();
        ArrayNode list = F.arrayNode();
        registry.serviceIds().forEach(id -> list.add(registry.describe(id)));
        return Response.ok(list).build();
    }

    @GET
    @Path("services/{serviceId}")
    public Response getService(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        registry.requireExists(serviceId);
        return Response.ok(registry.describe(serviceId)).build();
    }

    @DELETE
    @Path("services/{serviceId}")
    public Response deleteService(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        registry.delete(serviceId);
        return ok();
    }

    @GET
    @Path("services/{serviceId}/generations")
    public Response listGenerations(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        ObjectNode answer = F.objectNode();
        answer.set("generations", registry.describeGenerations(serviceId));
        ServiceRegistry.ServiceState state = registry.state(serviceId);
        if (state.mapping != null) {
            answer.set("mapping", JSON.valueToTree(state.mapping));
        }
        return Response.ok(answer).build();
    }

    @POST
    @Path("services/{serviceId}/generations/actions/importFromArchive")
    public Response importFromArchive(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId,
                                      @QueryParam("filePath") String filePath) {
        keys.check(auth);
        String generation = importer.importArchive(serviceId, filePath);
        ObjectNode answer = F.objectNode();
        answer.put("serviceId", serviceId);
        answer.put("generation", generation);
        return Response.ok(answer).build();
    }

    @POST
    @Path("services/{serviceId}/generations/{generation}/preload")
    public Response preload(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId,
                            @PathParam("generation") String generation) {
        keys.check(auth);
        registry.preload(serviceId, generation);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/disable")
    public Response disable(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        registry.setEnabled(serviceId, false);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/enable")
    public Response enable(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        registry.setEnabled(serviceId, true);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/setMapping")
    public Response setMapping(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId,
                               byte[] body) {
        keys.check(auth);
        JsonNode request = UserApi.parseBody(body);
        GenerationMapping mapping;
        try {
            mapping = request == null ? null : JSON.treeToValue(request, GenerationMapping.class);
        } catch (Exception e) {
            throw ApiError.badInput("InvalidMapping", "The mapping must be {\"entries\": [{\"generation\": \"v1\", \"proba\": 1.0}]}").at("entries", "type");
        }
        registry.setMapping(serviceId, mapping);
        return Response.ok(registry.describe(serviceId)).build();
    }

    @POST
    @Path("services/{serviceId}/actions/switchToNewest")
    public Response switchToNewest(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId) {
        keys.check(auth);
        registry.switchToNewest(serviceId);
        return Response.ok(registry.describe(serviceId)).build();
    }

    @POST
    @Path("services/{serviceId}/actions/switchTo/{generation}")
    public Response switchTo(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String serviceId,
                             @PathParam("generation") String generation) {
        keys.check(auth);
        registry.switchTo(serviceId, generation);
        return Response.ok(registry.describe(serviceId)).build();
    }

    @GET
    @Path("service-files")
    public Response serviceFiles(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        registry.reload();
        return Response.ok(registry.describeFiles()).build();
    }

    @DELETE
    @Path("services-clean-unused")
    public Response cleanUnused(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        List<String> removed = new ArrayList<>();
        for (String serviceId : registry.serviceIds()) {
            ServiceRegistry.ServiceState state = registry.state(serviceId);
            if (state.mapping == null) {
                continue; // newest answers: every older generation is still a switch target
            }
            removed.addAll(registry.removeImportedGenerationsOutside(serviceId, state.mapping));
        }
        ObjectNode answer = F.objectNode();
        ArrayNode list = answer.putArray("removedGenerations");
        removed.forEach(list::add);
        return Response.ok(answer).build();
    }

    @GET
    @Path("keys")
    public Response listKeys(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        return Response.ok(keys.list()).build();
    }

    @POST
    @Path("keys")
    public Response addKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, byte[] body) {
        keys.check(auth);
        return Response.ok(keys.create(UserApi.parseBody(body))).build();
    }

    @DELETE
    @Path("keys/{id}/key")
    public Response deleteKeyById(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        keys.check(auth);
        keys.deleteById(id);
        return ok();
    }

    @DELETE
    @Path("keys/{secretKey}")
    public Response deleteKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("secretKey") String secretKey) {
        keys.check(auth);
        keys.deleteBySecret(secretKey);
        return ok();
    }

    @GET
    @Path("metrics")
    public Response metrics(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        return Response.ok(metrics.snapshot()).build();
    }

    @DELETE
    @Path("model-cache")
    public Response clearModelCache(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        // Models are compiled from the service files when they load; there is no separate cache to clear.
        return ok();
    }

    @POST
    @Path("{operation: cached-code-envs|register-global-code-env|model-cache}")
    public Response unsupportedCacheImport(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("operation") String operation) {
        keys.check(auth);
        throw new ApiError(501, "NotImplemented", "'" + operation + "' is not supported by this reference API node: functions run"
                + " with the node's python3 and models are declared in service files, so there are no code environment or model archives to cache");
    }

    @DELETE
    @Path("cached-code-envs")
    public Response cleanCodeEnvCache(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        keys.check(auth);
        ObjectNode answer = F.objectNode();
        answer.putArray("removedCodeEnvs");
        return Response.ok(answer).build();
    }

    private static Response ok() {
        return Response.ok(F.objectNode()).build();
    }
}
