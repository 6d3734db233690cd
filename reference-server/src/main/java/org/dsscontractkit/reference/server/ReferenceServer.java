package org.dsscontractkit.reference.server;

import org.dsscontractkit.reference.admin.AuditFilter;
import org.dsscontractkit.reference.admin.AuditLog;
import org.dsscontractkit.reference.admin.ConnectionService;
import org.dsscontractkit.reference.admin.ConnectionsResource;
import org.dsscontractkit.reference.admin.GroupService;
import org.dsscontractkit.reference.admin.GroupsResource;
import org.dsscontractkit.reference.admin.InstanceResources;
import org.dsscontractkit.reference.admin.InstanceService;
import org.dsscontractkit.reference.admin.LogService;
import org.dsscontractkit.reference.admin.UserService;
import org.dsscontractkit.reference.admin.UsersResource;
import org.dsscontractkit.reference.apikey.ApiKeyService;
import org.dsscontractkit.reference.apikey.ApiKeysResource;
import org.dsscontractkit.reference.auth.AuthFilter;
import org.dsscontractkit.reference.dataset.DatasetDataResource;
import org.dsscontractkit.reference.dataset.DatasetFiles;
import org.dsscontractkit.reference.dataset.DatasetMetrics;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.dataset.DatasetsResource;
import org.dsscontractkit.reference.dataset.ReadSessions;
import org.dsscontractkit.reference.docs.DocsResource;
import org.dsscontractkit.reference.future.FutureService;
import org.dsscontractkit.reference.future.FuturesResource;
import org.dsscontractkit.reference.job.JobService;
import org.dsscontractkit.reference.job.JobsResource;
import org.dsscontractkit.reference.project.ProjectExporter;
import org.dsscontractkit.reference.project.ProjectFolderService;
import org.dsscontractkit.reference.project.ProjectFoldersResource;
import org.dsscontractkit.reference.project.ProjectService;
import org.dsscontractkit.reference.project.ProjectsResource;
import org.dsscontractkit.reference.project.VariablesResource;
import org.dsscontractkit.reference.sql.DemoDatabase;
import org.dsscontractkit.reference.sql.SqlQueriesResource;
import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.reference.storage.DocumentStore;
import org.dsscontractkit.reference.web.CorsFilter;
import org.dsscontractkit.reference.web.CorsPolicy;
import org.dsscontractkit.apinode.ApiNode;
import org.dsscontractkit.apinode.ApiNodeConfig;
import org.dsscontractkit.server.generated.dss.api.*;
import com.sun.net.httpserver.HttpServer;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the store, the domain services and the Jersey application, and runs them on the JDK HTTP server. */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);

    /** @param cors which web origins may call the server from a browser ({@code --cors-origins}) */
    public record Config(String host, int port, Path dataDir, String adminApiKey, String dbUrl, String dbUser,
                         String dbPassword, long maxUploadBytes, CorsPolicy cors) {
        /** CORS for local development pages ({@link CorsPolicy#localDevelopment()}). */
        public Config(String host, int port, Path dataDir, String adminApiKey, String dbUrl, String dbUser,
                      String dbPassword, long maxUploadBytes) {
            this(host, port, dataDir, adminApiKey, dbUrl, dbUser, dbPassword, maxUploadBytes, CorsPolicy.localDevelopment());
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final int port;
    private final String generatedAdminKey;
    private final String host;

    private ReferenceServer(Config cfg) throws Exception {
        long t0 = System.nanoTime();
        DataDirectory dataDir = new DataDirectory(cfg.dataDir());
        closeables.add(new ServerLog(dataDir.logs()));
        Database db = Database.open(dataDir.root(), cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
        closeables.add(db);
        DocumentStore documents = new DocumentStore(db);
        GroupService groups = new GroupService(db);
        UserService users = new UserService(db, groups);
        ApiKeyService keys = new ApiKeyService(db, users, groups);
        ConnectionService connections = new ConnectionService(db, groups, dataDir);
        InstanceService instance = new InstanceService(db, documents);
        ProjectService projects = new ProjectService(db, users, groups, documents, dataDir);
        ProjectFolderService folders = new ProjectFolderService(db, projects);
        DatasetService datasets = new DatasetService(db, projects, connections, new DatasetFiles(dataDir, cfg.maxUploadBytes()));
        ProjectExporter exporter = new ProjectExporter(projects, datasets);
        FutureService futures = new FutureService();
        closeables.add(futures);
        JobService jobs = new JobService(db, projects, datasets, dataDir, 2);
        closeables.add(jobs);
        SqlQueryService sql = new SqlQueryService(connections, datasets);
        closeables.add(sql);
        AuditLog audit = new AuditLog(dataDir.logs());
        closeables.add(audit);

        long tStore = System.nanoTime();
        groups.seedDefaults();
        users.seedAdmin();
        connections.seedBuiltIns();
        DemoDatabase.seed(connections);
        generatedAdminKey = keys.ensureAdminKey(cfg.adminApiKey()).orElse(null);
        jobs.abortInterrupted();

        long tSeed = System.nanoTime();
        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(ObjectMapperResolver.class);
        rc.register(MultiPartFeature.class);
        rc.register(new CorsFilter(cfg.cors()));
        rc.register(ApiBaseFilter.class);
        rc.register(VersionHeadersFilter.class);
        rc.register(new AuthFilter(keys));
        rc.register(new AuditFilter(audit));
        for (Class<?> mapper : ExceptionMappers.all()) rc.register(mapper);
        GeneratedApiBinding api = new GeneratedApiBinding();
        api.bind(DocsResource.class, new DocsResource());
        api.bind(ProjectsApi.class, new ProjectsResource(projects, exporter, futures));
        api.bind(ProjectFoldersApi.class, new ProjectFoldersResource(folders));
        api.bind(VariablesApi.class, new VariablesResource(projects, instance));
        api.bind(DatasetsApi.class, new DatasetsResource(datasets, new DatasetMetrics(datasets)));
        api.bind(DatasetDataApi.class, new DatasetDataResource(datasets, new ReadSessions()));
        api.bind(JobsApi.class, new JobsResource(jobs));
        api.bind(SqlQueriesApi.class, new SqlQueriesResource(sql));
        api.bind(FuturesApi.class, new FuturesResource(futures));
        api.bind(ApiKeysApi.class, new ApiKeysResource(keys));
        api.bind(UsersApi.class, new UsersResource(users));
        api.bind(GroupsApi.class, new GroupsResource(groups));
        api.bind(ConnectionsApi.class, new ConnectionsResource(connections));
        api.bind(PluginsApi.class, new InstanceResources.Plugins(instance));
        api.bind(CodeEnvsApi.class, new InstanceResources.CodeEnvs(instance));
        api.bind(LicensingApi.class, new InstanceResources.Licensing(instance, users));
        api.bind(GeneralSettingsApi.class, new InstanceResources.Settings(instance));
        api.bind(LogsApi.class, new InstanceResources.Logs(new LogService(dataDir.logs())));
        api.bind(AuditApi.class, new InstanceResources.Audit(audit));
        api.bind(MeaningsApi.class, new InstanceResources.Meanings(instance));
        api.bind(AuthApi.class, new InstanceResources.Auth(users));

        rc.registerResources(api.build());

        // The API node half runs in-process on the same port: user API under /public/api/v1, admin API under
        // /admin/api, state under <data-dir>/apinode/. Its admin key is the DSS admin key when this start knows it.
        String apiNodeAdminKey = cfg.adminApiKey() != null ? cfg.adminApiKey() : generatedAdminKey;
        ApiNode apiNode = ApiNode.create(ApiNodeConfig.defaults(dataDir.root())
                .withAdminKeys(apiNodeAdminKey == null ? List.of() : List.of(apiNodeAdminKey)));
        closeables.add(apiNode);
        apiNode.registerInto(rc);

        host = cfg.host();
        // The JDK HTTP server (not Grizzly): clients such as Java's HttpClient send "Upgrade: h2c" with request
        // bodies, which Grizzly treats as a protocol switch and then never delivers the body.
        http = JdkHttpServerFactory.createHttpServer(URI.create("http://" + cfg.host() + ":" + cfg.port() + "/"), rc, false);
        requestThreads = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "dss-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(requestThreads);
        http.start();
        port = http.getAddress().getPort();
        long tHttp = System.nanoTime();
        LOG.info("Started in {} ms (store {} ms, seeds {} ms, HTTP + JAX-RS {} ms)", (tHttp - t0) / 1_000_000,
                (tStore - t0) / 1_000_000, (tSeed - tStore) / 1_000_000, (tHttp - tSeed) / 1_000_000);
        LOG.info("DSS reference server listening on http://{}:{} (data dir {}, store {}, CORS {})", cfg.host(), port,
                dataDir.root(), db.isPostgres() ? "PostgreSQL" : "embedded H2", cfg.cors().description());
    }

    public static ReferenceServer start(Config cfg) throws Exception {
        return new ReferenceServer(cfg);
    }

    public int port() { return port; }

    public String baseUrl() { return "http://" + host + ":" + port; }

    /** The admin key generated at this start (first start without --admin-api-key); empty otherwise. */
    public Optional<String> generatedAdminKey() { return Optional.ofNullable(generatedAdminKey); }

    @Override
    public void close() {
        http.stop(1);
        requestThreads.shutdownNow();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
    }
}
