package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.ApiConnect;
import org.dsscontractkit.apiconnect.openapi.OpenApiOperation;
import org.dsscontractkit.apiconnect.preset.PresetLoader;
import org.dsscontractkit.apiconnect.template.UnknownVariables;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options shared by fetch and recipe: presets, variables, limits, OpenAPI binding. */
public final class CallOptions {
    @Option(names = {"-p", "--preset"}, paramLabel = "FILE",
            description = "Preset file (YAML or JSON); repeat to merge several, later files win field by field.")
    List<Path> presets = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Extra template variable (wins over presets and columns).")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = "--unknown-variables", paramLabel = "fail|literal",
            description = "fail (default): an unknown {{variable}} stops before the first call; literal: keep it as text, like the plugin.")
    String unknownVariables;

    @Option(names = "--rate-limit", paramLabel = "RPM", description = "Requests per minute, shared by all workers (overrides endpoint.requestsPerMinute).")
    Double requestsPerMinute;

    @Option(names = "--retries", paramLabel = "N", description = "Retries on 429/5xx and transport errors (overrides endpoint.retry.maxRetries).")
    Integer retries;

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N pages (per input row in a recipe).")
    Integer maxPages;

    @Option(names = "--max-rows", paramLabel = "N", description = "Stop after the page that reaches N rows (plugin maximum_number_rows).")
    Long maxRows;

    @Option(names = "--openapi", paramLabel = "SPEC", description = "OpenAPI 3 document (file or URL) describing the endpoint.")
    String openApi;

    @Option(names = "--operation", paramLabel = "OPERATION_ID", description = "operationId to call (with --openapi).")
    String operation;

    @Option(names = "--server", paramLabel = "URL", description = "Base URL replacing the OpenAPI document's first server.")
    String server;

    @Option(names = "--raw", description = "One api_response JSON column instead of one column per top-level key.")
    boolean raw;

    @Option(names = "--metadata", description = "Add dku_status_code, dku_request_duration, dku_response_headers.")
    boolean metadata;

    @Option(names = "--collision-prefix", paramLabel = "PREFIX",
            description = "Put before a response field named like an input column or a dku_* column, so both are kept (default: ${DEFAULT-VALUE}).")
    String collisionPrefix = org.dsscontractkit.apiconnect.dataset.ResultColumns.DEFAULT_PREFIX;

    @Option(names = {"-v", "--verbose"}, description = "Log each request (secrets redacted) to stderr.")
    boolean verbose;

    PresetLoader.Loaded loadPresets() {
        if (presets.isEmpty() && openApi == null) {
            throw new org.dsscontractkit.apiconnect.preset.ConfigException(null, "--preset", "give at least one --preset (or --openapi with --operation)");
        }
        return new PresetLoader().load(presets);
    }

    ApiConnect build(Set<String> rowVariables) {
        PresetLoader.Loaded loaded = loadPresets();
        OpenApiOperation op = null;
        if (openApi != null || operation != null) {
            if (openApi == null || operation == null) {
                throw new org.dsscontractkit.apiconnect.preset.ConfigException(null, openApi == null ? "--openapi" : "--operation",
                        "--openapi and --operation go together");
            }
            op = OpenApiOperation.load(openApi, operation, server);
        }
        ApiConnect.Options options = ApiConnect.Options.defaults()
                .withVariables(vars)
                .withUnknownVariables(unknownVariables == null ? null : parseUnknown(unknownVariables))
                .withRequestsPerMinute(requestsPerMinute)
                .withMaxRetries(retries)
                .withLimits(maxPages, maxRows)
                .withOpenApi(op)
                .withLog(verbose ? s -> System.err.println("api-connect: " + s) : null);
        return ApiConnect.create(loaded, options, rowVariables);
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** Renamed response fields are reported on stderr, once each, even with --quiet: the output's columns changed. */
    org.dsscontractkit.apiconnect.dataset.ResultColumns resultColumns() {
        if (collisionPrefix == null || collisionPrefix.isEmpty()) {
            throw new org.dsscontractkit.apiconnect.preset.ConfigException(null, "--collision-prefix", "must not be empty");
        }
        java.io.PrintWriter err = command.commandLine().getErr();
        return new org.dsscontractkit.apiconnect.dataset.ResultColumns(collisionPrefix, w -> err.println("api-connect: warning: " + w));
    }

    private static UnknownVariables parseUnknown(String s) {
        try {
            return UnknownVariables.parse(s);
        } catch (IllegalArgumentException e) {
            throw new org.dsscontractkit.apiconnect.preset.ConfigException(null, "--unknown-variables", "expected fail or literal, got '" + s + "'");
        }
    }
}
