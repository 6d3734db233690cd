package org.dsscontractkit.apiconnect.preset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which preset file set each field after the files were merged, so that an error found later
 * (malformed template, bad JSON path) still names the right file.
 */
public final class PresetSources {
    private final Map<String, String> fileByField = new LinkedHashMap<>();
    private String fallback = "<command line>";

    void record(String field, String file) { fileByField.put(field, file); }

    void fallback(String file) { this.fallback = file; }

    /** The file that set {@code field} (dot path such as {@code endpoint.url}) or its closest parent. */
    public String fileOf(String field) {
        String f = field;
        while (f != null && !f.isEmpty()) {
            String file = fileByField.get(f);
            if (file != null) return file;
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            f = cut > 0 ? f.substring(0, cut) : null;
        }
        return fallback;
    }

    public ConfigException error(String field, String message) {
        return new ConfigException(fileOf(field), field, message);
    }

    public ConfigException error(String field, String message, Throwable cause) {
        return new ConfigException(fileOf(field), field, message, cause);
    }
}
