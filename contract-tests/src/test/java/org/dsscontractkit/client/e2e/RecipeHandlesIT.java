package org.dsscontractkit.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.dataset.DSSDataset;
import org.dsscontractkit.client.project.DSSProject;
import org.dsscontractkit.client.recipe.DSSRecipe;
import org.dsscontractkit.client.recipe.DSSRecipeSchemaUpdates;
import org.dsscontractkit.client.recipe.DSSRecipeSettings;
import org.dsscontractkit.client.rows.RowStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recipe handles against the reference server, through the validating proxy: every recipe operation. */
class RecipeHandlesIT extends ReferenceServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DSSProject project;

    @BeforeEach
    void createProject() {
        project = client.createProject(uniqueKey("IT_RCP"), "Recipes", "admin");
        DSSDataset orders = project.createDataset("orders", "UploadedFiles", null, "csv",
                Map.of("separator", ",", "style", "excel", "parseHeaderRow", true));
        orders.uploadedAddFile(new ByteArrayInputStream("id,price\n1,9.5\n2,3\n".getBytes(StandardCharsets.UTF_8)), "orders.csv");
        ObjectNode schema = JSON.createObjectNode();
        schema.putArray("columns").addObject().put("name", "id").put("type", "bigint");
        ((com.fasterxml.jackson.databind.node.ArrayNode) schema.get("columns")).addObject().put("name", "price").put("type", "double");
        orders.setSchema(schema);
    }

    @AfterEach
    void deleteProject() {
        project.delete(true, true, true, true);
    }

    private static List<List<Object>> rows(DSSDataset dataset) {
        List<List<Object>> rows = new ArrayList<>();
        try (RowStream stream = dataset.iterRows()) {
            stream.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void aSyncRecipeWithANewOutputIsRunByItsJob() {
        DSSRecipe recipe = project.newRecipe("sync", "compute_orders_copy")
                .withInput("orders")
                .withNewOutput("orders_copy", "filesystem_managed")
                .create();
        assertThat(recipe.getName()).isEqualTo("compute_orders_copy");
        assertThat(project.listRecipes()).extracting(r -> r.getName()).containsExactly("compute_orders_copy");
        assertThat(recipe.getStatusSeverity()).isEqualTo("SUCCESS");
        assertThat(recipe.computeSchemaUpdates().anyActionRequired()).isFalse();

        DSSRecipeSettings settings = recipe.getSettings();
        assertThat(settings.getType()).isEqualTo("sync");
        assertThat(settings.getInputRefs()).containsExactly("orders");
        assertThat(settings.getOutputRefs()).containsExactly("orders_copy");
        settings.getRawParams().put("kitTestAttribute", "kept");
        settings.save();
        assertThat(recipe.getSettings().getRawParams().path("kitTestAttribute").asText()).isEqualTo("kept");

        assertThat(recipe.run(Duration.ofSeconds(60)).getState()).isEqualTo("DONE");
        assertThat(rows(project.getDataset("orders_copy"))).hasSize(2);

        ObjectNode metadata = recipe.getMetadata();
        metadata.putArray("tags").add("nightly");
        recipe.setMetadata(metadata);
        assertThat(recipe.getMetadata().path("tags").get(0).asText()).isEqualTo("nightly");

        assertThatThrownBy(() -> project.newRecipe("sync", "second").withInput("orders").withOutput("orders_copy").create())
                .isInstanceOfSatisfying(DataikuException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(409));
        recipe.delete();
        assertThat(project.listRecipes()).isEmpty();
        assertThat(project.getDataset("orders_copy").exists()).isTrue();
    }

    @Test
    void aSqlQueryRecipeRunsOnItsInputsConnectionAndItsSchemaUpdatesApply() {
        project.createDataset("customers", "H2", Map.of("connection", "demo_sql", "table", "customers"), null, null);
        DSSRecipe recipe = project.newRecipe("sql_query", "compute_vips")
                .withInput("customers")
                .withNewOutput("vips", "filesystem_managed")
                .withScript("SELECT id, name FROM customers WHERE vip ORDER BY id")
                .create();
        assertThat(recipe.getSettings().getPayload()).contains("WHERE vip");

        DSSRecipeSchemaUpdates updates = recipe.computeSchemaUpdates();
        assertThat(updates.anyActionRequired()).isTrue();
        assertThat(updates.apply()).hasSize(1);
        assertThat(recipe.computeSchemaUpdates().anyActionRequired()).isFalse();
        assertThat(project.getDataset("vips").getSchema().path("columns")).hasSize(2);

        assertThat(recipe.run(Duration.ofSeconds(60)).getState()).isEqualTo("DONE");
        List<List<Object>> vips = rows(project.getDataset("vips"));
        assertThat(vips).hasSize(2);
        assertThat(vips.get(1).get(1)).isEqualTo("Grace Hopper");

        DSSRecipeSettings settings = recipe.getSettings();
        settings.setPayload("SELECT nope FROM nowhere");
        settings.save();
        assertThat(recipe.getStatusSeverity()).isEqualTo("ERROR");
        assertThatThrownBy(() -> recipe.run(Duration.ofSeconds(60))).isInstanceOfSatisfying(DataikuException.class,
                e -> assertThat(e.getErrorType()).isEqualTo("JobFailed"));
    }
}
