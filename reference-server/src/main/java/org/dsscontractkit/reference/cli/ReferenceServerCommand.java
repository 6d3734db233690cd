package org.dsscontractkit.reference.cli;

import org.dsscontractkit.reference.server.ReferenceServer;
import org.dsscontractkit.reference.web.CorsPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "dss-reference-server", mixinStandardHelpOptions = true, versionProvider = ReferenceServerCommand.Version.class,
        sortOptions = false,
        description = {"Stateful reference implementation of the Dataiku DSS public REST API.",
                "Serves the API under /public/api and /dip/publicapi, the docs page at / and the OpenAPI documents at /openapi/.",
                "Authenticate with HTTP Basic, the API key as user name and an empty password."},
        footer = {"", "Examples:",
                "  java -jar dss-reference-server.jar --data-dir ./dss-data",
                "  java -jar dss-reference-server.jar --db-url jdbc:postgresql://localhost:5432/dss --db-user dss --db-password secret"})
public final class ReferenceServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "11200", description = "TCP port to listen on (default: ${DEFAULT-VALUE}, as DSS; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "./dss-data", description = "Directory holding the embedded database, dataset files and logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--admin-api-key", description = "Admin API key to accept. When absent on the first start, one is generated and printed once; only its hash is stored.")
    String adminApiKey;

    @Option(names = "--db-url", description = "Store configuration in PostgreSQL instead of the embedded database, e.g. jdbc:postgresql://localhost:5432/dss.")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user.")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password.", interactive = false)
    String dbPassword;

    @Option(names = "--max-upload-size", defaultValue = "1GB", description = "Largest accepted uploaded file, e.g. 500MB, 2GB, 1048576 (default: ${DEFAULT-VALUE}).")
    String maxUploadSize;

    @Option(names = "--max-request-body", defaultValue = "1MB", description = "Largest accepted request body other than an upload (JSON bodies), e.g. 512KB, 8MB (default: ${DEFAULT-VALUE}); larger ones get 413.")
    String maxRequestBody;
    @Option(names = "--cors-origins", defaultValue = CorsPolicy.LOCAL_DEVELOPMENT, paramLabel = "<origins>",
            converter = CorsOrigins.class, description = {"Web origins whose pages may call the server from a browser: a comma-separated list of origins"
                    + " and patterns (http://localhost:3000, http://localhost:*, https://*.example.com), '*' (any origin,"
                    + " API keys only, no cookies) or 'off' (default: ${DEFAULT-VALUE})."})
    CorsPolicy cors;

    @Override
    public Integer call() throws Exception {
        long maxUpload = parseSize("--max-upload-size", maxUploadSize);
        long maxBody = parseSize("--max-request-body", maxRequestBody);
        if (port < 0 || port > 65535) throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 0 and 65535");
        long t0 = System.nanoTime();
        ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(host, port, dataDir, adminApiKey, dbUrl, dbUser, dbPassword, maxUpload, maxBody, cors));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dss-shutdown"));
        System.out.printf("DSS reference server ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("  docs:  %s/%n  API:   %s/public/api  (also %s/dip/publicapi)%n", server.baseUrl(), server.baseUrl(), server.baseUrl());
        System.out.printf("  CORS:  %s%n", cors.enabled() ? "pages from " + cors.description() : "off");
        server.generatedAdminKey().ifPresent(k -> System.out.printf(
                "%n  Generated admin API key (shown once, only its hash is stored):%n%n    %s%n%n", k));
        System.out.flush();
        stopped.await();
        return 0;
    }

    static long parseSize(String text) {
        return parseSize("--max-upload-size", text);
    }

    static long parseSize(String option, String text) {
        Matcher m = Pattern.compile("(?i)\\s*(\\d+)\\s*(b|k|kb|m|mb|g|gb)?\\s*").matcher(text);
        if (!m.matches()) throw new IllegalArgumentException(option + ": expected a size like 500KB, 500MB or 1GB, got '" + text + "'");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase();
        return switch (unit.charAt(0)) {
            case 'k' -> n * 1024;
            case 'm' -> n * 1024 * 1024;
            case 'g' -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ReferenceServerCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            Throwable root = ex;
            while (root.getCause() != null) root = root.getCause();
            if (root != ex && root.getMessage() != null) msg += " (" + root.getMessage() + ")";
            cmd.getErr().println("error: " + msg);
            return 2;
        });
        int code = cl.execute(args);
        if (code != 0) System.exit(code);
    }

    /** Reads --cors-origins at parse time, so a bad value is a usage error (exit 2) naming the option. */
    static final class CorsOrigins implements CommandLine.ITypeConverter<CorsPolicy> {
        @Override public CorsPolicy convert(String value) {
            try {
                return CorsPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = ReferenceServerCommand.class.getPackage().getImplementationVersion();
            return new String[]{"dss-reference-server " + (v == null ? "dev" : v)};
        }
    }
}
