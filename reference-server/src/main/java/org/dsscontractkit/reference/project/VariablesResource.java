package org.dsscontractkit.reference.project;

import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.admin.InstanceService;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.VariablesApi;
import org.dsscontractkit.server.generated.dss.model.ProjectVariables;

import java.util.Map;

public final class VariablesResource extends ApiResource implements VariablesApi {
    private final ProjectService projects;
    private final InstanceService instance;

    public VariablesResource(ProjectService projects, InstanceService instance) {
        this.projects = projects;
        this.instance = instance;
    }

    @Override public Response getGlobalVariables() {
        admin();
        return ok(instance.globalVariables());
    }

    @Override public Response setGlobalVariables(Map<String, Object> requestBody) {
        admin();
        instance.setGlobalVariables(tree(requestBody));
        return noContent();
    }

    @Override public Response getProjectVariables(String projectKey) { return ok(projects.variables(caller(), projectKey)); }

    @Override public Response setProjectVariables(String projectKey, ProjectVariables projectVariables) {
        projects.setVariables(caller(), projectKey, projectVariables);
        return noContent();
    }

    @Override public Response getResolvedProjectVariables(String projectKey, String typed) {
        return ok(projects.resolvedVariables(caller(), projectKey, flag("typed", typed, false)));
    }
}
