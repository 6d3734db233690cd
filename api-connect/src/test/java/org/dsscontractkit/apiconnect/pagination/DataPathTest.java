package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataPathTest {
    private final JsonNode doc = read("{\"a\": {\"b.c\": {\"items\": [1, 2]}, \"list\": [{\"x\": 5}]}, \"values\": [3]}");

    @Test
    void dotAndBracketNotations() {
        assertThat(DataPath.parse("values").find(doc).size()).isEqualTo(1);
        assertThat(DataPath.parse("a.[\"b.c\"].items").find(doc).size()).isEqualTo(2);
        assertThat(DataPath.parse("a[\"b.c\"].items").find(doc).size()).isEqualTo(2);
        assertThat(DataPath.parse("a.['b.c'].items").find(doc).size()).isEqualTo(2);
        assertThat(DataPath.parse("a.list[0].x").find(doc).asInt()).isEqualTo(5);
        assertThat(DataPath.parse("a.missing").find(doc)).isNull();
        assertThat(DataPath.parse("").isEmpty()).isTrue();
    }

    @Test
    void invalidPathsAreRejected() {
        assertThatThrownBy(() -> DataPath.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataPath.parse("a[\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataPath.parse("a[b]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextUrlPathAcceptsThePluginSpellings() {
        JsonNode page = read("{\"_links\": {\"next\": \"/p2\"}, \"Paging\": {\"@odata.nextLink\": \"n\"}, \"@odata.nextLink\": \"top\", \"links\": [{\"href\": \"h\"}]}");
        assertThat(NextUrlPath.read(NextUrlPath.compile("_links.next"), page)).isEqualTo("/p2");
        assertThat(NextUrlPath.read(NextUrlPath.compile("Paging.[\"@odata.nextLink\"]"), page)).isEqualTo("n");
        assertThat(NextUrlPath.read(NextUrlPath.compile("Paging.['@odata.nextLink']"), page)).isEqualTo("n");
        assertThat(NextUrlPath.read(NextUrlPath.compile("'@odata.nextLink'"), page)).isEqualTo("top");
        assertThat(NextUrlPath.read(NextUrlPath.compile("$['@odata.nextLink']"), page)).isEqualTo("top");
        assertThat(NextUrlPath.read(NextUrlPath.compile("links[0].href"), page)).isEqualTo("h");
        assertThat(NextUrlPath.read(NextUrlPath.compile("nothing.here"), page)).isNull();
        assertThatThrownBy(() -> NextUrlPath.compile("a[?(")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkHeaderNext() {
        assertThat(LinkHeader.next(java.util.List.of("<https://a/x?page=3>; rel=\"next\", <https://a/x?page=9>; rel=\"last\""))).isEqualTo("https://a/x?page=3");
        assertThat(LinkHeader.next(java.util.List.of("<https://a/x?page=1>; rel=\"prev first\""))).isNull();
    }

    private static JsonNode read(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
