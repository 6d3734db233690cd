package org.dsscontractkit.apiconnect.pagination;

import com.jayway.jsonpath.JsonPath;
import org.dsscontractkit.apiconnect.template.Template;

/**
 * How to go from one page to the next and when to stop.
 *
 * @param maxPages <= 0: no limit (beyond the plugin)
 * @param maxRows  <= 0: no limit; checked after a whole page like the plugin, so it may overshoot
 */
public record PaginationSettings(PaginationMode mode, JsonPath nextUrlPath, boolean relative, Template base,
                                 String param, DataPath dataPath, int maxPages, long maxRows) {

    public static PaginationSettings single(DataPath dataPath) {
        return new PaginationSettings(PaginationMode.NONE, null, false, null, null, dataPath, 0, 0);
    }
}
