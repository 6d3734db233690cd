package org.dsscontractkit.apiconnect.preset;

/**
 * A configuration mistake found before any HTTP call: names the file (when known) and the field,
 * so the user can fix it without reading a stack trace.
 */
public class ConfigException extends RuntimeException {
    private final String file;
    private final String field;

    public ConfigException(String file, String field, String message) {
        super(format(file, field, message));
        this.file = file;
        this.field = field;
    }

    public ConfigException(String file, String field, String message, Throwable cause) {
        super(format(file, field, message), cause);
        this.file = file;
        this.field = field;
    }

    private static String format(String file, String field, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isBlank()) sb.append(file).append(": ");
        if (field != null && !field.isBlank()) sb.append(field).append(": ");
        return sb.append(message).toString();
    }

    public String file() { return file; }
    public String field() { return field; }
}
