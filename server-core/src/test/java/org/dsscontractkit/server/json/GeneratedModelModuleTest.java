package org.dsscontractkit.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.server.generated.dss.model.DatasetSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedModelModuleTest {
    @Test
    void mapModelsKeepUnknownAttributesAndFillTypedProperties() throws Exception {
        String json = "{\"name\":\"ds\",\"type\":\"UploadedFiles\",\"tags\":[\"t\"],\"undocumented\":{\"x\":1}}";
        DatasetSettings s = JsonMapping.MAPPER.readValue(json, DatasetSettings.class);
        assertThat(s.getName()).isEqualTo("ds");
        assertThat(s.getTags()).containsExactly("t");
        JsonNode back = JsonMapping.MAPPER.valueToTree(s);
        assertThat(back.path("undocumented").path("x").asInt()).isEqualTo(1);
        assertThat(back.path("type").asText()).isEqualTo("UploadedFiles");
    }
}
