package org.dsscontractkit.apinode.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.dsscontractkit.apinode.auth.AdminKeyStore;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.http.UserApi;
import org.dsscontractkit.apinode.metrics.EndpointMetrics;
import org.dsscontractkit.apinode.service.ArchiveImporter;
import org.dsscontractkit.apinode.service.GenerationMapping;
import org.dsscontractkit.apinode.service.ServiceRegistry;

/**
 * The API node admin API under {@code /admin/api}, as {@code dataikuapi.APINodeAdminClient} calls it: services and
 * their generations, admin keys, metrics. Every call needs an admin key (HTTP Basic, key as user name), checked by
 * the application's credential filter ({@code ApiNodeAuthenticator}) before the call reaches a method.
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
    public Response createService(byte[] body) {
        JsonNode request = UserApi.parseBody(body);
        JsonNode id = request == null ? null : request.get("serviceId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw NodeErrors.badInput("MissingServiceId", "Body must be {\"serviceId\": \"...\"}").at("serviceId", "required");
        }
        registry.create(id.asText());
        return Response.ok(registry.views().describe(id.asText())).build();
    }

    @GET
    @Path("services{slash: /?}")
    public Response listServices() {
        registry.reload();
        ArrayNode list = F.arrayNode();
        registry.serviceIds().forEach(id -> list.add(registry.views().describe(id)));
        return Response.ok(list).build();
    }

    @GET
    @Path("services/{serviceId}")
    public Response getService(@PathParam("serviceId") String serviceId) {
        registry.requireExists(serviceId);
        return Response.ok(registry.views().describe(serviceId)).build();
    }

    @DELETE
    @Path("services/{serviceId}")
    public Response deleteService(@PathParam("serviceId") String serviceId) {
        registry.delete(serviceId);
        return ok();
    }

    @GET
    @Path("services/{serviceId}/generations")
    public Response listGenerations(@PathParam("serviceId") String serviceId) {
        registry.requireExists(serviceId);
        ObjectNode answer = F.objectNode();
        answer.set("generations", registry.views().describeGenerations(serviceId));
        GenerationMapping mapping = registry.state(serviceId).mapping();
        if (mapping != null) {
            answer.set("mapping", JSON.valueToTree(mapping));
        }
        return Response.ok(answer).build();
    }

    @POST
    @Path("services/{serviceId}/generations/actions/importFromArchive")
    public Response importFromArchive(@PathParam("serviceId") String serviceId,
                                      @QueryParam("filePath") String filePath) {
        String generation = importer.importArchive(serviceId, filePath);
        ObjectNode answer = F.objectNode();
        answer.put("serviceId", serviceId);
        answer.put("generation", generation);
        return Response.ok(answer).build();
    }

    @POST
    @Path("services/{serviceId}/generations/{generation}/preload")
    public Response preload(@PathParam("serviceId") String serviceId,
                            @PathParam("generation") String generation) {
        registry.preload(serviceId, generation);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/disable")
    public Response disable(@PathParam("serviceId") String serviceId) {
        registry.setEnabled(serviceId, false);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/enable")
    public Response enable(@PathParam("serviceId") String serviceId) {
        registry.setEnabled(serviceId, true);
        return ok();
    }

    @POST
    @Path("services/{serviceId}/actions/setMapping")
    public Response setMapping(@PathParam("serviceId") String serviceId,
                               byte[] body) {
        JsonNode request = UserApi.parseBody(body);
        GenerationMapping mapping;
        try {
            mapping = request == null ? null : JSON.treeToValue(request, GenerationMapping.class);
        } catch (Exception e) {
            throw NodeErrors.badInput("InvalidMapping", "The mapping must be {\"entries\": [{\"generation\": \"v1\", \"proba\": 1.0}]}").at("entries", "type");
        }
        registry.setMapping(serviceId, mapping);
        return Response.ok(registry.views().describe(serviceId)).build();
    }

    @POST
    @Path("services/{serviceId}/actions/switchToNewest")
    public Response switchToNewest(@PathParam("serviceId") String serviceId) {
        registry.switchToNewest(serviceId);
        return Response.ok(registry.views().describe(serviceId)).build();
    }

    @POST
    @Path("services/{serviceId}/actions/switchTo/{generation}")
    public Response switchTo(@PathParam("serviceId") String serviceId,
                             @PathParam("generation") String generation) {
        registry.switchTo(serviceId, generation);
        return Response.ok(registry.views().describe(serviceId)).build();
    }

    @GET
    @Path("service-files")
    public Response serviceFiles() {
        registry.reload();
        return Response.ok(registry.views().describeFiles()).build();
    }

    @DELETE
    @Path("services-clean-unused")
    public Response cleanUnused() {
        List<String> removed = new ArrayList<>();
        for (String serviceId : registry.serviceIds()) {
            GenerationMapping mapping = registry.state(serviceId).mapping();
            if (mapping == null) {
                continue; // newest answers: every older generation is still a switch target
            }
            removed.addAll(registry.removeImportedGenerationsOutside(serviceId, mapping));
        }
        ObjectNode answer = F.objectNode();
        ArrayNode list = answer.putArray("removedGenerations");
        removed.forEach(list::add);
        return Response.ok(answer).build();
    }

    @GET
    @Path("keys")
    public Response listKeys() {
        return Response.ok(keys.list()).build();
    }

    @POST
    @Path("keys")
    public Response addKey(byte[] body) {
        return Response.ok(keys.create(UserApi.parseBody(body))).build();
    }

    @DELETE
    @Path("keys/{id}/key")
    public Response deleteKeyById(@PathParam("id") String id) {
        keys.deleteById(id);
        return ok();
    }

    @DELETE
    @Path("keys/{secretKey}")
    public Response deleteKey(@PathParam("secretKey") String secretKey) {
        keys.deleteBySecret(secretKey);
        return ok();
    }

    @GET
    @Path("metrics")
    public Response metrics() {
        return Response.ok(metrics.snapshot()).build();
    }

    @DELETE
    @Path("model-cache")
    public Response clearModelCache() {
        // Models are compiled from the service files when they load; there is no separate cache to clear.
        return ok();
    }

    @POST
    @Path("{operation: cached-code-envs|register-global-code-env|model-cache}")
    public Response unsupportedCacheImport(@PathParam("operation") String operation) {
        throw NodeErrors.of(501, "NotImplemented", "'" + operation + "' is not supported by this reference API node: functions run"
                + " with the node's python3 and models are declared in service files, so there are no code environment or model archives to cache");
    }

    @DELETE
    @Path("cached-code-envs")
    public Response cleanCodeEnvCache() {
        ObjectNode answer = F.objectNode();
        answer.putArray("removedCodeEnvs");
        return Response.ok(answer).build();
    }

    private static Response ok() {
        return Response.ok(F.objectNode()).build();
    }
}
