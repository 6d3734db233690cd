package org.dsscontractkit.apiconnect.pagination;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 5988/8288 {@code Link} header: the target of {@code rel="next"}. */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+(?:=(?:\"[^\"]*\"|[^;,]*))?)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

    private LinkHeader() {
    }

    public static String next(List<String> headerValues) {
        for (String value : headerValues) {
            Matcher m = LINK.matcher(value);
            while (m.find()) {
                Matcher rel = REL.matcher(m.group(2));
                if (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String r : rels.trim().split("\\s+")) {
                        if (r.equalsIgnoreCase("next")) return m.group(1).trim();
                    }
                }
            }
        }
        return null;
    }
}
