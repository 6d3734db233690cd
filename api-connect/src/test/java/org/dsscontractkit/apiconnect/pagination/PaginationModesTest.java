package org.dsscontractkit.apiconnect.pagination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.dsscontractkit.apiconnect.dataset.DatasetFetch;
import org.dsscontractkit.apiconnect.preset.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationModesTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();

    @AfterEach
    void stop() { server.close(); }

    private List<ObjectNode> fetch(String yaml) {
        return Fixtures.fetch(Fixtures.api(dir, yaml), false);
    }

    @Test
    void nextUrlFromJsonPathReappendsConfiguredParamsWithoutDuplicates() {
        server.on("/items", (r, i) -> {
            String q = r.query();
            if (!q.contains("cursor")) return Reply.json("{\"data\": [{\"id\": 1}, {\"id\": 2}], \"_links\": {\"next\": \"" + server.url("/items") + "?cursor=b&limit=2\"}}");
            if (q.contains("cursor=b")) return Reply.json("{\"data\": [{\"id\": 3}], \"_links\": {\"next\": \"/items?cursor=c\"}}");
            return Reply.json("{\"data\": [{\"id\": 4}], \"_links\": {\"next\": null}}");
        });
        List<ObjectNode> rows = fetch("""
                endpoint: {url: '%s', query: {limit: 2}, dataPath: data}
                pagination: {type: next_page, nextUrlPath: _links.next}
                """.formatted(server.url("/items")));
        assertThat(rows).extracting(r -> r.get("id").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(server.requests()).extracting(TestServer.Recorded::query)
                .containsExactly("limit=2", "cursor=b&limit=2", "cursor=c&limit=2");
    }

    @Test
    void odataRelativeNextLinkWithBracketKey() {
        server.on("/odata/Orders", (r, i) -> Reply.json("{\"value\": [{\"n\": 1}], \"Paging\": {\"@odata.nextLink\": \"Orders?$skiptoken=1\"}}"));
        server.on("/odata/Orders2", (r, i) -> Reply.json("{}"));
        server.on("/odata/Orders", (r, i) -> r.query() == null
                ? Reply.json("{\"value\": [{\"n\": 1}], \"Paging\": {\"@odata.nextLink\": \"/Orders?$skiptoken=1\"}}")
                : Reply.json("{\"value\": [{\"n\": 2}], \"Paging\": {}}"));
        List<ObjectNode> rows = fetch("""
                variables: {base: '%s'}
                endpoint: {url: '{{{base}}}/Orders', dataPath: value}
                pagination: {type: next_page, nextUrlPath: 'Paging.["@odata.nextLink"]', relative: true, base: '{{{base}}}/'}
                """.formatted(server.url("/odata")));
        assertThat(rows).extracting(r -> r.get("n").asInt()).containsExactly(1, 2);
        assertThat(server.requests().get(1).uri().toString()).endsWith("/odata/Orders?$skiptoken=1");
    }

    @Test
    void rfc5988LinkHeaderWhenNoPathIsGivenDropsConfiguredParams() {
        server.on("/gh", (r, i) -> {
            String next = switch (i) {
                case 0 -> "<" + server.url("/gh") + "?page=2>; rel=\"next\", <" + server.url("/gh") + "?page=3>; rel=\"last\"";
                case 1 -> "</gh?page=3>; rel=\"next\"";
                default -> "<" + server.url("/gh") + "?page=1>; rel=\"first\"";
            };
            return new Reply(200, Map.of("Content-Type", "application/json", "Link", next), "[{\"i\": " + i + "}]");
        });
        List<ObjectNode> rows = fetch("""
                endpoint: {url: '%s', query: {per_page: 1}}
                pagination: {type: next_page}
                """.formatted(server.url("/gh")));
        assertThat(rows).hasSize(3);
        assertThat(server.requests()).extracting(TestServer.Recorded::query).containsExactly("per_page=1", "page=2", "page=3");
    }

    @Test
    void offsetPaginationStartsWithoutParamAndGrowsByBatchSize() {
        server.on("/off", (r, i) -> Reply.json(switch (i) {
            case 0 -> "{\"results\": [{\"a\":1},{\"a\":2},{\"a\":3}]}";
            case 1 -> "{\"results\": [{\"a\":4},{\"a\":5}]}";
            default -> "{\"results\": []}";
        }));
        assertThat(fetch("""
                endpoint: {url: '%s', query: {limit: 3}, dataPath: results}
                pagination: {type: offset, param: skip}
                """.formatted(server.url("/off")))).hasSize(5);
        assertThat(server.requests()).extracting(TestServer.Recorded::query)
                .containsExactly("limit=3", "limit=3&skip=3", "limit=3&skip=5");
    }

    @Test
    void pagePaginationIsOneBasedAndStopsOnEmptyArray() {
        server.on("/pg", (r, i) -> Reply.json(i < 2 ? "[{\"p\": " + i + "}]" : "[]"));
        assertThat(fetch("""
                endpoint: {url: '%s'}
                pagination: {type: page, param: page}
                """.formatted(server.url("/pg")))).hasSize(2);
        assertThat(server.requests()).extracting(TestServer.Recorded::query).containsExactly("page=1", "page=2", "page=3");
    }

    @Test
    void offsetOnAnObjectWithoutDataPathMakesOnePageLikeThePlugin() {
        server.on("/obj", (r, i) -> Reply.json("{\"a\": 1}"));
        assertThat(fetch("endpoint: {url: '%s'}\npagination: {type: offset, param: o}".formatted(server.url("/obj")))).hasSize(1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void loopIsDetectedWhenTheSamePageComesBack() {
        server.on("/loop", (r, i) -> Reply.json("{\"data\": [{\"x\": 1}], \"next\": \"" + server.url("/loop") + "?page=" + Math.min(i + 2, 3) + "\"}"));
        ApiConnect api = Fixtures.api(dir, """
                endpoint: {url: '%s', dataPath: data}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/loop")));
        assertThatThrownBy(() -> Fixtures.fetch(api, false)).isInstanceOf(LoopDetectedException.class)
                .hasMessageContaining("page 4 repeats").hasMessageContaining("page=3");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aCycleOfTwoPagesIsCaughtToo() {
        // A -> B -> C -> B: the plugin compares with the previous request only and would go on forever.
        server.on("/cycle", (r, i) -> Reply.json("{\"data\": [{\"i\": " + i + "}], \"next\": \"" + server.url("/cycle")
                + (r.query() != null && r.query().equals("p=2") ? "?p=3" : "?p=2") + "\"}"));
        ApiConnect api = Fixtures.api(dir, """
                endpoint: {url: '%s', dataPath: data}
                pagination: {type: next_page, nextUrlPath: next}
                """.formatted(server.url("/cycle")));
        assertThatThrownBy(() -> Fixtures.fetch(api, false)).isInstanceOf(LoopDetectedException.class)
                .hasMessageContaining("page 4 repeats");
        assertThat(server.requests()).extracting(TestServer.Recorded::query).containsExactly(null, "p=2", "p=3");
    }

    @Test
    void maxRowsIsCheckedPerPageAndMaxPagesStops() {
        server.on("/many", (r, i) -> Reply.json("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
        assertThat(fetch("endpoint: {url: '%s', maxRows: 4}\npagination: {type: page, param: p}".formatted(server.url("/many")))).hasSize(6);
        server.requests().clear();
        assertThat(fetch("endpoint: {url: '%s', maxPages: 2}\npagination: {type: page, param: p}".formatted(server.url("/many")))).hasSize(6);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void status204EndsPaginationWithNoRows() {
        server.on("/empty", (r, i) -> new Reply(204, Map.of(), null));
        assertThat(fetch("endpoint: {url: '%s'}\npagination: {type: page, param: p}".formatted(server.url("/empty")))).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void missingDataPathFailsTheDatasetAndHttpErrorsUseThePluginFormat() {
        server.on("/nokey", (r, i) -> Reply.json("{\"other\": []}"));
        assertThatThrownBy(() -> fetch("endpoint: {url: '%s', dataPath: data.items}".formatted(server.url("/nokey"))))
                .isInstanceOf(DatasetFetch.DataPathNotFoundException.class).hasMessageContaining("data.items");
        assertThatThrownBy(() -> fetch("endpoint: {url: '%s'}".formatted(server.url("/missing"))))
                .isInstanceOf(HttpStatusException.class).hasMessage("Error 404: {\"message\": \"Not Found\"}");
    }

    @Test
    void paginationConfigErrorsNameTheField() {
        assertThatThrownBy(() -> fetch("endpoint: {url: 'http://x'}\npagination: {type: offset}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pagination.param");
        assertThatThrownBy(() -> fetch("endpoint: {url: 'http://x'}\npagination: {type: next_page, nextUrlPath: 'a[?(@.x'}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pagination.nextUrlPath");
        assertThatThrownBy(() -> fetch("endpoint: {url: 'http://x'}\npagination: {type: next_page, nextUrlPath: n, relative: true}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pagination.base");
        assertThatThrownBy(() -> fetch("endpoint: {url: 'http://x', dataPath: 'a..b'}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("endpoint.dataPath");
    }
}
