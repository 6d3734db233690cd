package org.dsscontractkit.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.client.DataikuException;
import org.dsscontractkit.client.JsonSettings;
import org.dsscontractkit.client.support.DssStubTest;
import org.junit.jupiter.api.Test;

class AdminHandlesTest extends DssStubTest {

    @Test
    void usersCreateReadWriteDelete() {
        stub.on("POST", BASE + "/admin/users/", 200, "created")
                .on("GET", BASE + "/admin/users/", 200, "[{\"login\":\"bob\"}]")
                .on("GET", BASE + "/admin/users/bob", 200, "{\"login\":\"bob\",\"groups\":[],\"adminProperties\":{\"p\":1},\"secrets\":[]}")
                .on("PUT", BASE + "/admin/users/bob", 200, "{\"login\":\"bob\",\"groups\":[\"g\"]}")
                .on("DELETE", BASE + "/admin/users/bob", 204, "")
                .on("GET", BASE + "/users/bob", 200, "{\"login\":\"bob\",\"displayName\":\"Bob\"}");

        DSSUser bob = client.createUser("bob", "pw", "Bob");
        client.listUsersRaw(true);
        ObjectNode definition = bob.getDefinition();
        definition.withArray("groups").add("g");
        assertThat(bob.setDefinition(definition).path("groups").get(0).asText()).isEqualTo("g");
        assertThat(bob.getInfo().path("displayName").asText()).isEqualTo("Bob");
        bob.delete();
        bob.delete(true);

        assertThat(stub.only("POST", BASE + "/admin/users/").json()).isEqualTo(json("{'login':'bob','password':'pw','displayName':'Bob',"
                + "'sourceType':'LOCAL','groups':[],'userProfile':'DATA_SCIENTIST','email':null}"));
        assertThat(stub.only("GET", BASE + "/admin/users/").query()).isEqualTo("includeSettings=true");
        assertThat(stub.only("PUT", BASE + "/admin/users/bob").json())
                .isEqualTo(json("{'login':'bob','groups':['g'],'adminProperties':{'p':1},'secrets':[]}"));
        assertThat(stub.requests().get(5).query()).isEqualTo("allowSelfDeletion=false");
        assertThat(stub.requests().get(6).query()).isEqualTo("allowSelfDeletion=true");
    }

    @Test
    void groupsCreateAndSettingsSave() {
        stub.on("POST", BASE + "/admin/groups/", 200, "created")
                .on("GET", BASE + "/admin/groups/", 200, "[]")
                .on("GET", BASE + "/admin/groups/data%20team", 200, "{\"name\":\"data team\",\"admin\":false,\"mayCreateProjects\":true}")
                .on("PUT", BASE + "/admin/groups/data%20team", 200, "{}")
                .on("DELETE", BASE + "/admin/groups/data%20team", 204, "");

        DSSGroup group = client.createGroup("data team", null, null);
        assertThat(client.listGroups()).isEmpty();
        JsonSettings settings = group.getSettings();
        settings.getRaw().put("admin", true);
        settings.save();
        group.delete();

        assertThat(stub.only("POST", BASE + "/admin/groups/").json()).isEqualTo(json("{'name':'data team','description':null,'sourceType':'LOCAL'}"));
        assertThat(stub.only("PUT", BASE + "/admin/groups/data%20team").json())
                .isEqualTo(json("{'name':'data team','admin':true,'mayCreateProjects':true}"));
        assertThat(stub.only("DELETE", BASE + "/admin/groups/data%20team").body()).isEmpty();
    }

    @Test
    void connectionsAreAnObjectKeyedByName() {
        stub.on("GET", BASE + "/admin/connections/", 200, "{\"pg\":{\"name\":\"pg\",\"type\":\"PostgreSQL\"},\"fs\":{\"name\":\"fs\",\"type\":\"Filesystem\"}}")
                .on("POST", BASE + "/admin/connections/", 200, "created")
                .on("GET", BASE + "/admin/connections/pg", 200, "{\"name\":\"pg\",\"type\":\"PostgreSQL\",\"params\":{\"host\":\"h\",\"vendorX\":7},\"detailsReadability\":{\"readableBy\":\"NONE\"}}")
                .on("PUT", BASE + "/admin/connections/pg", 200, "{}")
                .on("DELETE", BASE + "/admin/connections/pg", 204, "")
                .on("GET", BASE + "/connections/pg/info", 200, "{\"name\":\"pg\"}");

        assertThat(client.listConnectionNames()).containsExactly("pg", "fs");
        DSSConnection pg = client.createConnection("pg", "PostgreSQL", Map.of("host", "h"), null, null, null);
        ObjectNode definition = (ObjectNode) pg.getDefinition();
        ((ObjectNode) definition.get("params")).put("host", "h2");
        pg.setDefinition(definition);
        pg.getInfo("PK");
        pg.delete();

        assertThat(stub.only("POST", BASE + "/admin/connections/").json()).isEqualTo(json("{'name':'pg','description':null,"
                + "'type':'PostgreSQL','params':{'host':'h'},'usableBy':'ALL','allowedGroups':[]}"));
        assertThat(stub.only("PUT", BASE + "/admin/connections/pg").json()).isEqualTo(json("{'name':'pg','type':'PostgreSQL',"
                + "'params':{'host':'h2','vendorX':7},'detailsReadability':{'readableBy':'NONE'}}"));
        assertThat(stub.only("GET", BASE + "/connections/pg/info").query()).isEqualTo("contextualProjectKey=PK");
    }

    @Test
    void globalApiKeys() {
        stub.on("POST", BASE + "/admin/global-api-keys/", 200, "{\"id\":\"k1\",\"key\":\"s3cr3t\",\"label\":\"ci\"}")
                .on("GET", BASE + "/admin/global-api-keys/", 200, "[{\"id\":\"k1\"}]")
                .on("GET", BASE + "/admin/global-api-keys/k1", 200, "{\"id\":\"k1\",\"label\":\"ci\"}")
                .on("GET", BASE + "/admin/globalAPIKeys/s3cr3t", 200, "{\"id\":\"k1\"}")
                .on("DELETE", BASE + "/admin/global-api-keys/k1", 204, "");

        DSSGlobalApiKey created = client.createGlobalApiKey("ci", "for CI", true);
        client.createGlobalApiKeyWithGroups("ci2", null, List.of("g"));
        assertThat(created.getId()).isEqualTo("k1");
        assertThat(created.getKey()).isEqualTo("s3cr3t");
        assertThat(client.listGlobalApiKeys()).hasSize(1);
        assertThat(client.getGlobalApiKeyById("k1").getKey()).isNull();
        assertThat(client.getGlobalApiKey("s3cr3t").getId()).isEqualTo("k1");
        created.delete();

        assertThat(stub.requests().get(0).json()).isEqualTo(json("{'label':'ci','description':'for CI','globalPermissions':{'admin':true}}"));
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'label':'ci2','description':null,'groups':['g']}"));
    }

    @Test
    void apiKeyCreationWithoutIdOrWithErrorMessagesFails() {
        stub.on("POST", BASE + "/admin/global-api-keys/", 200, "{\"messages\":{\"error\":true,\"messages\":[]}}");
        assertThatThrownBy(() -> client.createGlobalApiKey(null, null, false)).isInstanceOf(DataikuException.class)
                .hasMessageContaining("creation failed");
        stub.on("POST", BASE + "/personal-api-keys/", 200, "{\"label\":\"x\"}");
        assertThatThrownBy(() -> client.createPersonalApiKey("x", null)).isInstanceOf(DataikuException.class)
                .hasMessageContaining("without an id");
    }

    @Test
    void personalApiKeys() {
        stub.on("POST", BASE + "/personal-api-keys/", 200, "{\"id\":\"p1\",\"key\":\"pk\",\"user\":\"me\"}")
                .on("POST", BASE + "/admin/personal-api-keys/", 200, "{\"id\":\"p2\",\"key\":\"pk2\",\"user\":\"bob\"}")
                .on("GET", BASE + "/personal-api-keys/", 200, "[]")
                .on("GET", BASE + "/admin/personal-api-keys/", 200, "[]")
                .on("GET", BASE + "/personal-api-keys/p2", 200, "{\"id\":\"p2\",\"label\":\"\"}")
                .on("PUT", BASE + "/personal-api-keys/p2", 200, "{}")
                .on("DELETE", BASE + "/personal-api-keys/p2", 204, "");

        DSSPersonalApiKey own = client.createPersonalApiKey(null, null);
        DSSPersonalApiKey bobs = client.createPersonalApiKeyForUser("bob", "etl", "nightly");
        client.listPersonalApiKeys();
        client.listAllPersonalApiKeys();
        JsonSettings settings = client.getPersonalApiKey("p2").getSettings();
        settings.getRaw().put("label", "renamed");
        settings.save();
        client.getPersonalApiKey("p2").delete();

        assertThat(own.getKey()).isEqualTo("pk");
        assertThat(bobs.getUser()).isEqualTo("bob");
        assertThat(stub.requests().get(0).json()).isEqualTo(json("{'label':'','description':''}"));
        assertThat(stub.requests().get(1).json()).isEqualTo(json("{'user':'bob','label':'etl','description':'nightly'}"));
        assertThat(stub.only("PUT", BASE + "/personal-api-keys/p2").json()).isEqualTo(json("{'id':'p2','label':'renamed'}"));
    }

    @Test
    void meanings() {
        stub.on("POST", BASE + "/meanings/", 200, "{}")
                .on("GET", BASE + "/meanings/sku", 200, "{\"id\":\"sku\",\"label\":\"SKU\",\"type\":\"PATTERN\",\"pattern\":\"x\"}")
                .on("PUT", BASE + "/meanings/sku", 200, "{}")
                .on("DELETE", BASE + "/meanings/sku", 204, "");

        DSSMeaning sku = client.createMeaning("sku", "SKU", "PATTERN", null, null, null, "[A-Z]{3}-[0-9]{5}", null, false);
        ObjectNode definition = (ObjectNode) sku.getDefinition();
        definition.put("label", "Product SKU");
        sku.setDefinition(definition);
        sku.delete();

        assertThat(stub.only("POST", BASE + "/meanings/").json()).isEqualTo(json("{'id':'sku','label':'SKU','type':'PATTERN',"
                + "'description':null,'entries':null,'mappings':null,'pattern':'[A-Z]{3}-[0-9]{5}','normalizationMode':null,'detectable':false}"));
        assertThat(stub.only("PUT", BASE + "/meanings/sku").json()).isEqualTo(json("{'id':'sku','label':'Product SKU','type':'PATTERN','pattern':'x'}"));
    }
}
