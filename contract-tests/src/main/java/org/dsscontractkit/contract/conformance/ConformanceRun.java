package org.dsscontractkit.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.OpenApiDocument;

/**
 * A conformance run against a live DSS and/or API node: the read-only walk, the write scenarios when allowed, the API
 * node verbs when a node is given, every exchange validated against the kit's documents.
 */
public final class ConformanceRun {

    /**
     * What to check and how.
     *
     * @param dssUrl         the DSS (host, or a {@code /public/api} or {@code /dip/publicapi} base), or null
     * @param apiKey         the DSS API key
     * @param projects       only these projects (all the key may read when empty), at most {@code sample}
     * @param sample         items of each list followed
     * @param allowWrites    run the write scenarios in a scratch project
     * @param scratchProject the scratch project's key (must not exist)
     * @param sqlConnection  connection for the SQL scenario, or null
     * @param sqlQuery       the (read) query run there
     * @param apiNodeUrl     the API node, or null
     * @param services       its services to call
     * @param serviceKey     API key sent to them, or null
     * @param apiNodeAdminKey admin key to list the services' endpoints, or null
     * @param endpoints      endpoint ids to call when they cannot be listed
     * @param insecure       accept any TLS certificate and host name
     * @param timeout        per request
     */
    public record Options(String dssUrl, String apiKey, List<String> projects, int sample, boolean allowWrites,
                          String scratchProject, String sqlConnection, String sqlQuery, String apiNodeUrl,
                          List<String> services, String serviceKey, String apiNodeAdminKey, List<String> endpoints,
                          boolean insecure, Duration timeout) {
    }

    /** The target cannot be checked at all (unreachable, TLS failure, key refused): bad input, one line. */
    public static final class BadTarget extends IllegalArgumentException {
        BadTarget(String message) {
            super(message);
        }
    }

    private ConformanceRun() {
    }

    public static ConformanceReport run(Options options, PrintWriter progress) {
        Instant started = Instant.now();
        Transport transport = new Transport(options.insecure(), options.timeout());
        DssBase dssBase = options.dssUrl() == null ? null : DssBase.parse("--url", options.dssUrl());
        DssBase nodeBase = options.apiNodeUrl() == null ? null : DssBase.apiNode("--apinode-url", options.apiNodeUrl());
        ConformanceLog log = new ConformanceLog();
        List<OpenApiDocument> checked = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        String version = null;
        try {
            JsonNode whoAmI = null;
            if (dssBase != null) {
                Transport.Reply probe = probe(transport, dssBase, options.apiKey());
                whoAmI = ApiCaller.JSON.readTree(probe.body());
                version = probe.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("DSS-Version"))
                        .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
            }
            // parsed once the target answers: a wrong URL or key is told at once
            List<OpenApiDocument> bundled = OpenApiDocument.bundled(); // DSS first, then the API node
            ContractValidator validator = new ContractValidator(bundled);
            if (dssBase != null) {
                OpenApiDocument dssDocument = bundled.get(0);
                ApiCaller dss = new ApiCaller(dssDocument, dssBase, transport, validator, log, options.apiKey(),
                        options.allowWrites());
                checked.add(dssDocument);
                String login = whoAmI.path("authIdentifier").asText("the key's user");
                progress.println("Checking " + dssBase + (version == null ? "" : " (DSS " + version + ")") + " as "
                        + login + (options.allowWrites() ? ", with writes in scratch project " + options.scratchProject()
                        : ", read-only"));
                try {
                    new DssReadWalk(dss, options.sample(), options.projects(), options.apiKey()).run();
                } catch (IllegalStateException | ClassCastException | NullPointerException e) {
                    stopped.add("the read-only walk stopped early (" + e + "); the report covers what it did");
                }
                if (options.allowWrites()) {
                    ScratchProjectScenarios scenarios = new ScratchProjectScenarios(dss, options.scratchProject(),
                            login, options.sqlConnection(), options.sqlQuery());
                    try {
                        scenarios.run();
                    } catch (IllegalStateException | ClassCastException | NullPointerException e) {
                        stopped.add("the write scenarios stopped early (" + e + ")");
                    }
                    notes.addAll(scenarios.problems());
                }
            }
            if (nodeBase != null) {
                OpenApiDocument nodeDocument = bundled.get(1);
                checked.add(nodeDocument);
                progress.println("Checking the API node " + nodeBase + ", services "
                        + String.join(", ", options.services()));
                ApiCaller node = new ApiCaller(nodeDocument, nodeBase, transport, validator, log, options.serviceKey(),
                        true);
                ApiNodeWalk walk = new ApiNodeWalk(node, nodeDocument, transport, options.apiNodeAdminKey(),
                        options.services(), options.endpoints());
                try {
                    walk.run();
                } catch (IllegalStateException | ClassCastException | NullPointerException e) {
                    stopped.add("the API node walk stopped early (" + e + ")");
                }
                notes.addAll(walk.notes());
            }
        } catch (Transport.Unreachable e) {
            throw new BadTarget(e.getMessage());
        } catch (IOException e) {
            throw new BadTarget("--url: " + dssBase + " answered GET /auth/info with a body that is not JSON");
        }
        return new ConformanceReport(new ConformanceReport.Run(dssBase == null ? null : dssBase.toString(),
                nodeBase == null ? null : nodeBase.toString(), options.allowWrites(), options.scratchProject(), version,
                started, Duration.between(started, Instant.now())), checked, log, notes, stopped);
    }

    /**
     * Who the key is: the first call, unvalidated, which tells an unreachable server, a refused key or a URL without
     * a DSS behind it (exit 2) from a server that answers. The walk calls it again, validated.
     */
    private static Transport.Reply probe(Transport transport, DssBase base, String apiKey)
            throws Transport.Unreachable {
        Transport.Reply reply;
        try {
            reply = transport.send("GET", base.resolve("/auth/info"), Map.of("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8)),
                    "Accept", "*/*"), null);
        } catch (Transport.Unreachable e) {
            throw e;
        } catch (IOException e) {
            throw new BadTarget("--url: " + base + " did not answer GET /auth/info (" + e.getMessage() + ")");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new BadTarget("--api-key: " + base + " refused the key (" + reply.status() + ")");
        }
        String type = reply.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse("no content type");
        if (reply.status() != 200 || !type.contains("json")) {
            throw new BadTarget("--url: no DSS public API at " + base + " (GET /auth/info answered " + reply.status()
                    + ", " + type + ")");
        }
        return reply;
    }
}
