package org.dsscontractkit.reference.dataset;

import java.util.List;

/** Guesses a DSS storage type from sample values, as DSS does when it detects a schema. */
final class ColumnTypes {
    private ColumnTypes() {}

    static String infer(List<List<String>> rows, int column) {
        boolean allLong = true, allDouble = true, allBool = true, any = false;
        for (List<String> r : rows) {
            if (column >= r.size()) continue;
            String v = r.get(column).trim();
            if (v.isEmpty()) continue;
            any = true;
            if (allLong) allLong = v.matches("[-+]?\\d{1,18}");
            if (allDouble) allDouble = v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
            if (allBool) allBool = v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        }
        if (!any) return "string";
        if (allLong) return "bigint";
        if (allDouble) return "double";
        if (allBool) return "boolean";
        return "string";
    }
}
