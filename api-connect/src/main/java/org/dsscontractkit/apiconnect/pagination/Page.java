package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apiconnect.transport.ApiResponse;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.util.List;

/**
 * One fetched page.
 *
 * @param json           the decoded body, or null when the body is empty (204) or not JSON
 * @param records        the items at the data path (array elements, or the single object)
 * @param dataPathFound  false when a data path is set and absent from this response
 */
public record Page(int index, RequestSpec request, ApiResponse response, JsonNode json, List<JsonNode> records,
                   boolean dataPathFound) {

    public boolean isEmptyBody() { return response.body().length == 0; }
}
