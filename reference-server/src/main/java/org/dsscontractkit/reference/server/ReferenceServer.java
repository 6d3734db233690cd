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
import org.dsscontractkit.reference.auth.ApiKeyAuthenticator;
import org.dsscontractkit.reference.dataset.DatasetDataResource;
import org.dsscontractkit.reference.dataset.DatasetFiles;
import org.dsscontractkit.reference.dataset.DatasetMetrics;
import org.dsscontractkit.reference.dataset.DatasetService;
import org.dsscontractkit.reference.dataset.DatasetsResource;
import org.dsscontractkit.reference.dataset.ReadSessions;
import org.dsscontractkit.reference.docs.DocsServlet;
import org.dsscontractkit.reference.folder.FolderFiles;
import org.dsscontractkit.reference.folder.ManagedFolderService;
import org.dsscontractkit.reference.folder.ManagedFoldersResource;
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
import org.dsscontractkit.reference.recipe.RecipeChecks;
import org.dsscontractkit.reference.recipe.RecipeRunner;
import org.dsscontractkit.reference.recipe.RecipeSchemas;
import org.dsscontractkit.reference.recipe.RecipeService;
import org.dsscontractkit.reference.recipe.RecipesResource;
import org.dsscontractkit.reference.scenario.ScenarioRunService;
import org.dsscontractkit.reference.scenario.ScenarioService;
import org.dsscontractkit.reference.scenario.ScenariosResource;
import org.dsscontractkit.reference.scenario.TestReports;
import org.dsscontractkit.reference.sql.DemoDatabase;
import org.dsscontractkit.reference.sql.SqlQueriesResource;
import org.dsscontractkit.reference.sql.SqlQueryService;
import org.dsscontractkit.reference.sql.TableSchemaDetector;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.Database;
import org.dsscontractkit.reference.storage.DocumentStore;
import org.dsscontractkit.reference.storage.StorageExceptionMappers;
import org.dsscontractkit.reference.web.CorsFilter;
import org.dsscontractkit.reference.web.CorsPolicy;
import org.dsscontractkit.apinode.ApiNode;
import org.dsscontractkit.apinode.ApiNodeConfig;
import org.dsscontractkit.server.generated.dss.api.*;
import org.dsscontractkit.server.http.GeneratedApiBinding;
import org.dsscontractkit.server.http.HttpContainer;
import org.dsscontractkit.server.http.JerseyApplication;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.validation.ValidationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Wires the store, the domain services and the two Jersey applications (DSS public API, API node), and runs them with
 * the docs on server-core's HTTP container, one port.
 */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);

    /** @param cors which web origins may call the server from a browser ({@code --cors-origins}) */
    public record Config(String host, int port, Path dataDir, String adminApiKey, String dbUrl, String dbUser,
                         String dbPassword, long maxUploadBytes, long maxRequestBodyBytes, CorsPolicy cors) {
        /** Default request-body cap, CORS for local development pages ({@link CorsPolicy#localDevelopment()}). */
        public Config(String host, int port, Path dataDir, String adminApiKey, String dbUrl, String dbUser, String dbPassword,
                      long maxUploadBytes) {
            this(host, port, dataDir, adminApiKey, dbUrl, dbUser, dbPassword, maxUploadBytes,
                    HttpContainer.Limits.DEFAULT_MAX_REQUEST_BODY, CorsPolicy.localDevelopment());
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpContainer http;
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
        ManagedFolderService managedFolders = new ManagedFolderService(db, projects, connections, dataDir,
                new FolderFiles(dataDir, cfg.maxUploadBytes()));
        DatasetService datasets = new DatasetService(db, projects, connections, new DatasetFiles(dataDir, cfg.maxUploadBytes()),
                managedFolders);
        ProjectExporter exporter = new ProjectExporter(projects, datasets);
        FutureService futures = new FutureService();
        closeables.add(futures);
        SqlQueryService sql = new SqlQueryService(connections, datasets);
        closeables.add(sql);
        RecipeService recipes = new RecipeService(db, projects, datasets);
        RecipeRunner recipeRunner = new RecipeRunner(recipes, sql);
        RecipeSchemas recipeSchemas = new RecipeSchemas(recipes, recipeRunner, sql);
        JobService jobs = new JobService(db, projects, datasets, recipeRunner, dataDir, 2);
        closeables.add(jobs);
        ScenarioService scenarios = new ScenarioService(db, projects);
        ScenarioRunService scenarioRuns = new ScenarioRunService(scenarios, jobs, sql, dataDir, 4);
        closeables.add(scenarioRuns);
        AuditLog audit = new AuditLog(dataDir.logs());
        closeables.add(audit);

        long tStore = System.nanoTime();
        // Seeding (default groups and users, the demo SQL database, the admin key) runs while the applications start;
        // the port opens when both are done.
        long[] tSeed = {0};
        long[] tOpen = {0};
        CompletableFuture<String> seeded = CompletableFuture.supplyAsync(() -> {
            db.awaitOpen();
            tOpen[0] = System.nanoTime();
            groups.seedDefaults();
            users.seedAdmin();
            connections.seedBuiltIns();
            DemoDatabase.seed(connections);
            String generated = keys.ensureAdminKey(cfg.adminApiKey()).orElse(null);
            jobs.abortInterrupted();
            scenarioRuns.abortInterrupted();
            tSeed[0] = System.nanoTime();
            return generated;
        }, r -> {
            Thread t = new Thread(r, "dss-seed");
            t.setDaemon(true);
            t.start();
        });

        ResourceConfig rc = JerseyApplication.create("dss-public-api", new ApiKeyAuthenticator(keys));
        rc.register(MultiPartFeature.class);
        rc.register(ValidationFeature.class);
        rc.register(new AuditFilter(audit));
        for (Class<?> mapper : StorageExceptionMappers.all()) rc.register(mapper);
        GeneratedApiBinding api = new GeneratedApiBinding();
        api.bind(ProjectsApi.class, new ProjectsResource(projects, exporter, futures, recipes, scenarioRuns));
        api.bind(ProjectFoldersApi.class, new ProjectFoldersResource(folders));
        api.bind(VariablesApi.class, new VariablesResource(projects, instance));
        api.bind(DatasetsApi.class, new DatasetsResource(datasets, new DatasetMetrics(datasets, db), jobs, futures,
                new TableSchemaDetector(connections)));
        api.bind(DatasetDataApi.class, new DatasetDataResource(datasets, new ReadSessions()));
        api.bind(JobsApi.class, new JobsResource(jobs));
        api.bind(ManagedFoldersApi.class, new ManagedFoldersResource(managedFolders, datasets, futures)).restOfPath("filePath");
        api.bind(ScenariosApi.class, new ScenariosResource(scenarios, scenarioRuns, new TestReports(scenarios)));
        api.bind(RecipesApi.class, new RecipesResource(recipes, new RecipeChecks(recipes, recipeSchemas), recipeSchemas));
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

        // The API node half: its own Jersey application on the same port, user API under /public/api/v1, admin API
        // under /admin/api, state under <data-dir>/apinode/. Its admin key is the DSS admin key when this start knows
        // it. Built and started in the background: the DSS API answers without waiting for it.

        host = cfg.host();
        http = HttpContainer.on(cfg.host(), cfg.port())
                .limits(new HttpContainer.Limits(cfg.maxRequestBodyBytes(), cfg.maxUploadBytes(), HttpContainer.Limits.DEFAULT_MAX_HEADER_BYTES))
                .jersey("dss-public-api", () -> rc, HttpContainer.Startup.WITH_CONTAINER, false, "/public/api/*", "/dip/publicapi/*")
                .jersey("apinode", () -> {
                    String apiNodeAdminKey = cfg.adminApiKey() != null ? cfg.adminApiKey() : seeded.join();
                    ApiNode apiNode = ApiNode.create(ApiNodeConfig.defaults(dataDir.root())
                            .withAdminKeys(apiNodeAdminKey == null ? List.of() : List.of(apiNodeAdminKey)));
                    synchronized (closeables) {
                        closeables.add(apiNode);
                    }
                    return apiNode.application();
                }, HttpContainer.Startup.IN_BACKGROUND, true, ApiNode.PATHS)
                .servlet("docs", new DocsServlet(), "/")
                .filter(new CorsFilter(cfg.cors()))
                .start(() -> awaitSeeds(seeded));
        generatedAdminKey = awaitSeeds(seeded);
        port = http.port();
        long tHttp = System.nanoTime();
        LOG.info("Started in {} ms (in parallel: store opened in {} ms then seeded in {} ms; HTTP + JAX-RS {} ms)",
                (tHttp - t0) / 1_000_000, (tOpen[0] - t0) / 1_000_000, (tSeed[0] - tOpen[0]) / 1_000_000,
                (tHttp - tStore) / 1_000_000);
        LOG.info("DSS reference server listening on http://{}:{} (data dir {}, store {}, CORS {})", cfg.host(), port,
                dataDir.root(), db.isPostgres() ? "PostgreSQL" : "embedded H2", cfg.cors().description());
    }

    /** The seeding's result, or what made it (or the store's opening) fail, unwrapped for the start's error message. */
    private static String awaitSeeds(CompletableFuture<String> seeded) {
        try {
            return seeded.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
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
        http.close();
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
    }
}
