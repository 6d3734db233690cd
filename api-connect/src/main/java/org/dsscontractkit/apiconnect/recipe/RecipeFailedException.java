package org.dsscontractkit.apiconnect.recipe;

/** behaviour raise: a row's call failed, the run stops. */
public class RecipeFailedException extends RuntimeException {
    public RecipeFailedException(String message) { super(message); }
}
