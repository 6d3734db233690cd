package org.dsscontractkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsscontractkit.client.DSSClient;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference server as a frontend team's web app meets it, in Debian's headless Chromium: a page served from
 * another origin (another port, {@link WebApp}) lists the projects with {@code fetch} and an API key (so the browser
 * sends a CORS preflight first); a page from an origin the server does not allow gets nothing; and the docs page's
 * "Try it out" targets the server that served it.
 */
class ReferenceServerInTheBrowserIT {

    /** Not a local development origin: the server's default CORS policy refuses it. */
    private static final String FOREIGN_HOST = "app.example.test";

    private static HeadlessChromium chromium;
    private static WebApp app;
    private static ReferenceServerProcess server;
    private static String projectKey;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start("MAP " + FOREIGN_HOST + " 127.0.0.1");
        server = ReferenceServerProcess.get();
        projectKey = "BROWSER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        new DSSClient(server.baseUrl(), server.adminKey()).createProject(projectKey, "Seen from the browser", "admin");
        app = WebApp.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (projectKey != null) {
            new DSSClient(server.baseUrl(), server.adminKey()).getProject(projectKey).delete();
        }
    }

    @Test
    void aPageFromALocalDevelopmentOriginRendersTheProjectList() throws Exception {
        String page = app.projectsPage("localhost", server.directUrl(), server.adminKey());

        String dom = chromium.dumpDom(page);

        assertThat(WebApp.status(dom)).as("status line of %s", page).startsWith("loaded ");
        assertThat(dom).contains("<li class=\"project\" data-key=\"" + projectKey + "\">" + projectKey
                + ": Seen from the browser</li>");
    }

    @Test
    void aPageFromAnOriginTheServerDoesNotAllowGetsNothing() throws Exception {
        String page = app.projectsPage(FOREIGN_HOST, server.directUrl(), server.adminKey());

        String dom = chromium.dumpDom(page);

        assertThat(WebApp.status(dom)).as("status line of %s", page).isEqualTo("failed: TypeError: Failed to fetch");
        assertThat(dom).doesNotContain("class=\"project\"");
        // what the browser was told: the preflight is refused, and nothing in it lets that origin read an answer
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.directUrl() + "/dip/publicapi/projects/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://" + FOREIGN_HOST + ":3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        assertThat(preflight.body()).contains("--cors-origins");
    }

    @Test
    void theDocsPageTriesItOutOnTheServerThatServedIt() throws Exception {
        String dss = chromium.dumpDom(server.directUrl() + "/dss-public-api.html");
        String apiNode = chromium.dumpDom(server.directUrl() + "/apinode-user-api.html");

        assertThat(serverChoices(dss)).startsWith(server.directUrl() + "/public/api", server.directUrl() + "/dip/publicapi");
        assertThat(serverChoices(apiNode)).startsWith(server.directUrl());
    }

    private static List<String> serverChoices(String dom) {
        Matcher select = Pattern.compile("class=\"servers\".*?<select[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(dom);
        assertThat(select.find()).as("the docs page shows a server dropdown").isTrue();
        List<String> values = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\"").matcher(select.group(1));
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }
}
