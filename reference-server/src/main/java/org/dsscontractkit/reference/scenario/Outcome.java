package org.dsscontractkit.reference.scenario;

/** Outcome of a scenario run or step, from best to worst: a run ends with the worst outcome of its steps. */
enum Outcome {
    SUCCESS, WARNING, FAILED, ABORTED;

    Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
