package org.dsscontractkit.contract;

/** One operation of an OpenAPI document: the unit the coverage report counts. */
public record SpecOperation(String document, String method, String path, String operationId) {

    @Override
    public String toString() {
        return operationId + " (" + method + " " + path + ")";
    }
}
