package org.dsscontractkit.apiconnect.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectsAndDecodingTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();
    private final TestServer other = new TestServer();

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    @Test
    void credentialsFollowSameHostRedirectsButNotCrossHostOnes() {
        server.on("/start", (r, i) -> new Reply(302, Map.of("Location", "/moved"), ""));
        server.on("/moved", (r, i) -> new Reply(307, Map.of("Location", other.url("/final")), ""));
        other.on("/final", (r, i) -> Reply.json("[{\"x\": 1}]"));
        String yaml = """
                auth: {type: bearer, token: tok-123}
                endpoint: {url: '%s', headers: {X-Trace: t1}%s}
                """;
        assertThat(Fixtures.fetch(Fixtures.api(dir, yaml.formatted(server.url("/start"), "")), false)).hasSize(1);
        assertThat(server.requests("/moved").get(0).header("Authorization")).isEqualTo("Bearer tok-123");
        TestServer.Recorded fin = other.requests("/final").get(0);
        assertThat(fin.header("Authorization")).isNull();
        assertThat(fin.header("X-Trace")).isEqualTo("t1");

        assertThat(Fixtures.fetch(Fixtures.api(dir, yaml.formatted(server.url("/start"), ", redirectAuthHeader: true")), false)).hasSize(1);
        assertThat(other.requests("/final").get(1).header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void seeOtherTurnsPostIntoGetAnd307KeepsTheBody() {
        server.on("/post303", (r, i) -> new Reply(303, Map.of("Location", "/result"), ""));
        server.on("/post307", (r, i) -> new Reply(307, Map.of("Location", "/echo"), ""));
        server.on("/result", (r, i) -> Reply.json("{\"ok\": 1}"));
        server.on("/echo", (r, i) -> Reply.json("{\"got\": \"" + r.method() + " " + r.body().replace("\"", "'") + "\"}"));
        String yaml = "endpoint: {url: '%s', method: POST, body: {json: {a: 1}}}";
        Fixtures.fetch(Fixtures.api(dir, yaml.formatted(server.url("/post303"))), false);
        assertThat(server.requests("/result").get(0).method()).isEqualTo("GET");
        assertThat(server.requests("/result").get(0).body()).isEmpty();
        List<ObjectNode> rows = Fixtures.fetch(Fixtures.api(dir, yaml.formatted(server.url("/post307"))), false);
        assertThat(rows.get(0).get("got").asText()).isEqualTo("POST {'a':1}");
    }

    @Test
    void xmlBodiesBecomeTreesAsWithXmltodict() {
        server.on("/feed", (r, i) -> new Reply(200, Map.of("Content-Type", "application/xml; charset=utf-8"), """
                <?xml version="1.0"?>
                <feed version="2"><entry id="1"><title>One</title></entry><entry id="2"><title>Two</title></entry><note>hi</note></feed>
                """));
        List<ObjectNode> rows = Fixtures.fetch(Fixtures.api(dir, "endpoint: {url: '%s', dataPath: feed.entry}".formatted(server.url("/feed"))), false);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("@id").asText()).isEqualTo("1");
        assertThat(rows.get(1).get("title").asText()).isEqualTo("Two");
        server.on("/xxe", (r, i) -> new Reply(200, Map.of("Content-Type", "text/xml"),
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"));
        List<ObjectNode> raw = Fixtures.fetch(Fixtures.api(dir, "endpoint: {url: '%s'}".formatted(server.url("/xxe"))), false);
        assertThat(raw.get(0).get("api_response").asText()).startsWith("<!DOCTYPE").doesNotContain("root:");
    }

    @Test
    void gzipBodiesAreDecompressedAndTextBodiesKeptAsOneValue() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("[{\"z\": 1}]".getBytes());
        }
        String zipped = new String(gz.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        // TestServer writes UTF-8: send the gzip bytes through a dedicated handler instead.
        com.sun.net.httpserver.HttpServer raw = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        raw.createContext("/gz", ex -> {
            byte[] bytes = zipped.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        raw.start();
        try {
            List<ObjectNode> rows = Fixtures.fetch(Fixtures.api(dir, "endpoint: {url: 'http://127.0.0.1:%d/gz'}".formatted(raw.getAddress().getPort())), false);
            assertThat(rows.get(0).get("z").asInt()).isEqualTo(1);
        } finally {
            raw.stop(0);
        }
        server.on("/text", (r, i) -> new Reply(200, Map.of("Content-Type", "text/plain"), "just text"));
        assertThat(Fixtures.fetch(Fixtures.api(dir, "endpoint: {url: '%s'}".formatted(server.url("/text"))), false).get(0).get("api_response").asText())
                .isEqualTo("just text");
    }

    @Test
    void csvTextBodiesBecomeRowsWithASniffedDelimiter() {
        server.on("/csv", (r, i) -> new Reply(200, Map.of("Content-Type", "text/csv"), "id;name\n1;\"a;b\"\n2\n"));
        List<ObjectNode> rows = Fixtures.fetch(Fixtures.api(dir, "endpoint: {url: '%s'}".formatted(server.url("/csv"))), false);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("a;b");
        assertThat(rows.get(1).get("id").asText()).isEqualTo("2");
        assertThat(rows.get(1).has("name")).isFalse();
    }

    @Test
    void multipartBodyHasOnePartPerFieldAndItsOwnBoundary() {
        server.on("/upload", (r, i) -> Reply.json("{}"));
        ApiConnect api = Fixtures.api(Fixtures.write(dir, "m.yaml", "endpoint: {url: '%s', method: POST, body: {multipart: {name: '{{n}}', kind: doc}}}"
                .formatted(server.url("/upload"))), ApiConnect.Options.defaults(), java.util.Set.of("n"));
        api.transport().send(api.render(api.variables(Map.of("n", "report"))));
        TestServer.Recorded r = server.requests().get(0);
        String ct = r.header("Content-Type");
        assertThat(ct).startsWith("multipart/form-data; boundary=");
        String boundary = ct.substring(ct.indexOf('=') + 1);
        assertThat(r.body()).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nreport\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ndoc\r\n--" + boundary + "--\r\n");
    }
}
