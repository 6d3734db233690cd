package org.dsscontractkit.reference.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.ConnectionsApi;
import org.dsscontractkit.server.generated.dss.model.ConnectionCreation;

public final class ConnectionsResource extends ApiResource implements ConnectionsApi {
    private final ConnectionService connections;

    public ConnectionsResource(ConnectionService connections) { this.connections = connections; }

    @Override public Response listConnections() {
        admin();
        return ok(connections.listByName());
    }

    @Override public Response createConnection(ConnectionCreation connectionCreation) {
        admin();
        return ok(connections.create(tree(connectionCreation)));
    }

    @Override public Response getConnection(String connectionName) {
        admin();
        return ok(connections.get(connectionName));
    }

    @Override public Response setConnection(String connectionName, ObjectNode connection) {
        admin();
        return ok(connections.update(connectionName, tree(connection)));
    }

    @Override public Response deleteConnection(String connectionName) {
        admin();
        connections.delete(connectionName);
        return noContent();
    }

    @Override public Response getConnectionInfo(String connectionName, String contextualProjectKey) {
        return ok(connections.info(caller(), connectionName));
    }
}
