package org.dsscontractkit.apiconnect.pagination;

/**
 * The same page would be requested twice: pagination would never end. Fatal whatever the recipe's error
 * behaviour, as in the plugin ("The api-connect plugin is stuck in a loop...").
 */
public class LoopDetectedException extends RuntimeException {
    public LoopDetectedException(String message) { super(message); }
}
