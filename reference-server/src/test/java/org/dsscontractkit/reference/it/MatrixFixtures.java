package org.dsscontractkit.reference.it;

import java.util.Map;

/**
 * The objects one area's operations name, for the {@link PermissionMatrix}: one class per area (projects and
 * instance, datasets, managed folders, scenarios, recipes, ...), listed in {@link PermissionMatrix#areas}. The matrix
 * asks every area in turn; the first that answers wins, so an area answers only for its own operations and parameters.
 * All preparation goes through the API as an administrator ({@link MatrixWorld#admin}).
 */
interface MatrixFixtures {

    /** Returned by {@link #body} to leave the body to the next area, and in the end to the document's example. */
    Object NO_OPINION = new Object();

    /**
     * Before each call (the lacking user's and the holder's): makes sure what the call names exists, since an earlier
     * holder may have deleted or renamed it. Runs for every call of the document: return at once for other areas'.
     */
    default void prepare(MatrixCall call) {
    }

    /** The value of the path parameter {@code param} of the operation, or null when this area does not know it. */
    default String pathValue(String operationId, String param) {
        return null;
    }

    /** The value of a required query parameter, or null to leave it to the next area (in the end: its example). */
    default String queryValue(String operationId, String name) {
        return null;
    }

    /** Query parameters the call needs beyond the document's required ones. */
    default Map<String, String> extraQuery(String operationId) {
        return Map.of();
    }

    /** The request body ({@code null}: none), or {@link #NO_OPINION}. */
    default Object body(MatrixCall call) {
        return NO_OPINION;
    }
}
