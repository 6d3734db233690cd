package org.dsscontractkit.reference.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsscontractkit.reference.auth.Caller;
import org.dsscontractkit.reference.server.Json;

import java.sql.Statement;

/** One kind of step of a step-based scenario ({@code build_flowitem}, {@code exec_sql}). */
interface Step {

    /** Runs the step to its end; failures are outcomes, never exceptions. */
    Result run(Context context) throws InterruptedException;

    /** How the step ended, with the error that made it fail ({@code thrown}), if any. */
    record Result(Outcome outcome, ObjectNode thrown) {
        static Result success() { return new Result(Outcome.SUCCESS, null); }

        static Result aborted() { return new Result(Outcome.ABORTED, null); }

        static Result failed(String clazz, String title, String message) {
            ObjectNode t = Json.object();
            t.put("clazz", clazz);
            t.put("title", title);
            t.put("message", message);
            return new Result(Outcome.FAILED, t);
        }
    }

    /** What a step sees of its run. */
    interface Context {
        Caller caller();

        String projectKey();

        /** The step's {@code params} (an empty object when it has none). */
        ObjectNode params();

        /** {@code text} with each {@code ${name}} replaced by the trigger parameter or project variable of that name. */
        String expand(String text);

        void log(String level, String message);

        /** Adds an item to the step run's {@code additionalReportItems}. */
        void report(ObjectNode item);

        boolean abortRequested();

        /** The step now waits for this job: an abort of the run aborts it. */
        void jobStarted(String jobId);

        /** The step now runs this statement: an abort of the run cancels it. */
        void statementStarted(Statement statement);
    }
}
