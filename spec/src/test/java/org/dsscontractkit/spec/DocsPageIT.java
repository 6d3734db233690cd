package org.dsscontractkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dsscontractkit.spec.build.ApiDocument;
import org.dsscontractkit.spec.release.ReleaseHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opens the rendered docs in Debian's headless Chromium, served over HTTP the way the reference server will serve
 * them (docs at {@code /}, bundles at {@code /openapi/}), and checks that every operation of each document was
 * rendered with its x-dss-permission badge (and the permission vocabulary under the title), and that "Try it out"
 * offers the origin that served the page first. Saves screenshots under {@code spec/target/}. {@code -Dskip.browser=true} skips it where no Chromium is
 * installed; otherwise a missing Chromium fails the build.
 */
class DocsPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern OPBLOCK = Pattern.compile("class=\"opblock opblock-(\\w+)");
    private static final Pattern SUMMARY = Pattern.compile(
            "class=\"opblock-summary-description\"[^>]*>([^<]*)<");
    private static final Pattern SERVER_LIST = Pattern.compile("class=\"servers\".*?<select[^>]*>(.*?)</select>",
            Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");
    private static final Pattern PERMISSION_BADGE = Pattern.compile(
            "class=\"dss-permission\" data-permission=\"([^\"]*)\"");

    private static HttpServer server;
    private static String baseUrl;

    @BeforeAll
    static void serveDocs() throws IOException {
        assumeFalse(Boolean.getBoolean("skip.browser"), "browser test skipped (-Dskip.browser=true)");
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium,"
                    + " as .ci/run does) or skip this test with -Dskip.browser=true");
        }
        Path docs = docsDir();
        Path bundled = SpecPaths.bundledDir();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openapi/", exchange -> serve(exchange, bundled, "/openapi/"));
        server.createContext("/", exchange -> serve(exchange, docs, "/"));
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDocument.class)
    void everyOperationOfTheDocumentIsRendered(ApiDocument doc) throws Exception {
        JsonNode spec = new ObjectMapper().readTree(SpecPaths.bundledJson(doc).toFile());
        List<String> summaries = summaries(spec);
        String url = baseUrl + doc.fileStem() + ".html";

        String dom = chromium("--dump-dom", url);

        List<String> renderedSummaries = new ArrayList<>();
        Matcher s = SUMMARY.matcher(dom);
        while (s.find()) {
            renderedSummaries.add(unescape(s.group(1)));
        }
        long renderedOperations = OPBLOCK.matcher(dom).results().count();
        assertThat(dom).as("rendered page of %s", url).doesNotContain("Failed to load API definition");
        assertThat(renderedOperations).as("operations rendered on %s", url).isEqualTo(summaries.size());
        assertThat(renderedSummaries).as("operation summaries rendered on %s", url)
                .containsExactlyInAnyOrderElementsOf(summaries);
        assertThat(dom).contains(spec.at("/info/title").asText());
        assertThat(serverChoices(dom)).as("servers offered by \"Try it out\" on %s", url)
                .startsWith(servedHere(spec).toArray(String[]::new));
        assertThat(permissionBadges(dom)).as("x-dss-permission badges rendered on %s", url)
                .containsExactlyInAnyOrderElementsOf(permissions(spec));
        for (Iterator<String> names = spec.at("/info/x-dss-permissions").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(dom).as("permission legend of %s", url).contains("dss-permission-legend")
                    .contains(escape(spec.at("/info/x-dss-permissions/" + name + "/description").asText()));
        }

        Path shot = screenshotDir().resolve(doc == ApiDocument.DSS_PUBLIC_API ? "docs-screenshot.png"
                : "docs-screenshot-" + doc.fileStem() + ".png");
        screenshot(url, shot);
    }

    @Test
    void indexPageLinksBothDocumentsAndTheBundles() throws Exception {
        String dom = chromium("--dump-dom", baseUrl);
        for (ApiDocument doc : ApiDocument.values()) {
            JsonNode spec = new ObjectMapper().readTree(SpecPaths.bundledJson(doc).toFile());
            assertThat(dom).contains("href=\"" + doc.fileStem() + ".html\"")
                    .contains("href=\"openapi/" + doc.fileStem() + ".yaml\"")
                    .contains(escape(spec.at("/info/title").asText()));
            assertThat(fetch("openapi/" + doc.fileStem() + ".yaml")).startsWith("openapi: 3.0.3");
        }
        screenshot(baseUrl, screenshotDir().resolve("docs-screenshot-index.png"));
    }

    @Test
    void changelogPageIsLinkedFromEveryPageAndListsEachRelease() throws Exception {
        String index = chromium("--dump-dom", baseUrl);
        String reference = fetch(ApiDocument.DSS_PUBLIC_API.fileStem() + ".html");
        String changelog = chromium("--dump-dom", baseUrl + "changelog.html");

        assertThat(index).contains("href=\"changelog.html\"");
        assertThat(reference).contains("href=\"changelog.html\"");
        assertThat(changelog).contains("<h1>Changelog of the OpenAPI documents</h1>")
                .contains("<h2>Unreleased (since ");
        ReleaseHistory releases = new ReleaseHistory(Path.of(System.getProperty("spec.releasesDir", "releases")));
        assertThat(releases.releases()).as("release baselines in spec/releases").isNotEmpty();
        releases.releases().forEach(release -> assertThat(changelog).contains("<h2>" + release.version()));
        screenshot(baseUrl + "changelog.html", screenshotDir().resolve("docs-screenshot-changelog.png"));
    }

    /** The server dropdown of the page, in order. */
    private static List<String> serverChoices(String dom) {
        Matcher list = SERVER_LIST.matcher(dom);
        assertThat(list.find()).as("the page shows a server dropdown").isTrue();
        List<String> values = new ArrayList<>();
        Matcher option = OPTION.matcher(list.group(1));
        while (option.find()) {
            values.add(unescape(option.group(1)));
        }
        return values;
    }

    /** The origin that served the page, under each base path of the document's servers, in their order. */
    private static List<String> servedHere(JsonNode spec) {
        String origin = baseUrl.replaceAll("/$", "");
        List<String> expected = new ArrayList<>();
        for (JsonNode server : spec.path("servers")) {
            String url = origin + java.net.URI.create(server.path("url").asText()).getPath().replaceAll("/+$", "");
            if (!expected.contains(url)) {
                expected.add(url);
            }
        }
        assertThat(expected).isNotEmpty();
        return expected;
    }

    /** The x-dss-permission of every operation that has one, in document order. */
    private static List<String> permissions(JsonNode spec) {
        List<String> permissions = new ArrayList<>();
        for (JsonNode pathItem : spec.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (METHODS.contains(op.getKey()) && op.getValue().has("x-dss-permission")) {
                    permissions.add(op.getValue().path("x-dss-permission").asText());
                }
            }
        }
        return permissions;
    }

    private static List<String> permissionBadges(String dom) {
        List<String> badges = new ArrayList<>();
        Matcher m = PERMISSION_BADGE.matcher(dom);
        while (m.find()) {
            badges.add(unescape(m.group(1)));
        }
        return badges;
    }

    private static List<String> summaries(JsonNode spec) {
        List<String> summaries = new ArrayList<>();
        for (JsonNode pathItem : spec.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (METHODS.contains(op.getKey())) {
                    summaries.add(op.getValue().path("summary").asText());
                }
            }
        }
        assertThat(summaries).isNotEmpty();
        return summaries;
    }

    private static void screenshot(String url, Path file) throws Exception {
        Files.deleteIfExists(file);
        chromium("--screenshot=" + file.toAbsolutePath(), "--window-size=1400,1000", url);
        assertThat(file).as("screenshot of %s", url).exists();
        assertThat(Files.size(file)).as("screenshot size").isGreaterThan(10_000);
    }

    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + String.join(" ", command));
            }
            String stdout = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited " + p.exitValue() + ":\n" + Files.readString(err));
            }
            return stdout;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String fetch(String path) throws Exception {
        try (var in = java.net.URI.create(baseUrl + path).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void serve(HttpExchange exchange, Path root, String prefix) throws IOException {
        try (exchange) {
            String relative = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = root.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".yaml")) {
            return "application/yaml";
        } else if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private static Path docsDir() {
        Path docs = Path.of(System.getProperty("spec.docsDir", "target/docs")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(docs.resolve("index.html"))) {
            throw new AssertionError(docs.resolve("index.html") + " is missing: the spec build writes it");
        }
        return docs;
    }

    private static Path screenshotDir() {
        return Path.of(System.getProperty("spec.screenshotDir", "target"));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
