package org.dsscontractkit.reference.job;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dsscontractkit.reference.server.ApiResource;
import org.dsscontractkit.server.generated.dss.api.JobsApi;
import org.dsscontractkit.server.generated.dss.model.JobDefinition;

public final class JobsResource extends ApiResource implements JobsApi {
    private final JobService jobs;

    public JobsResource(JobService jobs) { this.jobs = jobs; }

    @Override public Response listJobs(String projectKey, Integer limit) {
        return ok(jobs.list(caller(), projectKey, limit == null ? 0 : limit));
    }

    @Override public Response startJob(String projectKey, JobDefinition jobDefinition) {
        return ok(jobs.start(caller(), projectKey, jobDefinition));
    }

    @Override public Response getJobStatus(String projectKey, String jobId) {
        return ok(jobs.status(caller(), projectKey, jobId));
    }

    @Override public Response getJobLog(String projectKey, String jobId, String activity) {
        return Response.ok(jobs.log(caller(), projectKey, jobId, activity), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
    }

    @Override public Response abortJob(String projectKey, String jobId) {
        return ok(jobs.abort(caller(), projectKey, jobId));
    }
}
