package org.dsscontractkit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dsscontractkit.contract.OpenApiDocument;

/**
 * A server to fuzz through one OpenAPI document: where it is, the real resources requests should name so that they
 * get past "not found", the credentials it accepts, and what must have survived the run.
 */
public interface FuzzTarget extends AutoCloseable {

    /** @return the server's root URL; the document's server base paths are appended to it */
    URI url();

    OpenApiDocument document();

    /**
     * @return real values for the operation's path and query parameters, by parameter name, for a request in the
     * given role; names left out get a value made from the document
     */
    Map<String, String> parameterValues(FuzzOperation operation, FixtureRole role, SplittableRandom random);

    /**
     * @return query parameters a well-formed request adds beyond those the document declares, for operations whose
     * parameters are named by the resource (the API node's GET variants: the endpoint's features or arguments)
     */
    default Map<String, String> extraQuery(FuzzOperation operation, Map<String, String> values) {
        return Map.of();
    }

    /** @return the key that authenticates a request naming these parameter values, or null when it needs none */
    String validKey(Map<String, String> values);

    /**
     * @return whether a request naming these values must be refused without valid credentials; by default what the
     * document says of the operation, a target may know more (an API node service that requires a key)
     */
    default boolean keyRequired(FuzzOperation operation, Map<String, String> values) {
        return operation.needsCredentials();
    }

    /**
     * Lets a target adjust a well-formed request body before it is mutated, e.g. give a resource it creates a name
     * the target will recognise and clean up.
     */
    default JsonNode adaptBody(FuzzOperation operation, JsonNode body, Map<String, String> values, long index) {
        return body;
    }

    /** @return what is wrong with the anchor resources after the run (missing, changed); empty when intact */
    default List<String> checkIntact() {
        return List.of();
    }

    /** @return one line naming the real resources requests address */
    default String describeFixtures() {
        return "";
    }

    /** Removes what the target created for the run, where it can. */
    @Override
    default void close() {
    }
}
