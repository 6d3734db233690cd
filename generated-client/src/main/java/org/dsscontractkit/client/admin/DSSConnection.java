package org.dsscontractkit.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.client.http.HttpTransport;
import org.dsscontractkit.client.http.PathSegments;
import org.dsscontractkit.client.http.QueryParams;

/** Handle on a data connection ({@code /admin/connections/{connectionName}}). Creating it sends no request. */
public final class DSSConnection extends DefinitionHandle {

    private final String name;

    /**
     * @param transport shared transport
     * @param name      connection name
     */
    public DSSConnection(HttpTransport transport, String name) {
        super(transport, "/admin/connections/" + PathSegments.encode(name));
        this.name = name;
    }

    /** @return the connection name */
    public String getName() {
        return name;
    }

    /**
     * @param contextualProjectKey project whose context resolves the connection (variables), or null
     * @return the connection information usable without admin rights: {@code GET /connections/{name}/info}
     */
    public JsonNode getInfo(String contextualProjectKey) {
        return transport.getJson("/connections/" + PathSegments.encode(name) + "/info",
                QueryParams.of("contextualProjectKey", contextualProjectKey));
    }
}
