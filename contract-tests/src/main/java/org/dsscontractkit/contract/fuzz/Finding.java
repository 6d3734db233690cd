package org.dsscontractkit.contract.fuzz;

/**
 * One request the server failed.
 *
 * @param index     the request's index: with the run's seed, it makes the request again
 * @param operation the operation's id
 * @param mutation  what was hostile about the request
 * @param problem   what the server did wrong
 * @param observed  what came back, in short: the status and errorType or Content-Type, or how the connection failed
 * @param request   the request in one line
 * @param answer    the start of the answer's body, or the failure in words
 */
public record Finding(long index, String operation, Mutation mutation, Problem problem, String observed,
                      String request, String answer) {
}
