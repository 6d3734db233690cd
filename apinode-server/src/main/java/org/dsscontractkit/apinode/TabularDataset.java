package org.dsscontractkit.apinode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Read access to one dataset of the host, enough for lookups and enrichments. */
public interface TabularDataset {

    /** Column names in schema order. */
    List<String> columns();

    /** Every row, column name to value (Long, Double, String, Boolean or null). */
    Iterable<Map<String, Object>> rows();

    /**
     * Rows whose key columns equal the given values, at most {@code limit}. Values are compared as strings so a key
     * sent as 42 matches a stored "42" and vice versa, the way the real API node is lenient with key types. Hosts with
     * an index should override this; the default scans.
     */
    default List<Map<String, Object>> find(Map<String, Object> keyValues, int limit) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> row : rows()) {
            boolean match = true;
            for (Map.Entry<String, Object> key : keyValues.entrySet()) {
                if (!sameKey(row.get(key.getKey()), key.getValue())) {
                    match = false;
                    break;
                }
            }
            if (match) {
                found.add(row);
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    static boolean sameKey(Object stored, Object wanted) {
        if (stored == null || wanted == null) {
            return stored == null && wanted == null;
        }
        if (stored instanceof Number a && wanted instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (stored instanceof Number a) {
            try {
                return a.doubleValue() == Double.parseDouble(wanted.toString().trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return Objects.equals(stored.toString(), wanted.toString());
    }
}
