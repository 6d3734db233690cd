package org.dsscontractkit.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.folder.DSSManagedFolder;
import org.dsscontractkit.client.job.DSSJob;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.scenario.DSSScenario;
import org.dsscontractkit.client.scenario.DSSScenarioRun;
import org.dsscontractkit.client.sql.DSSSQLQuery;

/**
 * Verifies a DSS public API provider (the reference server, a real DSS, or your imitation of it) against the kit's
 * pacts and the DSS OpenAPI document. Subclass it, annotate nothing, and name the provider:
 *
 * <pre>{@code
 * class MyDssHonoursTheContract extends DssProviderContract {
 *     protected URI providerUrl() { return URI.create("https://dss.example.com"); }
 *     protected String adminApiKey() { return System.getenv("DSS_ADMIN_KEY"); }
 * }
 * }</pre>
 *
 * <p>Provider states are set up for real through the provider's own public API, as an admin (projects, datasets,
 * users, a job, a scenario and its run, SQL queries); consumers record no credentials, so the admin key is added to the replayed requests
 * that carry none. The SQL states expect a connection {@value ProviderStates#SQL_CONNECTION} holding a table
 * {@code customers (id, name, vip)}, as the reference server ships.</p>
 */
@Provider(ProviderStates.DSS_PROVIDER)
public abstract class DssProviderContract extends ProviderContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DSSClient admin;

    /** @return an API key with admin rights on the provider */
    protected abstract String adminApiKey();

    /** @return where provider states are set up; the provider itself by default */
    protected URI stateSetupUrl() {
        return providerUrl();
    }

    private String requiredAdminKey() {
        String key = adminApiKey();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("admin API key: required to set up provider states and"
                    + " authenticate the replayed requests, got none");
        }
        return key;
    }

    private DSSClient admin() {
        if (admin == null) {
            admin = new DSSClient(stateSetupUrl().toString(), requiredAdminKey());
        }
        return admin;
    }

    @Override
    protected void prepare(HttpRequest request) {
        if (!request.containsHeader("Authorization")) {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((requiredAdminKey() + ":").getBytes(StandardCharsets.UTF_8)));
        }
    }

    @State(ProviderStates.PROJECT_WITH_ORDERS)
    public void projectWithOrders() {
        deleteProjectIfPresent(ProviderStates.PROJECT);
        DSSProject project = admin().createProject(ProviderStates.PROJECT, "Pact project", "admin");
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        orders.uploadedAddFile(new ByteArrayInputStream("id,price\n1,9.5\n2,3.25\n3,12\n".getBytes(StandardCharsets.UTF_8)),
                "orders.csv");
        orders.setSchema(JSON.valueToTree(Map.of("columns", List.of(
                Map.of("name", "id", "type", "bigint"), Map.of("name", "price", "type", "double")))));
    }

    @State(ProviderStates.EMPTY_UPLOADED_DATASET)
    public void emptyUploadedDataset() {
        deleteProjectIfPresent(ProviderStates.PROJECT);
        admin().createProject(ProviderStates.PROJECT, "Pact project", "admin").createDataset("incoming", "UploadedFiles",
                null, "csv", Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
    }

    @State(ProviderStates.EMPTY_MANAGED_FOLDER)
    public Map<String, Object> emptyManagedFolder() {
        deleteProjectIfPresent(ProviderStates.PROJECT);
        DSSManagedFolder folder = admin().createProject(ProviderStates.PROJECT, "Pact project", "admin").createManagedFolder("drops");
        // the folder id is the provider's: it is handed to the interactions that use it (provider state injection)
        return Map.of("folderId", folder.getId());
    }

    @State(ProviderStates.MANAGED_FOLDER_WITH_FILE)
    public Map<String, Object> managedFolderWithFile() {
        deleteProjectIfPresent(ProviderStates.PROJECT);
        DSSManagedFolder folder = admin().createProject(ProviderStates.PROJECT, "Pact project", "admin").createManagedFolder("drops");
        folder.putFile("/orders.csv", new ByteArrayInputStream(ProviderStates.FOLDER_FILE_CONTENT.getBytes(StandardCharsets.UTF_8)));
        return Map.of("folderId", folder.getId());
    }

    @State(ProviderStates.ORDERS_BUILT)
    public Map<String, Object> ordersBuilt() {
        projectWithOrders();
        DSSJob job = admin().getProject(ProviderStates.PROJECT).getDataset("orders")
                .build(null, null, true, true, Duration.ofSeconds(60));
        // the job id is the provider's: it is handed to the interactions that use it (provider state injection)
        return Map.of("jobId", job.getId());
    }

    @State(ProviderStates.SCENARIO_BUILDING_ORDERS)
    public void scenarioBuildingOrders() {
        projectWithOrders();
        ObjectNode definition = JSON.createObjectNode();
        definition.put("id", ProviderStates.SCENARIO);
        DSSScenario scenario = admin().getProject(ProviderStates.PROJECT).createScenario("Build orders", "step_based", definition);
        scenario.getSettings().addBuildStep("build_orders", "RECURSIVE_BUILD", "orders").save();
    }

    @State(ProviderStates.SCENARIO_RAN)
    public Map<String, Object> scenarioRan() {
        scenarioBuildingOrders();
        DSSScenarioRun run = admin().getProject(ProviderStates.PROJECT).getScenario(ProviderStates.SCENARIO).runAndWait();
        // the ids are the provider's: handed to the interactions that use them (provider state injection)
        return Map.of("triggerRunId", run.getInfo().path("trigger").path("runId").asText(), "runId", run.getId());
    }

    @State(ProviderStates.SQL_CONNECTION_WITH_CUSTOMERS)
    public void sqlConnection() {
        // checked, not created: a provider's SQL connections are its administrators' business
        readAll(admin().sqlQuery(ProviderStates.SQL, ProviderStates.SQL_CONNECTION)).verify();
    }

    @State(ProviderStates.SQL_QUERY_READ)
    public Map<String, Object> sqlQueryRead() {
        return Map.of("queryId", readAll(admin().sqlQuery(ProviderStates.SQL, ProviderStates.SQL_CONNECTION)).getQueryId());
    }

    @State(ProviderStates.SQL_QUERY_STARTED)
    public Map<String, Object> sqlQueryStarted() {
        return Map.of("queryId", admin().sqlQuery(ProviderStates.SQL, ProviderStates.SQL_CONNECTION).getQueryId());
    }

    @State(ProviderStates.NO_SUCH_PROJECT)
    public void noSuchProject() {
        deleteProjectIfPresent("NO_SUCH_PROJECT");
    }

    @State(ProviderStates.USER_WITHOUT_ADMIN)
    public void userWithoutAdminRights() {
        try {
            admin().getUser(ProviderStates.USER).delete();
        } catch (DataikuException absent) {
            // first run: nothing to remove
        }
        var user = admin().createUser(ProviderStates.USER, "pw-" + ProviderStates.USER, "Pact user");
        ObjectNode definition = (ObjectNode) user.getDefinition();
        definition.putArray("groups").add("readers");
        user.setDefinition(definition);
    }

    private static DSSSQLQuery readAll(DSSSQLQuery query) {
        try (var rows = query.iterRows()) {
            rows.forEach(row -> { });
        }
        return query;
    }

    private void deleteProjectIfPresent(String key) {
        if (admin().listProjectKeys().contains(key)) {
            admin().getProject(key).delete(true, true, true, true);
        }
    }
}
