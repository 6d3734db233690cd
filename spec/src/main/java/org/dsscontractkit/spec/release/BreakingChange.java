package org.dsscontractkit.spec.release;

import java.util.Locale;

/**
 * One change of a published document that can break a client built against the previous release.
 *
 * @param document    file stem of the document ({@code dss-public-api})
 * @param operationId the operation's id (the new one when it still exists, the old one when it was removed)
 * @param method      HTTP method, upper case
 * @param path        path as written in the document
 * @param location    where in the operation: {@code operation}, {@code parameter query includeLocation},
 *                    {@code request body application/json $.outputs[].type}, {@code response 200 application/json $.projectKey},
 *                    {@code response 404}, {@code response 200 header Location}, {@code security}
 * @param rule        what kind of break, e.g. {@code request.enum.decreased} (see {@link BreakingRule})
 * @param detail      what changed, in words (old and new values)
 */
public record BreakingChange(String document, String operationId, String method, String path, String location,
                             String rule, String detail) {

    /** "operation listProjects (GET /projects/)". */
    public String operationLabel() {
        return "operation " + operationId + " (" + method.toUpperCase(Locale.ROOT) + " " + path + ")";
    }

    @Override
    public String toString() {
        return document + ": " + operationLabel() + ": " + location + ": " + rule + ": " + detail;
    }
}
