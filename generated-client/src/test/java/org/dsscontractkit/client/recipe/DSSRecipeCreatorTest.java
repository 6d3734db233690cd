package org.dsscontractkit.client.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dsscontractkit.client.support.DssStubTest;
import org.junit.jupiter.api.Test;

class DSSRecipeCreatorTest extends DssStubTest {

    private static final String R = BASE + "/projects/PK/recipes/";

    @Test
    void sendsWhatThePythonBuilderSends() {
        stub.on("POST", R, 200, "{\"name\":\"compute_copy\"}");

        DSSRecipe recipe = client.getProject("PK").newRecipe("sync", "compute_copy")
                .withInput("orders").withInput("ref", "OTHER", "main")
                .withNewOutput("orders_copy", "filesystem_managed").create();

        assertThat(recipe.getName()).isEqualTo("compute_copy");
        assertThat(stub.last().json()).isEqualTo(json("{'recipePrototype':{'inputs':{'main':{'items':[{'ref':'orders'},{'ref':'OTHER.ref'}]}},"
                + "'outputs':{'main':{'items':[{'ref':'orders_copy','appendMode':false}]}},'type':'sync','name':'compute_copy','projectKey':'PK'},"
                + "'creationSettings':{'createOutputDataset':true,'outputDatasetSettings':{'connectionId':'filesystem_managed','typeOptionId':null,"
                + "'specificSettings':{'formatOptionId':null,'overrideSQLSchema':null},'partitioningOptionId':null},"
                + "'createOutputFolder':null,'outputFolderSettings':null}}"));
    }

    @Test
    void anExistingOutputAndAScript() {
        stub.on("POST", R, 200, "{\"name\":\"q\"}");

        client.getProject("PK").newRecipe("sql_query", "q").withInput("customers").withOutput("vips").withScript("SELECT 1").create();

        assertThat(stub.last().json().path("creationSettings")).isEqualTo(json("{'script':'SELECT 1','createOutputDataset':false,"
                + "'outputDatasetSettings':null,'createOutputFolder':null,'outputFolderSettings':null}"));
        assertThatThrownBy(() -> client.getProject("PK").newRecipe("sync", "x").withOutput("a").withNewOutput("b", "c"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void schemaUpdatesApplyOneCallPerComputable() {
        stub.on("GET", R + "q/schema-update", 200, "{\"totalIncompatibilities\":1,\"computables\":[{\"type\":\"DATASET\",\"id\":\"vips\","
                        + "\"datasetName\":\"vips\",\"newSchema\":{\"columns\":[{\"name\":\"id\",\"type\":\"int\"}]}}]}")
                .on("POST", R + "q/actions/updateOutputSchema", 200, "{\"success\":true}");

        DSSRecipeSchemaUpdates updates = client.getProject("PK").getRecipe("q").computeSchemaUpdates();

        assertThat(updates.anyActionRequired()).isTrue();
        assertThat(updates.apply()).hasSize(1);
        assertThat(stub.last().json()).isEqualTo(json("{'computableType':'DATASET','computableId':'vips',"
                + "'newSchema':{'columns':[{'name':'id','type':'int'}]},'dropAndRecreate':true,'synchronizeMetastore':true}"));
    }
}
