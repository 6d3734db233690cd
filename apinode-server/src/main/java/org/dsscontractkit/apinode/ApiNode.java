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
import org.dsscontractkit.apinode.http.ApiErrorMapper;
import org.dsscontractkit.apinode.http.ApiVersionHeadersFilter;
import org.dsscontractkit.apinode.http.ArrivalTimeFilter;
import org.dsscontractkit.apinode.http.JsonBodyDefaultFilter;
import org.dsscontractkit.apinode.http.UserApi;
import org.dsscontractkit.apinode.http.CausalPredictionResource;
import org.dsscontractkit.apinode.http.FallbackErrorMapper;
import org.dsscontractkit.apinode.http.ForecastResource;
import org.dsscontractkit.apinode.http.FunctionsResource;
import org.dsscontractkit.apinode.http.JsonMappingErrorMapper;
import org.dsscontractkit.apinode.http.LookupsResource;
import org.dsscontractkit.apinode.http.PredictionResource;
import org.dsscontractkit.apinode.http.RawBodyCapture;
import org.dsscontractkit.apinode.http.SqlQueriesResource;
import org.dsscontractkit.apinode.metrics.EndpointMetrics;
import org.dsscontractkit.apinode.service.ArchiveImporter;
import org.dsscontractkit.apinode.service.DemoServices;
import org.dsscontractkit.apinode.service.ServiceFileLoader;
import org.dsscontractkit.apinode.service.ServiceRegistry;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * One API node: its services (from {@code <dataDir>/apinode/services}), function workers, admin keys and metrics.
 * Host it with {@link #resourceConfig()} in any Jersey container, or run it alone with {@link ApiNodeServer}.
 * Close it to stop the reload thread and every Python worker.
 */
public final class ApiNode implements AutoCloseable {

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

    /** The JAX-RS application: user API under /public/api/v1, admin API under /admin/api. */
    public ResourceConfig resourceConfig() {
        ResourceConfig rc = new ResourceConfig();
        registerInto(rc);
        rc.register(FallbackErrorMapper.class);
        return rc;
    }

    /**
     * Adds the API node's resources and providers to a host's own application (same port as the host). Only
     * API-node-specific providers are added (ApiError and Jackson mapping errors, filters acting on the API node's
     * paths); the host keeps its own catch-all exception mapper.
     */
    public void registerInto(ResourceConfig rc) {
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(new PredictionResource(userApi));
        rc.register(new ForecastResource(userApi));
        rc.register(new CausalPredictionResource(userApi));
        rc.register(new FunctionsResource(userApi));
        rc.register(new SqlQueriesResource(userApi));
        rc.register(new LookupsResource(userApi));
        rc.register(JsonMappingErrorMapper.class);
        rc.register(RawBodyCapture.class);
        rc.register(new AdminResource(registry, importer, adminKeys, metrics));
        rc.register(ApiErrorMapper.class);
        rc.register(JsonBodyDefaultFilter.class);
        rc.register(ArrivalTimeFilter.class);
        rc.register(ApiVersionHeadersFilter.class);
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
