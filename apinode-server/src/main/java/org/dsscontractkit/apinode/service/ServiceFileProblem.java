package org.dsscontractkit.apinode.service;

/** Why a service file (or part of it) was not loaded: the file, the field (JSON pointer) and the rule it breaks. */
public record ServiceFileProblem(String file, String field, String rule, String message) {

    @Override
    public String toString() {
        return file + " at " + (field == null || field.isEmpty() ? "/" : field) + " [" + rule + "]: " + message;
    }
}
