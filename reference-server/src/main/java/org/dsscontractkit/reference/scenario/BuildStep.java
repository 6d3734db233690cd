package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.job.JobService;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.util.Set;

/**
 * {@code build_flowitem}: builds {@code params.builds} with one real job of type {@code params.jobType}
 * (RECURSIVE_BUILD by default) and waits for it; the step's outcome is the job's.
 */
final class BuildStep implements Step {
    static final String TYPE = "build_flowitem";
    private static final Set<String> TERMINAL = Set.of("DONE", "FAILED", "ABORTED");
    private static final long POLL_MS = 50;

    private final JobService jobs;

    BuildStep(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public Result run(Context ctx) throws InterruptedException {
        ObjectNode params = ctx.params();
        JsonNode builds = params.get("builds");
        if (builds == null || !builds.isArray() || builds.isEmpty()) {
            return Result.failed(ErrorTypes.BAD_REQUEST, "Nothing to build",
                    "params.builds must list what to build ({type, itemId, projectKey, partitionsSpec})");
        }
        ObjectNode job = Json.object();
        String jobType = params.path("jobType").asText("RECURSIVE_BUILD");
        job.put("type", jobType.isEmpty() ? "RECURSIVE_BUILD" : jobType);
        ArrayNode outputs = job.putArray("outputs");
        int i = 0;
        for (JsonNode b : builds) {
            String itemId = b.path("itemId").asText("");
            if (itemId.isEmpty()) {
                return Result.failed(ErrorTypes.BAD_REQUEST, "Nothing to build", "params.builds[" + i + "].itemId is required");
            }
            ObjectNode out = outputs.addObject();
            out.put("id", itemId);
            out.put("type", b.path("type").asText("DATASET"));
            out.put("projectKey", b.path("projectKey").asText(ctx.projectKey()));
            String partitions = b.path("partitionsSpec").asText("");
            if (partitions.isEmpty()) out.putNull("partition");
            else out.put("partition", partitions);
            i++;
        }
        String jobId;
        try {
            jobId = jobs.start(ctx.caller(), ctx.projectKey(), job, "SCENARIO").path("id").asText();
        } catch (ApiException e) {
            return Result.failed(e.errorType(), "The build job could not start", e.detailedMessage());
        }
        ctx.jobStarted(jobId);
        ctx.log("INFO", "Started job " + jobId + " (" + job.path("type").asText() + ") building " + outputs.size() + " item(s)");
        String state = jobs.status(ctx.caller(), ctx.projectKey(), jobId).path("baseStatus").path("state").asText();
        while (!TERMINAL.contains(state)) {
            Thread.sleep(POLL_MS);
            state = jobs.status(ctx.caller(), ctx.projectKey(), jobId).path("baseStatus").path("state").asText();
        }
        Outcome outcome = switch (state) {
            case "DONE" -> Outcome.SUCCESS;
            case "ABORTED" -> Outcome.ABORTED;
            default -> Outcome.FAILED;
        };
        ObjectNode item = Json.object();
        item.put("type", "JOB_EXECUTED");
        item.put("jobId", jobId);
        item.put("target", outputs.get(0).path("projectKey").asText() + "." + outputs.get(0).path("id").asText());
        item.put("outcome", outcome.name());
        ctx.log(outcome == Outcome.SUCCESS ? "INFO" : "ERROR", "Job " + jobId + " ended " + state);
        if (outcome == Outcome.FAILED) {
            Result failed = Result.failed("com.dataiku.dip.exceptions.JobFailedException", "Job failed",
                    "Job " + jobId + " failed: " + firstError(ctx, jobId));
            item.set("thrown", failed.thrown());
            ctx.report(item);
            return failed;
        }
        ctx.report(item);
        return outcome == Outcome.ABORTED ? Result.aborted() : Result.success();
    }

    /** The job log's first error line, without its prefix: what the user needs to fix the flow. */
    private String firstError(Context ctx, String jobId) {
        for (String line : jobs.log(ctx.caller(), ctx.projectKey(), jobId, null).split("\n")) {
            int at = line.indexOf("[ERROR]");
            if (at >= 0) {
                int dash = line.indexOf(" - ", at);
                return dash >= 0 ? line.substring(dash + 3) : line;
            }
        }
        return "see the job log";
    }
}
