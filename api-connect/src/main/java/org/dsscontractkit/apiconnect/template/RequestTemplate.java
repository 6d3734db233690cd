package org.dsscontractkit.apiconnect.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dsscontractkit.apiconnect.preset.Preset;
import org.dsscontractkit.apiconnect.transport.RequestSpec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint section compiled once: URL, query values, header values and body are templates, rendered per call.
 * Empty configured values are dropped, as the plugin drops key/value pairs with an empty key or value.
 */
public final class RequestTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum BodyKind { NONE, JSON, FORM, MULTIPART, RAW }

    private final String method;
    private final Template url;
    private final List<Map.Entry<String, Template>> query = new ArrayList<>();
    private final Map<String, Template> headers = new LinkedHashMap<>();
    private final BodyKind bodyKind;
    private final JsonNode jsonBody;
    private final Map<String, Template> jsonTemplates = new LinkedHashMap<>();
    private final Map<String, Template> form = new LinkedHashMap<>();
    private final Template raw;
    private final String contentType;
    private final List<Template> all = new ArrayList<>();

    public RequestTemplate(Preset.Endpoint e, TemplateEngine engine) {
        if (e == null || e.url() == null || e.url().isBlank()) {
            throw engine.error("endpoint.url", "required (or use --openapi with --operation)");
        }
        this.method = e.method() == null ? "GET" : e.method().toUpperCase(Locale.ROOT);
        this.url = add(engine.compile(e.url().trim(), "endpoint.url", Escaping.URL_COMPONENT));
        if (e.query() != null) {
            e.query().forEach((name, value) -> {
                List<JsonNode> values = new ArrayList<>();
                if (value.isArray()) value.forEach(values::add); else values.add(value);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i).asText();
                    if (name.isBlank() || v.isBlank()) continue;
                    String field = "endpoint.query." + name + (value.isArray() ? "[" + i + "]" : "");
                    query.add(Map.entry(name, add(engine.compile(v, field, Escaping.NONE))));
                }
            });
        }
        headers.put("Accept", engine.compile("application/json", "endpoint.headers.Accept", Escaping.NONE));
        if (e.headers() != null) {
            e.headers().forEach((name, value) -> {
                if (name.isBlank() || value == null || value.isBlank()) return;
                headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
                headers.put(name, add(engine.compile(value, "endpoint.headers." + name, Escaping.NONE)));
            });
        }
        Preset.Body body = e.body();
        if (body == null || (body.json() == null && body.form() == null && body.multipart() == null && body.raw() == null)) {
            bodyKind = BodyKind.NONE;
            jsonBody = null;
            raw = null;
            contentType = body == null ? null : body.contentType();
        } else if (body.json() != null) {
            bodyKind = BodyKind.JSON;
            jsonBody = body.json();
            compileJson(jsonBody, "endpoint.body.json", engine);
            raw = null;
            contentType = body.contentType() == null ? "application/json" : body.contentType();
        } else if (body.multipart() != null) {
            bodyKind = BodyKind.MULTIPART;
            jsonBody = null;
            body.multipart().forEach((k, v) -> form.put(k, add(engine.compile(v, "endpoint.body.multipart." + k, Escaping.NONE))));
            raw = null;
            contentType = null;
        } else if (body.form() != null) {
            bodyKind = BodyKind.FORM;
            jsonBody = null;
            body.form().forEach((k, v) -> form.put(k, add(engine.compile(v, "endpoint.body.form." + k, Escaping.NONE))));
            raw = null;
            contentType = body.contentType() == null ? "application/x-www-form-urlencoded" : body.contentType();
        } else {
            bodyKind = BodyKind.RAW;
            jsonBody = null;
            raw = add(engine.compile(body.raw(), "endpoint.body.raw", Escaping.NONE));
            contentType = body.contentType() == null ? "text/plain; charset=utf-8" : body.contentType();
        }
    }

    private Template add(Template t) {
        all.add(t);
        return t;
    }

    private void compileJson(JsonNode node, String pointer, TemplateEngine engine) {
        if (node.isTextual()) {
            jsonTemplates.put(pointer, add(engine.compile(node.asText(), pointer, Escaping.NONE)));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                compileJson(f.getValue(), pointer + "." + f.getKey(), engine);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) compileJson(node.get(i), pointer + "[" + i + "]", engine);
        }
    }

    private JsonNode renderJson(JsonNode node, String pointer, Map<String, ?> vars) {
        if (node.isTextual()) return TextNode.valueOf(jsonTemplates.get(pointer).render(vars));
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), renderJson(f.getValue(), pointer + "." + f.getKey(), vars));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) out.add(renderJson(node.get(i), pointer + "[" + i + "]", vars));
            return out;
        }
        return node;
    }

    public String method() { return method; }

    public Template url() { return url; }

    /** Every template, for the before-the-first-call variable check. */
    public List<Template> templates() { return all; }

    public Set<String> variables() {
        Set<String> v = new LinkedHashSet<>();
        all.forEach(t -> v.addAll(t.variables()));
        return v;
    }

    public RequestSpec render(Map<String, ?> vars) {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        for (Map.Entry<String, Template> e : query) q.add(Map.entry(e.getKey(), e.getValue().render(vars)));
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, t) -> h.put(k, t.render(vars)));
        byte[] bytes = null;
        switch (bodyKind) {
            case JSON -> bytes = renderJson(jsonBody, "endpoint.body.json", vars).toString().getBytes(StandardCharsets.UTF_8);
            case FORM -> {
                StringBuilder sb = new StringBuilder();
                form.forEach((k, t) -> {
                    if (sb.length() > 0) sb.append('&');
                    sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(t.render(vars), StandardCharsets.UTF_8));
                });
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            case MULTIPART -> {
                // The boundary must be in Content-Type: ours replaces any configured one (the plugin's default
                // JSON Content-Type broke multipart calls until users deleted it).
                String boundary = "----api-connect-" + java.util.UUID.randomUUID();
                StringBuilder sb = new StringBuilder();
                form.forEach((k, t) -> sb.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(k.replace("\"", "%22")).append("\"\r\n\r\n")
                        .append(t.render(vars)).append("\r\n"));
                sb.append("--").append(boundary).append("--\r\n");
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                h.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
                h.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            }
            case RAW -> bytes = raw.render(vars).getBytes(StandardCharsets.UTF_8);
            default -> { }
        }
        if (bytes != null && contentType != null && h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            h.put("Content-Type", contentType);
        }
        return new RequestSpec(method, url.render(vars), q, h, bytes);
    }
}
