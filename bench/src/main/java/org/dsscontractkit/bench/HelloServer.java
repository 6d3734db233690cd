package org.dsscontractkit.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ceiling of the benchmark: one Jersey resource answering {@code GET /hello} with "hello", on the HTTP
 * container the reference server runs on, set up the same way (the JDK server with a pool of 32 request threads,
 * or Jetty 12 ee10 with Jersey's servlet and Jetty's default thread pool). Whatever the reference server does
 * beyond this (authentication, storage, JSON) is what the ratio to this ceiling measures.
 */
public final class HelloServer {
    private HelloServer() { }

    @Path("hello")
    public static final class Hello {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String hello() {
            return "hello";
        }
    }

    /** {@code HelloServer <container> <port>}: serves until killed. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HelloServer jdk-http|jetty <port>");
            System.exit(2);
        }
        Container container = Container.parse(args[0]);
        int port = Integer.parseInt(args[1]);
        ResourceConfig app = new ResourceConfig(Hello.class);
        switch (container) {
            case JDK_HTTP -> {
                var http = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"), app, false);
                ExecutorService threads = Executors.newFixedThreadPool(32);
                http.setExecutor(threads);
                http.start();
            }
            case JETTY -> {
                Server server = new Server();
                ServerConnector connector = new ServerConnector(server);
                connector.setHost("127.0.0.1");
                connector.setPort(port);
                server.addConnector(connector);
                ServletContextHandler context = new ServletContextHandler();
                context.setContextPath("/");
                context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
                server.setHandler(context);
                server.start();
            }
        }
        System.out.println("hello (" + container.label + ") listening on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }

    /** The HTTP containers the reference server has been built on. */
    enum Container {
        JDK_HTTP("jdk-http", "Jersey on the JDK HTTP server"),
        JETTY("jetty", "Jersey on Jetty 12 ee10 (servlet)");

        final String name;
        final String label;

        Container(String name, String label) {
            this.name = name;
            this.label = label;
        }

        static Container parse(String name) {
            for (Container c : values()) if (c.name.equals(name)) return c;
            throw new IllegalArgumentException("unknown container '" + name + "' (jdk-http or jetty)");
        }

        /** The container a reference server jar runs on (Jetty first: a jar may still carry the JDK container unused). */
        static Container of(java.nio.file.Path jar) throws java.io.IOException {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                if (zip.getEntry("org/eclipse/jetty/ee10/servlet/ServletContextHandler.class") != null) return JETTY;
                if (zip.getEntry("org/glassfish/jersey/jdkhttp/JdkHttpServerFactory.class") != null) return JDK_HTTP;
            }
            throw new IllegalStateException(jar + " carries neither Jetty 12 ee10 nor Jersey's JDK HTTP container");
        }
    }
}
