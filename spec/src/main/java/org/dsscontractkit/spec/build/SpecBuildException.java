package org.dsscontractkit.spec.build;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the OpenAPI sources cannot be published; the message lists every problem, one per line. */
public class SpecBuildException extends RuntimeException {

    private final List<SpecProblem> problems;

    public SpecBuildException(List<SpecProblem> problems) {
        super("OpenAPI build failed with " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
