package org.dsscontractkit.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.client.generated.dss.api.GroupsApi;
import org.dsscontractkit.client.generated.dss.api.ProjectsApi;
import org.dsscontractkit.client.generated.dss.api.UsersApi;
import org.dsscontractkit.client.generated.dss.invoker.ApiClient;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

/**
 * A real DSS may answer a creation (project, user, group...) with no body, or with fewer attributes than the contract
 * shows, where the official client ignores the answer: the generated {@code *Api} methods must not fail on it.
 */
class EmptyAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyOrPartialAnswerToACreationIsNotAFailure() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("POST", "/dip/publicapi/projects/", 200, "")
                    .on("POST", "/dip/publicapi/admin/users/", 200, "  \n")
                    .on("POST", "/dip/publicapi/admin/groups/", 200, "{}");
            ApiClient client = new ApiClient();
            client.updateBaseUri(stub.url() + "/dip/publicapi");
            ObjectNode project = JSON.createObjectNode().put("projectKey", "PK").put("name", "P").put("owner", "admin");

            assertThat(new ProjectsApi(client).createProject(project, null)).isNull();
            assertThat(new UsersApi(client).createUser(JSON.createObjectNode().put("login", "u"))).isNull();
            assertThat(new GroupsApi(client).createGroup(JSON.createObjectNode().put("name", "g"))).isNotNull();
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void aBodyIsStillRead() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("POST", "/dip/publicapi/projects/", 200, "{\"projectKey\":\"PK\",\"name\":\"P\"}");
            ApiClient client = new ApiClient();
            client.updateBaseUri(stub.url() + "/dip/publicapi");
            ObjectNode project = JSON.createObjectNode().put("projectKey", "PK");

            assertThat(new ProjectsApi(client).createProject(project, null).getProjectKey()).isEqualTo("PK");
        }
    }
}
