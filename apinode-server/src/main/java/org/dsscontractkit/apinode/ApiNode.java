package org.dsscontractkit.apinode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dsscontractkit.apinode.admin.AdminResource;
import org.dsscontractkit.apinode.auth.AdminKeyStore;
import org.dsscontractkit.apinode.function.FunctionRuntime;
import org.dsscontractkit.apinode.auth.ApiNodeAuthenticator;
import org.dsscontractkit.apinode.http.ArrivalTimeFilter;
import org.dsscontractkit.apinode.http.UserApi;
import org.dsscontractkit.apinode.http.CausalPredictionResource;
import org.dsscontractkit.apinode.http.ForecastResource;
import org.dsscontractkit.apinode.http.FunctionsResource;
import org.dsscontractkit.apinode.http.LookupsResource;
import org.dsscontractkit.apinode.http.PredictionResource;
import org.dsscontractkit.apinode.http.SqlQueriesResource;
import org.dsscontractkit.apinode.metrics.EndpointMetrics;
import org.dsscontractkit.apinode.service.ArchiveImporter;
import org.dsscontractkit.apinode.service.DemoServices;
import org.dsscontractkit.apinode.service.ServiceFileLoader;
import org.dsscontractkit.apinode.service.ServiceRegistry;
import org.dsscontractkit.server.generated.apinode.api.CausalPredictionApi;
import org.dsscontractkit.server.generated.apinode.api.ForecastApi;
import org.dsscontractkit.server.generated.apinode.api.FunctionsApi;
import org.dsscontractkit.server.generated.apinode.api.LookupsApi;
import org.dsscontractkit.server.generated.apinode.api.PredictionApi;
import org.dsscontractkit.server.generated.apinode.api.SqlQueriesApi;
import org.dsscontractkit.server.http.GeneratedApiBinding;
import org.dsscontractkit.server.http.JerseyApplication;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * One API node: its services (from {@code <dataDir>/apinode/services}), function workers, admin keys and metrics.
 * Mount its {@link #application()} under {@link #PATHS} of a host's container, or run it alone with {@link ApiNodeServer}.
 * Close it to stop the reload thread and every Python worker.
 */
public final class ApiNode implements AutoCloseable {

    /** Where the API node answers, and only there: the user API and the admin API (servlet path specs). */
    public static final String[] PATHS = {"/public/api/v1/*", "/admin/api/*"};

    private final ApiNodeConfig config;
    private final ApiNodeEnvironment environment;
    private final H2DemoEnvironment ownedEnvironment;
    private final ServiceRegistry registry;
    private final ArchiveImporter importer;
    private final AdminKeyStore adminKeys;
    private final EndpointMetrics metrics = new EndpointMetrics();
    private final UserApi userApi;
    private final ScheduledExecutorService reloader;

    private ApiNode(ApiNodeConfig config) {
        this.config = config;
        Path home = config.apinodeDir();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the API node directory " + home, e);
        }
        if (config.environment() == null) {
            ownedEnvironment = new H2DemoEnvironment(home.resolve("demo-db"));
            environment = ownedEnvironment;
        } else {
            ownedEnvironment = null;
            environment = config.environment();
        }
        Path servicesDir = home.resolve("services");
        if (config.seedDemoServices()) {
            DemoServices.seedIfFirstStart(servicesDir);
        }
        FunctionRuntime functions = new FunctionRuntime(config.pythonCommand(), home.resolve("run"));
        registry = new ServiceRegistry(servicesDir, home.resolve("state.json"), new ServiceFileLoader(functions));
        registry.reload();
        importer = new ArchiveImporter(registry, home.resolve("staging"));
        adminKeys = new AdminKeyStore(home.resolve("admin-keys.json"), config.adminKeys());
        userApi = new UserApi(registry, environment, metrics);
        reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apinode-service-reload");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.reloadInterval().toMillis());
        reloader.scheduleWithFixedDelay(registry::reload, every, every, TimeUnit.MILLISECONDS);
    }

    public static ApiNode create(ApiNodeConfig config) {
        return new ApiNode(config);
    }

    public ApiNodeConfig config() {
        return config;
    }

    public ServiceRegistry services() {
        return registry;
    }

    public UserApi userApi() {
        return userApi;
    }

    public ApiNodeEnvironment environment() {
        return environment;
    }

    public EndpointMetrics metrics() {
        return metrics;
    }

    /**
     * The API node's own Jersey application, for a host to mount under {@link #PATHS} with full paths (see
     * {@code HttpContainer.Builder#jersey(..., rooted = true, ...)}): the user API under {@code /public/api/v1}, the
     * admin API under {@code /admin/api}, server-core's error model, JSON configuration and credential filter (with
     * the API node's {@link ApiNodeAuthenticator}). Nothing of it reaches the host's other applications.
     */
    public ResourceConfig application() {
        ResourceConfig rc = JerseyApplication.create("apinode", new ApiNodeAuthenticator(registry, adminKeys));
        GeneratedApiBinding userApiResources = new GeneratedApiBinding()
                .bind(PredictionApi.class, new PredictionResource(userApi))
                .bind(ForecastApi.class, new ForecastResource(userApi))
                .bind(CausalPredictionApi.class, new CausalPredictionResource(userApi))
                .bind(FunctionsApi.class, new FunctionsResource(userApi))
                .bind(SqlQueriesApi.class, new SqlQueriesResource(userApi))
                .bind(LookupsApi.class, new LookupsResource(userApi))
                .bind(AdminResource.class, new AdminResource(registry, importer, adminKeys, metrics));
        rc.registerResources(userApiResources.build());
        rc.register(ArrivalTimeFilter.class);
        return rc;
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        registry.close();
        if (ownedEnvironment != null) {
            ownedEnvironment.close();
        }
    }
}
