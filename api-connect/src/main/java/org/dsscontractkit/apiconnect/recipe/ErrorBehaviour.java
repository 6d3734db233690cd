package org.dsscontractkit.apiconnect.recipe;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Plugin behaviour_when_error values. The recipe default is keep-error-column, as in the plugin's UI. */
public enum ErrorBehaviour {
    /** Failed calls leave no trace (their input row is kept when there is no data path). */
    IGNORE("ignore"),
    /** dku_error only on failed rows; the column appears only if some row failed. */
    ADD_ERROR_COLUMN("add-error-column"),
    /** dku_error on every row, empty on success: the column is always in the schema. */
    KEEP_ERROR_COLUMN("keep-error-column"),
    /** The first failure stops the run with a non-zero exit. */
    RAISE("raise");

    private final String id;

    ErrorBehaviour(String id) { this.id = id; }

    public String id() { return id; }

    public static ErrorBehaviour parse(String s) {
        for (ErrorBehaviour b : values()) {
            if (b.id.equalsIgnoreCase(s) || b.name().equalsIgnoreCase(s)) return b;
        }
        throw new IllegalArgumentException("unknown error behaviour '" + s + "' (expected "
                + Arrays.stream(values()).map(ErrorBehaviour::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override public String toString() { return id; }
}
