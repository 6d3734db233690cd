package org.dsscontractkit.reference.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.future.FutureService;
import org.dsscontractkit.reference.recipe.RecipeService;
import org.dsscontractkit.reference.scenario.ScenarioRunService;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.ProjectsApi;
import org.dsscontractkit.server.generated.dss.model.ExportOptions;
import org.dsscontractkit.server.generated.dss.model.ProjectCreation;
import org.dsscontractkit.server.generated.dss.model.ProjectMetadata;
import org.dsscontractkit.server.generated.dss.model.ProjectPermissions;

import java.util.List;

public final class ProjectsResource extends ApiResource implements ProjectsApi {
    private final ProjectService projects;
    private final ProjectExporter exporter;
    private final FutureService futures;
    private final RecipeService recipes;
    private final ScenarioRunService scenarios;

    public ProjectsResource(ProjectService projects, ProjectExporter exporter, FutureService futures, RecipeService recipes,
                            ScenarioRunService scenarios) {
        this.projects = projects;
        this.exporter = exporter;
        this.futures = futures;
        this.recipes = recipes;
        this.scenarios = scenarios;
    }

    @Override
    public Response listProjects(String includeLocation, List<String> tags) {
        return ok(projects.list(caller(), multi(tags), flag("includeLocation", includeLocation, false)));
    }

    @Override
    public Response createProject(ProjectCreation projectCreation, String projectFolderId) {
        ObjectNode p = projects.create(caller(), projectCreation, projectFolderId);
        return ok(projects.summary(p));
    }

    @Override
    public Response getProjectSummary(String projectKey) {
        return ok(projects.summary(projects.require(caller(), projectKey, ProjectAccess.READ)));
    }

    @Override
    public Response deleteProject(String projectKey, String clearManagedDatasets, String clearOutputManagedFolders,
                                  String clearJobAndScenarioLogs, String wait) {
        Caller c = caller();
        boolean clearData = flag("clearManagedDatasets", clearManagedDatasets, false);
        flag("clearOutputManagedFolders", clearOutputManagedFolders, false);
        boolean clearLogs = flag("clearJobAndScenarioLogs", clearJobAndScenarioLogs, true);
        boolean doWait = flag("wait", wait, true);
        // Check existence and rights now, so that a refusal is an HTTP error and not a failed future.
        projects.require(c, projectKey, ProjectAccess.ADMIN);
        String id = futures.submit(c, "project_deletion", "Delete project " + projectKey,
                () -> projects.delete(c, projectKey, clearData, clearLogs));
        return ok(doWait ? futures.await(id, 60_000) : futures.state(c, id));
    }

    @Override
    public Response getProjectMetadata(String projectKey) {
        return ok(projects.metadata(caller(), projectKey));
    }

    @Override
    public Response setProjectMetadata(String projectKey, ProjectMetadata projectMetadata) {
        projects.setMetadata(caller(), projectKey, projectMetadata);
        return noContent();
    }

    @Override
    public Response getProjectPermissions(String projectKey) {
        return ok(projects.permissions(caller(), projectKey));
    }

    @Override
    public Response setProjectPermissions(String projectKey, ProjectPermissions projectPermissions) {
        projects.setPermissions(caller(), projectKey, projectPermissions);
        return noContent();
    }

    @Override
    public Response exportProject(String projectKey, ExportOptions exportOptions) {
        ProjectExporter.Options options = ProjectExporter.Options.of(exportOptions);
        ObjectNode project = exporter.prepare(caller(), projectKey);
        StreamingOutput body = out -> exporter.write(project, options, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + projectKey + ".zip\"").build();
    }

    @Override
    public Response listRecipes(String projectKey) {
        return ok(recipes.list(caller(), projectKey));
    }

    @Override
    public Response listScenarios(String projectKey) {
        return ok(scenarios.list(caller(), projectKey));
    }
}
