package org.dsscontractkit.apiconnect;

import com.fasterxml.jackson.databind.JsonNode;
import org.dsscontractkit.apiconnect.auth.AuthFactory;
import org.dsscontractkit.apiconnect.auth.ClientCertificate;
import org.dsscontractkit.apiconnect.auth.Authenticator;
import org.dsscontractkit.apiconnect.auth.Redactor;
import org.dsscontractkit.apiconnect.auth.SecretResolver;
import org.dsscontractkit.apiconnect.openapi.OpenApiOperation;
import org.dsscontractkit.apiconnect.pagination.DataPath;
import org.dsscontractkit.apiconnect.pagination.NextUrlPath;
import org.dsscontractkit.apiconnect.pagination.PageFetcher;
import org.dsscontractkit.apiconnect.pagination.PaginationMode;
import org.dsscontractkit.apiconnect.pagination.PaginationSettings;
import org.dsscontractkit.apiconnect.preset.Preset;
import org.dsscontractkit.apiconnect.preset.PresetLoader;
import org.dsscontractkit.apiconnect.preset.PresetSources;
import org.dsscontractkit.apiconnect.template.Escaping;
import org.dsscontractkit.apiconnect.template.RequestTemplate;
import org.dsscontractkit.apiconnect.template.Template;
import org.dsscontractkit.apiconnect.template.TemplateEngine;
import org.dsscontractkit.apiconnect.template.UnknownVariables;
import org.dsscontractkit.apiconnect.template.VariableSet;
import org.dsscontractkit.apiconnect.transport.HttpTransport;
import org.dsscontractkit.apiconnect.transport.RateLimiter;
import org.dsscontractkit.apiconnect.transport.RequestSpec;
import org.dsscontractkit.apiconnect.transport.RetryPolicy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything one run needs, built and checked from a preset before any call: templates compiled, variables
 * known, auth ready, pagination understood. Any mistake is a ConfigException naming file and field.
 */
public final class ApiConnect {
    /** Command-line level options that complete or override the preset. */
    public record Options(Map<String, String> variables, UnknownVariables unknownVariables, Double requestsPerMinute,
                          Integer maxRetries, Integer maxPages, Long maxRows, Function<String, String> env,
                          Consumer<String> log, OpenApiOperation openApi) {
        public static Options defaults() {
            return new Options(Map.of(), null, null, null, null, null, System::getenv, null, null);
        }

        public Options withVariables(Map<String, String> vars) {
            return new Options(vars, unknownVariables, requestsPerMinute, maxRetries, maxPages, maxRows, env, log, openApi);
        }

        public Options withRequestsPerMinute(Double rpm) {
            return new Options(variables, unknownVariables, rpm, maxRetries, maxPages, maxRows, env, log, openApi);
        }

        public Options withMaxRetries(Integer n) {
            return new Options(variables, unknownVariables, requestsPerMinute, n, maxPages, maxRows, env, log, openApi);
        }

        public Options withUnknownVariables(UnknownVariables u) {
            return new Options(variables, u, requestsPerMinute, maxRetries, maxPages, maxRows, env, log, openApi);
        }

        public Options withOpenApi(OpenApiOperation op) {
            return new Options(variables, unknownVariables, requestsPerMinute, maxRetries, maxPages, maxRows, env, log, op);
        }

        public Options withLog(Consumer<String> l) {
            return new Options(variables, unknownVariables, requestsPerMinute, maxRetries, maxPages, maxRows, env, l, openApi);
        }

        public Options withEnv(Function<String, String> e) {
            return new Options(variables, unknownVariables, requestsPerMinute, maxRetries, maxPages, maxRows, e, log, openApi);
        }

        public Options withLimits(Integer pages, Long rows) {
            return new Options(variables, unknownVariables, requestsPerMinute, maxRetries, pages, rows, env, log, openApi);
        }
    }

    private final Redactor redactor;
    private final HttpTransport transport;
    private final RequestTemplate request;
    private final VariableSet variables;
    private final PaginationSettings pagination;
    private final OpenApiOperation openApi;
    private final TemplateEngine engine;

    private ApiConnect(Redactor redactor, HttpTransport transport, RequestTemplate request, VariableSet variables,
                       PaginationSettings pagination, OpenApiOperation openApi, TemplateEngine engine) {
        this.redactor = redactor;
        this.transport = transport;
        this.request = request;
        this.variables = variables;
        this.pagination = pagination;
        this.openApi = openApi;
        this.engine = engine;
    }

    /**
     * @param rowColumns the recipe's variable names from the input (after renaming); empty for a dataset fetch
     */
    public static ApiConnect create(PresetLoader.Loaded loaded, Options options, Set<String> rowColumns) {
        Preset preset = loaded.preset();
        PresetSources sources = loaded.sources();
        Redactor redactor = new Redactor();
        SecretResolver secrets = new SecretResolver(options.env() == null ? System::getenv : options.env(), redactor, sources);

        UnknownVariables unknown = options.unknownVariables() != null ? options.unknownVariables()
                : preset.templates() == null ? UnknownVariables.FAIL : UnknownVariables.parse(preset.templates().unknownVariables());
        TemplateEngine engine = new TemplateEngine(unknown, sources, redactor::redact);

        Preset.Endpoint endpoint = preset.endpoint();
        Map<String, String> cliVars = options.variables() == null ? Map.of() : options.variables();

        Map<String, Template> presetVars = new LinkedHashMap<>();
        if (preset.variables() != null) {
            for (Map.Entry<String, JsonNode> e : preset.variables().entrySet()) {
                String field = "variables." + e.getKey();
                boolean secret = e.getValue().isObject();
                String value = secrets.resolve(e.getValue(), field, secret);
                presetVars.put(e.getKey(), engine.compile(value, field, Escaping.NONE));
            }
        }

        int timeoutSeconds = endpoint == null || endpoint.timeoutSeconds() == null ? 3600 : endpoint.timeoutSeconds();
        Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : null;
        boolean insecure = endpoint != null && Boolean.TRUE.equals(endpoint.ignoreSslCheck());
        HttpClient client = HttpTransport.newClient(timeout, insecure, clientKeys(preset.auth(), secrets, sources));
        Authenticator auth = AuthFactory.create(preset.auth(), secrets, client, timeout);

        Set<String> known = new VariableSet(auth.templateVariables(), presetVars, cliVars)
                .names(rowColumns == null ? Set.of() : rowColumns, engine);

        if (options.openApi() != null) {
            endpoint = options.openApi().applyTo(endpoint, known);
        }
        RequestTemplate request = new RequestTemplate(endpoint, engine);
        for (Template t : request.templates()) engine.requireKnown(t, known);

        PaginationSettings pagination = pagination(preset.pagination(), endpoint, engine, known, options);
        double rpm = options.requestsPerMinute() != null ? options.requestsPerMinute()
                : endpoint.requestsPerMinute() == null ? -1 : endpoint.requestsPerMinute();
        RetryPolicy retry = retry(endpoint.retry(), options.maxRetries(), options.log());
        Consumer<String> log = options.log() == null ? null : s -> options.log().accept(redactor.redact(s));
        HttpTransport transport = new HttpTransport(client, auth, new RateLimiter(rpm), retry, timeout, redactor, log,
                Boolean.TRUE.equals(endpoint.redirectAuthHeader()));
        VariableSet vars = new VariableSet(auth.templateVariables(), presetVars, cliVars);
        return new ApiConnect(redactor, transport, request, vars, pagination, options.openApi(), engine);
    }

    private static PaginationSettings pagination(Preset.Pagination p, Preset.Endpoint e, TemplateEngine engine,
                                                 Set<String> known, Options options) {
        DataPath dataPath;
        try {
            dataPath = DataPath.parse(e.dataPath());
        } catch (IllegalArgumentException ex) {
            throw engine.error("endpoint.dataPath", "invalid path '" + e.dataPath() + "': " + ex.getMessage());
        }
        int maxPages = options.maxPages() != null ? options.maxPages() : e.maxPages() == null ? -1 : e.maxPages();
        long maxRows = options.maxRows() != null ? options.maxRows() : e.maxRows() == null ? -1 : e.maxRows();
        if (p == null || p.type() == null || p.type().equals("none")) {
            return new PaginationSettings(PaginationMode.NONE, null, false, null, null, dataPath, maxPages, maxRows);
        }
        switch (p.type()) {
            case "next_page":
            case "link_header": {
                boolean explicitLink = p.type().equals("link_header");
                if (explicitLink || p.nextUrlPath() == null || p.nextUrlPath().isBlank()) {
                    return new PaginationSettings(PaginationMode.LINK_HEADER, null, false, null, null, dataPath, maxPages, maxRows);
                }
                com.jayway.jsonpath.JsonPath path;
                try {
                    path = NextUrlPath.compile(p.nextUrlPath());
                } catch (IllegalArgumentException ex) {
                    throw engine.error("pagination.nextUrlPath", "invalid JSON path '" + p.nextUrlPath() + "': " + ex.getMessage());
                }
                boolean relative = Boolean.TRUE.equals(p.relative());
                Template base = null;
                if (relative) {
                    if (p.base() == null || p.base().isBlank()) {
                        throw engine.error("pagination.base", "required when pagination.relative is true");
                    }
                    base = engine.compile(p.base(), "pagination.base", Escaping.URL_COMPONENT);
                    engine.requireKnown(base, known);
                }
                return new PaginationSettings(PaginationMode.NEXT_URL, path, relative, base, null, dataPath, maxPages, maxRows);
            }
            case "offset":
            case "page": {
                if (p.param() == null || p.param().isBlank()) {
                    // The plugin sends the same request twice and then reports a loop; say it up front instead.
                    throw engine.error("pagination.param", "required for pagination type " + p.type());
                }
                PaginationMode mode = p.type().equals("offset") ? PaginationMode.OFFSET : PaginationMode.PAGE;
                return new PaginationSettings(mode, null, false, null, p.param(), dataPath, maxPages, maxRows);
            }
            default:
                throw engine.error("pagination.type", "unknown pagination type '" + p.type() + "'");
        }
    }

    private static javax.net.ssl.KeyManager[] clientKeys(Preset.Auth auth, SecretResolver secrets, PresetSources sources) {
        if (auth == null || auth.mtls() == null) return null;
        Preset.Mtls m = auth.mtls();
        if (m.keystore() != null) {
            return ClientCertificate.fromPkcs12(java.nio.file.Path.of(m.keystore()),
                    secrets.resolve(m.password(), "auth.mtls.password", true), "auth.mtls", sources);
        }
        return ClientCertificate.fromPem(secrets.resolve(m.certificate(), "auth.mtls.certificate", false),
                secrets.resolve(m.key(), "auth.mtls.key", true), "auth.mtls", sources);
    }

    private static RetryPolicy retry(Preset.Retry r, Integer override, Consumer<String> log) {
        int max = override != null ? override : r == null || r.maxRetries() == null ? 3 : r.maxRetries();
        if (max <= 0) return RetryPolicy.none();
        long initial = r == null || r.initialBackoffMillis() == null ? 500 : r.initialBackoffMillis();
        long maxBackoff = r == null || r.maxBackoffMillis() == null ? 30_000 : r.maxBackoffMillis();
        long maxAfter = r == null || r.maxRetryAfterSeconds() == null ? 300 : r.maxRetryAfterSeconds();
        Set<Integer> statuses = new HashSet<>(r == null || r.onStatus() == null ? RetryPolicy.DEFAULT_STATUSES : r.onStatus());
        return new RetryPolicy(max, Duration.ofMillis(initial), Duration.ofMillis(maxBackoff), statuses,
                Duration.ofSeconds(maxAfter), log);
    }

    public Redactor redactor() { return redactor; }

    public HttpTransport transport() { return transport; }

    public RequestTemplate request() { return request; }

    public PaginationSettings pagination() { return pagination; }

    public OpenApiOperation openApi() { return openApi; }

    public TemplateEngine engine() { return engine; }

    public Map<String, Object> variables(Map<String, String> row) { return variables.resolve(row); }

    public RequestSpec render(Map<String, Object> vars) { return request.render(vars); }

    /** A pager for one dataset read or one recipe row (each has its own loop detection, like the plugin's client). */
    public PageFetcher pager() { return new PageFetcher(transport, pagination); }
}
