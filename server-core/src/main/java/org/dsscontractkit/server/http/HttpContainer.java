package org.dsscontractkit.server.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.dsscontractkit.server.error.JsonErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one HTTP container of both halves: Jetty 12 (HTTP/1.1 only, so an {@code Upgrade: h2c} header is ignored as
 * RFC 9110 allows and the body is read as usual), each API a Jersey application of its own behind its own servlet
 * mapping on the one port, request bodies capped ({@link RequestBodyLimit}), every answer with the version headers
 * ({@link VersionHeaders}) and every container-level error as a DSSError ({@link JsonErrorHandler}).
 */
public final class HttpContainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpContainer.class);

    /**
     * When an application is built and started: with the container (the port opens when it is ready), or in the
     * background once the port is open (so it takes no CPU from the others' start; a request reaching it meanwhile
     * waits for it).
     */
    public enum Startup { WITH_CONTAINER, IN_BACKGROUND }

    /**
     * @param maxRequestBody  largest non-multipart request body, bytes
     * @param maxUpload       largest multipart request body, bytes
     * @param maxHeaderBytes  largest request line + headers, bytes (414 / 431 beyond)
     */
    public record Limits(long maxRequestBody, long maxUpload, int maxHeaderBytes) {
        public static final long DEFAULT_MAX_REQUEST_BODY = 1024L * 1024;
        public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

        public static Limits defaults(long maxUpload) {
            return new Limits(DEFAULT_MAX_REQUEST_BODY, maxUpload, DEFAULT_MAX_HEADER_BYTES);
        }
    }

    /**
     * Which URIs reach the applications, beyond RFC 3986: an empty segment ({@code contents//2015/orders.csv}: the
     * official DSS client puts a managed folder file's path, leading slash included, in the URL as it is), an encoded
     * slash ({@code contents/%2F2015%2Forders.csv}: generated clients encode a path parameter as one segment) and an
     * encoded percent sign. The applications check such paths themselves; encoded dot segments ({@code %2e%2e}) and
     * the other ambiguities stay refused by the container.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("DSS_CLIENTS",
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

    private final Server server;
    private final ServerConnector connector;

    private HttpContainer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static Builder on(String host, int port) {
        return new Builder(host, port);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Error while stopping the HTTP container: {}", e.toString());
        }
    }

    public static final class Builder {
        private final String host;
        private final int port;
        private Limits limits = Limits.defaults(1024L * 1024 * 1024);
        private final List<Mount> mounts = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();

        private record Mount(String name, Supplier<HttpServlet> servlet, Startup startup, String[] paths) {}

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        /**
         * Mounts a Jersey application under {@code paths} (servlet path specs such as {@code /public/api/*}).
         * {@code rooted}: its resources carry their full paths. {@code application} is called when the application
         * starts (see {@link Startup}).
         */
        public Builder jersey(String name, Supplier<ResourceConfig> application, Startup startup, boolean rooted, String... paths) {
            mounts.add(new Mount(name, () -> new JerseyServlet(application, rooted), startup, paths));
            return this;
        }

        /** Mounts a plain servlet (started with the container). */
        public Builder servlet(String name, HttpServlet servlet, String... paths) {
            mounts.add(new Mount(name, () -> servlet, Startup.WITH_CONTAINER, paths));
            return this;
        }

        /** Runs {@code filter} in front of every application and servlet of the port (after the body-size guard). */
        public Builder filter(Filter filter) {
            filters.add(filter);
            return this;
        }

        public HttpContainer start() throws Exception {
            return start(() -> {});
        }

        /**
         * Starts the applications, runs {@code beforeListening} (e.g. waits for work done meanwhile on other threads,
         * such as seeding the store), then opens the port: no request is accepted before both are done.
         */
        public HttpContainer start(Runnable beforeListening) throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("dss-http");
            threads.setDaemon(true);
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            http.setRequestHeaderSize(limits.maxHeaderBytes());
            http.setUriCompliance(URI_COMPLIANCE);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(60_000);

            ServletContextHandler context = new ServletContextHandler("/");
            // the servlets see the paths URI_COMPLIANCE lets in, decoded (Jersey matches on the raw path anyway)
            context.getServletHandler().setDecodeAmbiguousURIs(true);
            context.setErrorHandler(JsonErrorHandler.servlets());
            context.addFilter(new FilterHolder(new RequestBodyLimit(limits.maxRequestBody(), limits.maxUpload())),
                    "/*", EnumSet.of(DispatcherType.REQUEST));
            for (Filter f : filters) context.addFilter(new FilterHolder(f), "/*", EnumSet.of(DispatcherType.REQUEST));
            List<ServletHolder> background = new ArrayList<>();
            for (Mount m : mounts) {
                ServletHolder holder = new ServletHolder(m.name(), m.servlet().get());
                holder.setInitOrder(m.startup() == Startup.WITH_CONTAINER ? 1 : -1);
                for (String path : m.paths()) context.addServlet(holder, path);
                if (m.startup() == Startup.IN_BACKGROUND) background.add(holder);
            }
            server.setHandler(new VersionHeaders(context));
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(2_000);
            server.start();
            try {
                beforeListening.run();
                server.addConnector(connector);
                connector.start();
            } catch (Exception | Error e) {
                server.stop();
                throw e;
            }
            for (ServletHolder holder : background) {
                // a request may be waiting on the holder meanwhile: getServlet() starts it once, under its lock
                daemon(holder.getName() + "-start", () -> {
                    try {
                        holder.getServlet();
                    } catch (Exception e) {
                        LOG.error("Cannot start {}", holder.getName(), e);
                    }
                }).start();
            }
            return new HttpContainer(server, connector);
        }

        private static Thread daemon(String name, Runnable r) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }
    }
}
