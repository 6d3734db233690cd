package org.dsscontractkit.spec.build;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the offline HTML docs: an index page and one Swagger UI page per bundled document. The bundle is embedded
 * as a script ({@code <name>.spec.js}), not fetched, so the page works from {@code file://} as well as over HTTP,
 * and every script and stylesheet is copied next to it from the Swagger UI webjar — nothing loads from a CDN. The
 * changelog page is the spec build's Markdown changelog rendered with commonmark.
 */
public final class DocsSite {

    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String CHANGELOG_LINK = "<p class=\"changelog-link\"><a href=\"changelog.html\">Changelog</a>:"
            + " operations added, deprecated, changed and removed in each release, breaking changes with their reason.</p>";
    private static final List<String> SWAGGER_UI_FILES = List.of("swagger-ui-bundle.js", "swagger-ui.css",
            "favicon-32x32.png", "favicon-16x16.png");

    /** @param changelog the changelog in Markdown (rendered as {@code changelog.html}), or null for none */
    public void write(List<Bundler.Bundle> bundles, String changelog, Path docsDir) {
        try {
            Files.createDirectories(docsDir.resolve("assets/swagger-ui"));
            Files.createDirectories(docsDir.resolve("openapi"));
            copySwaggerUi(docsDir.resolve("assets/swagger-ui"));
            writeResource("docs-template/docs.css", docsDir.resolve("assets/docs.css"));
            writeResource("docs-template/api-page.js", docsDir.resolve("assets/api-page.js"));
            String apiTemplate = resource("docs-template/api.html");
            StringBuilder cards = new StringBuilder();
            for (Bundler.Bundle bundle : bundles) {
                String name = bundle.name();
                Files.writeString(docsDir.resolve("openapi/" + name + ".yaml"), bundle.yaml());
                Files.writeString(docsDir.resolve("openapi/" + name + ".json"), bundle.json());
                Files.writeString(docsDir.resolve(name + ".spec.js"),
                        "window.OPENAPI_SPEC = " + scriptSafe(bundle.json()) + ";\n");
                String title = bundle.openApi().getInfo() == null ? name
                        : Objects.toString(bundle.openApi().getInfo().getTitle(), name);
                Files.writeString(docsDir.resolve(name + ".html"), apiTemplate
                        .replace("{{title}}", html(title))
                        .replace("{{name}}", name));
                cards.append(card(bundle, title));
            }
            Files.writeString(docsDir.resolve("index.html"), resource("docs-template/index.html")
                    .replace("{{cards}}", cards.toString())
                    .replace("{{changelog}}", changelog == null ? "" : CHANGELOG_LINK));
            if (changelog != null) {
                Files.writeString(docsDir.resolve("changelog.html"), resource("docs-template/changelog.html")
                        .replace("{{content}}", HtmlRenderer.builder().build().render(Parser.builder().build()
                                .parse(changelog))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the docs into " + docsDir + ": " + e.getMessage(), e);
        }
    }

    private static String card(Bundler.Bundle bundle, String title) {
        OpenAPI api = bundle.openApi();
        int operations = 0;
        TreeSet<String> tags = new TreeSet<>();
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().values()) {
                for (Operation op : item.readOperations()) {
                    operations++;
                    if (op.getTags() != null) {
                        tags.addAll(op.getTags());
                    }
                }
            }
        }
        String version = api.getInfo() == null ? "" : Objects.toString(api.getInfo().getVersion(), "");
        String name = bundle.name();
        return """
                <section class="api-card">
                  <h2><a href="%s.html">%s</a></h2>
                  <p class="meta">version %s &middot; <span class="operation-count">%d</span> operations &middot; %d tags</p>
                  <p class="tags">%s</p>
                  <p class="links"><a href="%s.html">Browse the reference</a> &middot;
                     <a href="openapi/%s.yaml">OpenAPI YAML</a> &middot; <a href="openapi/%s.json">OpenAPI JSON</a></p>
                </section>
                """.formatted(name, html(title), html(version), operations, tags.size(),
                html(String.join(", ", tags)), name, name, name);
    }

    private static void copySwaggerUi(Path target) throws IOException {
        String version;
        try (InputStream in = stream(WEBJAR_PROPERTIES)) {
            Properties p = new Properties();
            p.load(in);
            version = p.getProperty("version");
        }
        for (String file : SWAGGER_UI_FILES) {
            try (InputStream in = stream("META-INF/resources/webjars/swagger-ui/" + version + "/" + file)) {
                Files.write(target.resolve(file), in.readAllBytes());
            }
        }
    }

    private static void writeResource(String resource, Path target) throws IOException {
        Files.writeString(target, resource(resource));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = DocsSite.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name
                    + " (is org.webjars:swagger-ui on the spec module's classpath?)");
        }
        return in;
    }

    /** JSON is valid JavaScript; only a literal "</script" could end the script element early. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
