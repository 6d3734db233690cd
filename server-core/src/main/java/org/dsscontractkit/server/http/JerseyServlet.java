package org.dsscontractkit.server.http;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * One Jersey application behind one servlet. The application is built when the servlet starts (so a slow one can be
 * started in the background, see {@link HttpContainer.Builder#jersey}). {@code rooted}: the application's resources
 * carry their full path ({@code /public/api/v1/...}, {@code /admin/api/...}) and see the request path from the root,
 * not from the servlet mapping.
 */
final class JerseyServlet extends HttpServlet {
    private final Supplier<ResourceConfig> application;
    private final boolean rooted;
    private ServletContainer container;

    JerseyServlet(Supplier<ResourceConfig> application, boolean rooted) {
        this.application = application;
        this.rooted = rooted;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        container = new ServletContainer(application.get());
        container.init(config);
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        container.service(rooted ? new FromRoot((HttpServletRequest) req) : req, res);
    }

    @Override
    public void destroy() {
        if (container != null) container.destroy();
    }

    private static final class FromRoot extends HttpServletRequestWrapper {
        FromRoot(HttpServletRequest request) { super(request); }

        @Override public String getServletPath() { return ""; }

        @Override public String getPathInfo() {
            HttpServletRequest r = (HttpServletRequest) getRequest();
            return r.getServletPath() + (r.getPathInfo() == null ? "" : r.getPathInfo());
        }
    }
}
