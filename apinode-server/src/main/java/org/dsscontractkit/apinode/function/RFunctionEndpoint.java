package org.dsscontractkit.apinode.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.service.CallContext;
import org.dsscontractkit.apinode.service.Endpoint;

/**
 * An R function endpoint. Runs one {@code Rscript} per call (needs the jsonlite package); when R is not installed
 * the endpoint still loads and every call answers 501 saying so.
 */
public final class RFunctionEndpoint implements Endpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNNER = """
            args <- commandArgs(trailingOnly = TRUE)
            suppressMessages(library(jsonlite))
            source(args[[1]])
            params <- fromJSON(readLines(args[[3]], warn = FALSE), simplifyVector = TRUE)
            result <- do.call(args[[2]], if (length(params) == 0) list() else params)
            cat(toJSON(result, auto_unbox = TRUE, digits = NA))
            """;

    private final String id;
    private final Path codeFile;
    private final String function;
    private final Duration timeout;

    private RFunctionEndpoint(String id, Path codeFile, String function, Duration timeout) {
        this.id = id;
        this.codeFile = codeFile;
        this.function = function;
        this.timeout = timeout;
    }

    public static RFunctionEndpoint compile(JsonNode config, Path baseDir) {
        return new RFunctionEndpoint(config.get("id").asText(), baseDir.resolve(config.get("file").asText()).normalize(),
                config.get("function").asText(), Duration.ofMillis((long) (config.path("timeoutSeconds").asDouble(30) * 1000)));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "R_FUNCTION";
    }

    public ObjectNode run(JsonNode args, CallContext call) {
        Path rscript = FunctionRuntime.rscript();
        if (rscript == null) {
            throw NodeErrors.of(501, "RNotAvailable", "Endpoint '" + id + "' is an R function but R is not available on this API node (no Rscript on the PATH)");
        }
        if (args != null && !args.isNull() && !args.isObject()) {
            throw NodeErrors.badInput("InvalidFunctionArguments", "The request body must be a JSON object of argument name -> value");
        }
        call.timing().end("preProcessing");
        Path runner = null;
        Path input = null;
        try {
            runner = Files.createTempFile("apinode-r-", ".R");
            input = Files.createTempFile("apinode-r-", ".json");
            Files.writeString(runner, RUNNER);
            Files.writeString(input, args == null || args.isNull() ? "{}" : JSON.writeValueAsString(args));
            Process process = new ProcessBuilder(rscript.toString(), runner.toString(), codeFile.toString(), function, input.toString())
                    .redirectErrorStream(false).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw NodeErrors.of(504, "FunctionTimeout", "R function '" + function + "' timed out after " + timeout.toMillis() + " ms");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            call.timing().end("execution");
            if (process.exitValue() != 0) {
                int status = err.contains("unused argument") || err.contains("is missing, with no default") ? 400 : 500;
                throw NodeErrors.of(status, status == 400 ? "InvalidFunctionArguments" : "FunctionFailed",
                        "R function '" + function + "' failed: " + err.strip());
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.set("response", JSON.readTree(out));
            return result;
        } catch (IOException e) {
            throw NodeErrors.of(503, "FunctionWorkerUnavailable", "Cannot run Rscript: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NodeErrors.of(503, "Interrupted", "Interrupted while running R");
        } finally {
            deleteQuietly(runner);
            deleteQuietly(input);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }
}
