package org.dsscontractkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.dsscontractkit.client.admin.DSSGeneralSettings;
import org.dsscontractkit.client.support.DssStubTest;
import org.dsscontractkit.client.support.StubServer;
import org.junit.jupiter.api.Test;

class DSSClientTest extends DssStubTest {

    @Test
    void listProjectKeysSendsBasicAuthWithEmptyPasswordToDipPublicApi() {
        stub.on("GET", BASE + "/projects/", 200, "[{\"projectKey\":\"A\"},{\"projectKey\":\"B\",\"name\":\"b\"}]");

        assertThat(client.listProjectKeys()).containsExactly("A", "B");

        StubServer.Recorded request = stub.only("GET", BASE + "/projects/");
        assertThat(request.query()).isEqualTo("includeLocation=false");
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("secret-key:".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).isNull();
    }

    @Test
    void publicApiBaseAndExtraHeadersAreHonoured() {
        stub.on("GET", "/public/api/projects/", 200, "[]");
        DSSClient other = new DSSClient(stub.url() + "/", KEY, ClientOptions.builder()
                .apiBase(ApiBase.PUBLIC_API).extraHeader("X-Trace", "t-1").build());

        assertThat(other.listProjects(true)).isEmpty();

        StubServer.Recorded request = stub.last();
        assertThat(request.path()).isEqualTo("/public/api/projects/");
        assertThat(request.query()).isEqualTo("includeLocation=true");
        assertThat(request.header("X-Trace")).isEqualTo("t-1");
        specPrefix = "/public/api";
    }

    @Test
    void customHttpClientIsUsed() {
        stub.on("GET", BASE + "/projects/", 200, "[]");
        HttpClient custom = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        DSSClient other = new DSSClient(stub.url(), KEY, ClientOptions.builder().httpClient(custom).build());
        assertThat(other.listProjectKeys()).isEmpty();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void createProjectSendsEveryKeyLikeThePythonClient() {
        stub.on("POST", BASE + "/projects/", 200, "{\"msg\":\"Created project\"}");

        client.createProject("MYPROJ", "My project", "admin");

        StubServer.Recorded request = stub.only("POST", BASE + "/projects/");
        assertThat(request.query()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        // HTTP/1.1 like the Python client: no h2c upgrade handshake on a request with a body
        assertThat(request.header("Upgrade")).isNull();
        assertThat(request.json()).isEqualTo(json("{'projectKey':'MYPROJ','name':'My project','owner':'admin',"
                + "'settings':null,'description':null,'permissions':[],'tags':[]}"));
    }

    @Test
    void createProjectInAFolderWithDescriptionAndTags() {
        stub.on("POST", BASE + "/projects/", 200, "created");

        client.createProject("P2", "Two", "bob", "desc", json("{'a':1}"), "f0lder", null, List.of("x", "y"));

        StubServer.Recorded request = stub.last();
        assertThat(request.query()).isEqualTo("projectFolderId=f0lder");
        assertThat(request.json()).isEqualTo(json("{'projectKey':'P2','name':'Two','owner':'bob','settings':{'a':1},"
                + "'description':'desc','permissions':[],'tags':['x','y']}"));
    }

    @Test
    void errorBodyBecomesDataikuExceptionFormattedLikePython() {
        stub.on("GET", BASE + "/projects/NOPE", 404, "{\"errorType\":\"com.dataiku.dip.exceptions.UnknownObjectException\","
                + "\"message\":\"short\",\"detailedMessage\":\"Project NOPE does not exist\",\"stackTrace\":[]}");

        assertThatThrownBy(() -> client.getProject("NOPE").getSummary())
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("com.dataiku.dip.exceptions.UnknownObjectException: Project NOPE does not exist");
                    assertThat(e.getHttpStatus()).isEqualTo(404);
                    assertThat(e.getErrorType()).isEqualTo("com.dataiku.dip.exceptions.UnknownObjectException");
                    assertThat(e.getServerMessage()).isEqualTo("short");
                    assertThat(e.getDetailedMessage()).isEqualTo("Project NOPE does not exist");
                });
    }

    @Test
    void errorWithoutDetailedMessageFallsBackToMessage() {
        stub.on("GET", BASE + "/projects/X", 403, "{\"errorType\":\"java.lang.SecurityException\",\"message\":\"No access\"}");

        assertThatThrownBy(() -> client.getProject("X").getSummary())
                .hasMessage("java.lang.SecurityException: No access");
    }

    @Test
    void nonJsonErrorBodyGivesAClearException() {
        stub.on("GET", BASE + "/projects/", 502, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> client.listProjects())
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(502);
                    assertThat(e.getErrorType()).isEqualTo("Unknown error");
                    assertThat(e.getMessage()).startsWith("Unknown error: HTTP 502 from GET ").contains("<html>Bad gateway</html>");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void nonJsonSuccessBodyWhereJsonIsExpectedIsReportedNotAParseTrace() {
        stub.on("GET", BASE + "/projects/", 200, "not json at all");

        assertThatThrownBy(() -> client.listProjects())
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getErrorType()).isEqualTo("InvalidResponse");
                    assertThat(e.getMessage()).contains("Expected a JSON answer").contains("not json at all");
                });
    }

    @Test
    void networkFailureGivesStatusZeroAndTheTarget() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        DSSClient unreachable = new DSSClient("http://127.0.0.1:" + freePort, KEY);

        assertThatThrownBy(unreachable::listProjectKeys)
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(DataikuException.NO_RESPONSE);
                    assertThat(e.getMessage()).contains("No response from GET http://127.0.0.1:" + freePort + "/dip/publicapi/projects/");
                });
    }

    @Test
    void readTimeoutIsApplied() {
        stub.on("GET", BASE + "/projects/", (exchange, request) -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubServer.send(exchange, 200, "[]");
        });
        DSSClient impatient = new DSSClient(stub.url(), KEY, ClientOptions.builder().readTimeout(Duration.ofMillis(200)).build());

        // on a loaded machine the 200 ms may already pass while connecting: HttpConnectTimeoutException, a subclass
        assertThatThrownBy(impatient::listProjects)
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getErrorType()).matches("java\\.net\\.http\\.Http(Connect)?TimeoutException");
                    assertThat(e.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class);
                    assertThat(e.getHttpStatus()).isEqualTo(DataikuException.NO_RESPONSE);
                });
    }

    @Test
    void hostMustBeAnHttpUrl() {
        assertThatThrownBy(() -> new DSSClient("localhost:11200", KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
    }

    @Test
    void asUserAddsTheProxyUserHeader() {
        stub.on("GET", BASE + "/auth/info", 200, "{\"authIdentifier\":\"bob\"}");

        assertThat(client.asUser("bob").getAuthInfo(false).path("authIdentifier").asText()).isEqualTo("bob");

        assertThat(stub.last().header("X-DKU-ProxyUser")).isEqualTo("bob");
        assertThat(stub.last().query()).isEqualTo("withSecrets=false");
    }

    @Test
    void futuresAndRunningScenarios() {
        stub.on("GET", BASE + "/futures/", 200, "[{\"jobId\":\"f1\"}]");

        client.listFutures();
        client.listRunningScenarios(true);

        assertThat(stub.requests().get(0).query()).isEqualTo("withScenarios=false&withNotScenarios=true&allUsers=false");
        assertThat(stub.requests().get(1).query()).isEqualTo("withScenarios=true&withNotScenarios=false&allUsers=true");
    }

    @Test
    void instanceReads() {
        stub.on("GET", BASE + "/plugins/", 200, "[{\"id\":\"p\"}]")
                .on("GET", BASE + "/admin/code-envs/", 200, "[{\"envLang\":\"PYTHON\",\"envName\":\"py\"}]")
                .on("GET", BASE + "/meanings/", 200, "[]")
                .on("GET", BASE + "/admin/logs/", 200, "[\"backend.log\"]")
                .on("GET", BASE + "/admin/logs/backend.log", 200, "\"line1\\nline2\"")
                .on("GET", BASE + "/admin/licensing/status", 200, "{\"valid\":true}");

        assertThat(client.listPlugins().get(0).getId()).isEqualTo("p");
        assertThat(client.listCodeEnvs().get(0).getEnvName()).isEqualTo("py");
        assertThat(client.listMeanings()).isEmpty();
        assertThat(client.listLogsRaw().get(0).asText()).isEqualTo("backend.log");
        assertThat(client.getLog("backend.log").asText()).isEqualTo("line1\nline2");
        assertThat(client.getLicensingStatus().path("valid").asBoolean()).isTrue();
    }

    @Test
    void globalVariablesAndCustomAudit() {
        stub.on("GET", BASE + "/admin/variables/", 200, "{\"a\":1}")
                .on("PUT", BASE + "/admin/variables/", 204, "")
                .on("POST", BASE + "/admin/audit/custom/my-event", 204, "");

        ObjectNode variables = client.getGlobalVariables();
        variables.put("b", "two");
        client.setGlobalVariables(variables);
        client.logCustomAudit("my-event", null);
        client.logCustomAudit("my-event", Map.of("k", "v"));

        assertThat(stub.only("PUT", BASE + "/admin/variables/").json()).isEqualTo(json("{'a':1,'b':'two'}"));
        assertThat(stub.requests().get(2).json()).isEqualTo(json("{}"));
        assertThat(stub.requests().get(3).json()).isEqualTo(json("{'k':'v'}"));
    }

    @Test
    void generalSettingsRoundTripKeepsUnknownAttributes() {
        String settings = "{\"udr\":true,\"someFutureBlock\":{\"nested\":[1,2,{\"x\":null}]},\"ldapSettings\":{\"enabled\":false}}";
        stub.on("GET", BASE + "/admin/general-settings", 200, settings)
                .on("PUT", BASE + "/admin/general-settings", 200, "{}");

        DSSGeneralSettings general = client.getGeneralSettings();
        ((ObjectNode) general.getRaw().get("ldapSettings")).put("enabled", true);
        general.save();

        assertThat(stub.only("PUT", BASE + "/admin/general-settings").json()).isEqualTo(
                json("{'udr':true,'someFutureBlock':{'nested':[1,2,{'x':null}]},'ldapSettings':{'enabled':true}}"));
    }

    @Test
    void projectFolders() {
        stub.on("GET", BASE + "/project-folders/ROOT", 200, "{\"id\":\"ROOT\",\"childrenIds\":[\"c1\"],\"projectKeys\":[\"A\"]}")
                .on("GET", BASE + "/project-folders/c1", 200, "{\"id\":\"c1\",\"name\":\"Sales\",\"parentId\":\"ROOT\",\"childrenIds\":[],\"projectKeys\":[]}")
                .on("POST", BASE + "/project-folders/c1/children", 200, "{\"id\":\"c2\",\"name\":\"Q1 reports\",\"parentId\":\"c1\"}")
                .on("POST", BASE + "/project-folders/c1/move", 204, "")
                .on("POST", BASE + "/project-folders/ROOT/projects/A/move", 204, "")
                .on("POST", BASE + "/projects/", 200, "created");

        var root = client.getRootProjectFolder();
        assertThat(root.getName()).isNull();
        assertThat(root.listProjectKeys()).containsExactly("A");
        var sales = root.listChildFolders().get(0);
        assertThat(sales.getPath()).isEqualTo("/Sales");
        var q1 = sales.createSubFolder("Q1 reports");
        assertThat(q1.getId()).isEqualTo("c2");
        sales.moveTo(root);
        root.moveProjectTo("A", sales);
        sales.createProject("NEWP", "New", "admin", null, null);

        assertThat(stub.only("POST", BASE + "/project-folders/c1/children").query()).isEqualTo("name=Q1%20reports");
        assertThat(stub.only("POST", BASE + "/project-folders/c1/move").query()).isEqualTo("destination=ROOT");
        assertThat(stub.only("POST", BASE + "/project-folders/ROOT/projects/A/move").query()).isEqualTo("destination=c1");
        assertThat(stub.only("POST", BASE + "/projects/").query()).isEqualTo("projectFolderId=c1");
    }

    @Test
    void identifiersAreEncodedAsOnePathSegment() {
        stub.on("GET", BASE + "/projects/A%20B%2FC", 200, "{\"projectKey\":\"A B/C\"}");

        assertThat(client.getProject("A B/C").getSummary().path("projectKey").asText()).isEqualTo("A B/C");
    }

    @Test
    void generatedOperationsRunWithTheSameConfiguration() throws Exception {
        stub.on("GET", BASE + "/projects/", 200, "[{\"projectKey\":\"A\",\"name\":\"a\"}]");
        DSSClient withHeader = new DSSClient(stub.url(), KEY, ClientOptions.builder().extraHeader("X-Trace", "gen").build());

        var projects = new org.dsscontractkit.client.generated.dss.api.ProjectsApi(withHeader.getApiClient()).listProjects("false", null);

        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).getProjectKey()).isEqualTo("A");
        assertThat(stub.last().header("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("secret-key:".getBytes(StandardCharsets.UTF_8)));
        assertThat(stub.last().header("X-Trace")).isEqualTo("gen");
    }

    @Test
    void internalTicketReplacesBasicAuth() {
        stub.on("GET", BASE + "/auth/info", 200, "{\"authIdentifier\":\"inside\"}");

        DSSClient inside = DSSClient.withInternalTicket(stub.url(), "tkt-123", ClientOptions.defaults());
        inside.getAuthInfo(true);

        assertThat(stub.last().header("X-DKU-APITicket")).isEqualTo("tkt-123");
        assertThat(stub.last().header("Authorization")).isNull();
        assertThat(stub.last().query()).isEqualTo("withSecrets=true");
    }

    @Test
    void listProjectsIsTypedAndTheRawFormKeepsEveryAttribute() {
        stub.on("GET", BASE + "/projects/", 200, "[{\"projectKey\":\"A\",\"name\":\"a\",\"undocumented\":{\"x\":1}}]");

        assertThat(client.listProjects()).extracting(p -> p.getProjectKey(), p -> p.getName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "a"));
        assertThat(client.listProjectsRaw().get(0).path("undocumented").path("x").asInt()).isEqualTo(1);
    }

    @Test
    void generatedCallsThroughCallAreTranslatedThroughGetApiClientTheyStayApiExceptions() {
        stub.on("GET", BASE + "/projects/NOPE", 404, "{\"errorType\":\"com.dataiku.dip.exceptions.UnknownObjectException\","
                + "\"message\":\"Project NOPE does not exist\"}");

        assertThatThrownBy(() -> client.call(api -> new org.dsscontractkit.client.generated.dss.api.ProjectsApi(api).getProjectSummary("NOPE")))
                .isInstanceOfSatisfying(DataikuException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(404);
                    assertThat(e.getErrorType()).isEqualTo("com.dataiku.dip.exceptions.UnknownObjectException");
                });
        assertThatThrownBy(() -> new org.dsscontractkit.client.generated.dss.api.ProjectsApi(client.getApiClient()).getProjectSummary("NOPE"))
                .isInstanceOfSatisfying(org.dsscontractkit.client.generated.dss.invoker.ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> client.call(api -> new org.dsscontractkit.client.generated.dss.api.ProjectsApi(api).getProjectSummary(null)))
                .as("a required parameter left null: nothing is sent").isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void everyGeneratedApiSharesOneHttpClientTheCallersOneWhenGiven() {
        java.net.http.HttpClient custom = java.net.http.HttpClient.newBuilder().build();
        DSSClient withCustom = new DSSClient(stub.url(), KEY, ClientOptions.builder().httpClient(custom).build());

        assertThat(client.getApiClient().getHttpClient()).isSameAs(client.getApiClient().getHttpClient());
        assertThat(withCustom.getApiClient().getHttpClient()).isSameAs(custom);
    }

    @Test
    void emptyIdentifiersAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.getProject("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectKey");
        assertThatThrownBy(() -> client.getProject("PK").getDataset("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getUser("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anInvalidTypedAnswerNamesItsRequestEvenWhenCallsAreNested() {
        stub.on("GET", BASE + "/projects/A", 200, "{\"projectKey\":\"A\"}")
                .on("GET", BASE + "/projects/", 200, "{\"not\":\"a list\"}");

        assertThatThrownBy(() -> client.call(api -> {
            client.getProject("A").getSummary();
            client.listProjectsRaw();
            return client.listProjects();
        })).isInstanceOfSatisfying(DataikuException.class, e -> {
            assertThat(e.getErrorType()).isEqualTo(DataikuException.INVALID_RESPONSE);
            assertThat(e.getHttpStatus()).isEqualTo(200);
            assertThat(e.getMessage()).contains("from GET " + stub.url() + BASE + "/projects/?includeLocation=false")
                    .contains("{\"not\":\"a list\"}");
        });
    }
}
