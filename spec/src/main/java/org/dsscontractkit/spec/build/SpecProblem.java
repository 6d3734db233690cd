package org.dsscontractkit.spec.build;

/**
 * One thing wrong with an OpenAPI source, located well enough to fix it without a debugger.
 *
 * @param file     source file name relative to the OpenAPI source folder
 * @param location "operation getProject (GET /projects/{projectKey})", or a component / JSON pointer when no
 *                 operation owns the spot
 * @param message  what is wrong
 */
public record SpecProblem(String file, String location, String message) {

    @Override
    public String toString() {
        return file + ": " + location + ": " + message;
    }
}
