package org.dsscontractkit.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.sql.DSSSQLQuery;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the reference server against the Java client's pact. Provider states are set up for real through the
 * server's own public API (as an admin), never by special-casing the server; the calls go through the validating
 * proxy, so the provider's answers are also checked against the spec.
 */
@Provider(PactNames.DSS_PROVIDER)
@PactFolder("target/pacts")
@ExtendWith(ContractValidationExtension.class)
class DssReferenceServerPactIT {

    private static ReferenceServerProcess server;
    private static DSSClient admin;

    @BeforeAll
    static void startServer() {
        server = ReferenceServerProcess.get();
        admin = new DSSClient(server.baseUrl(), server.adminKey());
    }

    @BeforeEach
    void target(PactVerificationContext context) throws Exception {
        context.setTarget(HttpTestTarget.fromUrl(new URL(server.baseUrl())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        // consumers record no credentials (they vary per installation): the verification authenticates as admin
        if (!request.containsHeader("Authorization")) {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((server.adminKey() + ":").getBytes(StandardCharsets.UTF_8)));
        }
        context.verifyInteraction();
    }

    @State(PactNames.STATE_PROJECT_WITH_ORDERS)
    void projectWithOrders() {
        deleteProjectIfPresent(PactNames.PROJECT);
        DSSProject project = admin.createProject(PactNames.PROJECT, "Pact project", "admin");
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        orders.uploadedAddFile(new ByteArrayInputStream("id,price\n1,9.5\n2,3.25\n3,12\n".getBytes(StandardCharsets.UTF_8)),
                "orders.csv");
        orders.setSchema(admin.getTransport().toTree(Map.of("columns", java.util.List.of(
                Map.of("name", "id", "type", "bigint"), Map.of("name", "price", "type", "double")))));
    }

    @State(PactNames.STATE_EMPTY_UPLOADED_DATASET)
    void emptyUploadedDataset() {
        deleteProjectIfPresent(PactNames.PROJECT);
        admin.createProject(PactNames.PROJECT, "Pact project", "admin").createDataset("incoming", "UploadedFiles", null,
                "csv", Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
    }

    @State(PactNames.STATE_ORDERS_BUILT)
    Map<String, Object> ordersBuilt() {
        projectWithOrders();
        DSSJob job = admin.getProject(PactNames.PROJECT).getDataset("orders")
                .build(null, null, true, true, Duration.ofSeconds(60));
        // the job id is the provider's: it is handed to the interactions that use it (provider state injection)
        return Map.of("jobId", job.getId());
    }

    @State(PactNames.STATE_SQL_CONNECTION)
    void sqlConnection() {
        // the demo connection ships with the reference server: checked, not created
        readAll(admin.sqlQuery(PactNames.SQL, "demo_sql")).verify();
    }

    @State(PactNames.STATE_SQL_QUERY_READ)
    Map<String, Object> sqlQueryRead() {
        return Map.of("queryId", readAll(admin.sqlQuery(PactNames.SQL, "demo_sql")).getQueryId());
    }

    private static DSSSQLQuery readAll(DSSSQLQuery query) {
        try (var rows = query.iterRows()) {
            rows.forEach(row -> { });
        }
        return query;
    }

    @State(PactNames.STATE_SQL_QUERY_STARTED)
    Map<String, Object> sqlQueryStarted() {
        return Map.of("queryId", admin.sqlQuery(PactNames.SQL, "demo_sql").getQueryId());
    }

    @State("project NO_SUCH_PROJECT does not exist")
    void noSuchProject() {
        deleteProjectIfPresent("NO_SUCH_PROJECT");
    }

    @State(PactNames.STATE_USER_WITHOUT_ADMIN)
    void userWithoutAdminRights() {
        try {
            admin.getUser(PactNames.USER).delete();
        } catch (DataikuException absent) {
            // first run: nothing to remove
        }
        var user = admin.createUser(PactNames.USER, "pw-" + PactNames.USER, "Pact user");
        ObjectNode definition = (ObjectNode) user.getDefinition();
        definition.putArray("groups").add("readers");
        user.setDefinition(definition);
    }

    private static void deleteProjectIfPresent(String key) {
        if (admin.listProjectKeys().contains(key)) {
            admin.getProject(key).delete(true, true, true, true);
        }
    }
}
