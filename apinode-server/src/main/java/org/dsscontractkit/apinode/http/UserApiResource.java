package org.dsscontractkit.apinode.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API node user API over HTTP: {@code /public/api/v1/{serviceId}/{endpointId}/{verb}}. Bodies are read raw so a
 * body without Content-Type (as {@code dataikuapi} sends it) or no body at all is accepted.
 */
@Path("/public/api/v1/{serviceId}/{endpointId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserApiResource {

    private final UserApi api;

    public UserApiResource(UserApi api) {
        this.api = api;
    }

    @POST
    @Path("{verb: predict|predict-multi|forecast|predict-effect|predict-effect-multi|run|query|lookup|lookup-multi}{slash: /?}")
    public Response post(@PathParam("serviceId") String serviceId, @PathParam("endpointId") String endpointId,
                         @PathParam("verb") String verb, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @Context ContainerRequestContext request, @Context UriInfo uriInfo, byte[] body) {
        return api.call(serviceId, endpointId, verbOf(verb), UserApi.parseBody(body), query(uriInfo), authorization,
                ArrivalTimeFilter.arrival(request));
    }

    @GET
    @Path("{verb: predict-simple|lookup-simple|run|query}{slash: /?}")
    public Response get(@PathParam("serviceId") String serviceId, @PathParam("endpointId") String endpointId,
                        @PathParam("verb") String verb, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @Context ContainerRequestContext request, @Context UriInfo uriInfo) {
        return api.call(serviceId, endpointId, verbOf(verb), null, query(uriInfo), authorization, ArrivalTimeFilter.arrival(request));
    }

    static Map<String, String> query(UriInfo uriInfo) {
        Map<String, String> query = new LinkedHashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
        return query;
    }

    static Verb verbOf(String path) {
        for (Verb v : Verb.values()) {
            if (v.path().equals(path)) {
                return v;
            }
        }
        throw ApiError.notFound("NotFound", "Unknown verb " + path);
    }
}
