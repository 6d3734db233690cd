package org.dsscontractkit.contract.fuzz;

/**
 * Which of the target's real resources a request may address, so that the fuzz reaches deep paths without destroying
 * what it checks afterwards.
 */
public enum FixtureRole {
    /** resources any request with valid credentials may change (everything but deletion) */
    WORK,
    /** resources the deleting requests with valid credentials address */
    DOOMED,
    /**
     * resources read with valid credentials but never changed by them; every request without valid credentials
     * addresses them too. They must be intact after the run.
     */
    ANCHOR
}
