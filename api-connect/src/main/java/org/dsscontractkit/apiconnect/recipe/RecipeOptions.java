package org.dsscontractkit.apiconnect.recipe;

import java.util.List;
import java.util.Map;

/**
 * @param parameterColumns input columns that become variables (plugin parameter_columns); empty = all columns
 * @param renamings        column -> variable name (plugin parameter_renamings)
 * @param concurrency      calls in flight at once (the plugin is sequential: 1); the rate limit is shared
 * @param raw              one api_response JSON column instead of one column per top-level key
 * @param metadata         add dku_status_code, dku_request_duration, dku_response_headers (display_metadata)
 */
public record RecipeOptions(List<String> parameterColumns, Map<String, String> renamings, int concurrency,
                            ErrorBehaviour behaviour, boolean raw, boolean metadata) {

    /** The variable names of a row, after selection and renaming; also checks the options against the header. */
    public Map<String, String> variableNames(List<String> header, String inputName) {
        java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
        List<String> selected = parameterColumns == null || parameterColumns.isEmpty() ? header : parameterColumns;
        for (String c : selected) {
            if (!header.contains(c)) {
                throw new org.dsscontractkit.apiconnect.preset.ConfigException(inputName, "--columns",
                        "no column '" + c + "' in the input (columns: " + String.join(", ", header) + ")");
            }
        }
        if (renamings != null) {
            for (String c : renamings.keySet()) {
                if (!header.contains(c)) {
                    throw new org.dsscontractkit.apiconnect.preset.ConfigException(inputName, "--rename",
                            "no column '" + c + "' in the input (columns: " + String.join(", ", header) + ")");
                }
            }
        }
        for (String c : selected) {
            names.put(c, renamings != null && renamings.containsKey(c) ? renamings.get(c) : c);
        }
        return names;
    }
}
