package org.dsscontractkit.reference.server;

import org.dsscontractkit.server.error.ApiException;

/** Query-string booleans arrive as Python's {@code True}/{@code False}; accept those and JSON's spelling, reject the rest. */
public final class QueryFlags {
    private QueryFlags() {}

    public static boolean parse(String name, String value, boolean dflt) {
        if (value == null || value.isEmpty()) return dflt;
        switch (value) {
            case "true": case "True": case "TRUE": return true;
            case "false": case "False": case "FALSE": return false;
            default: throw ApiException.invalidField(name, "must be true or false (True/False accepted), got '" + value + "'");
        }
    }
}
