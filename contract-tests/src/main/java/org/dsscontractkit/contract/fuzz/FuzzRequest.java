package org.dsscontractkit.contract.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One hostile request, exactly as it goes on the wire, with what it is meant to test.
 *
 * @param index          its place in the run: with the seed, all it takes to make it again
 * @param operation      the operation it addresses
 * @param mutation       what is hostile about it
 * @param detail         the hostile part in words (the property and value, the segment, the content type)
 * @param credentials    what it carries to authenticate
 * @param keyRequired    whether the target must refuse it without valid credentials
 * @param method         the HTTP method
 * @param target         the request-target (path and query, already encoded; may hold hostile bytes on purpose)
 * @param headers        header lines, name and value (Host, Connection and Content-Length/Transfer-Encoding are added
 *                       when sent)
 * @param body           the body bytes; null for none
 * @param chunked        whether the body is sent with {@code Transfer-Encoding: chunked} rather than a Content-Length
 */
public record FuzzRequest(long index, FuzzOperation operation, Mutation mutation, String detail,
                          Credentials credentials, boolean keyRequired, String method, String target,
                          List<Header> headers, byte[] body, boolean chunked) {

    public record Header(String name, String value) {
    }

    public int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** @return the request as text for a report: request line, headers, and the start of the body */
    public String render(int maxBody) {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(abbreviate(target, 300)).append(" HTTP/1.1\n");
        for (Header header : headers) {
            text.append(header.name()).append(": ").append(abbreviate(header.value(), 200)).append('\n');
        }
        if (body != null) {
            text.append(chunked ? "Transfer-Encoding: chunked\n" : "Content-Length: " + body.length + "\n");
            text.append('\n');
            String start = new String(body, 0, Math.min(body.length, maxBody), StandardCharsets.UTF_8);
            text.append(start.replace("\u0000", "\\0"));
            if (body.length > maxBody) {
                text.append("... (").append(body.length).append(" bytes in all)");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** @return one line: the index, operation, mutation and its detail, the credentials */
    public String summary() {
        return "#" + index + " " + operation.operationId() + " " + method + " " + abbreviate(target, 160) + " ["
                + mutation + ": " + abbreviate(detail, 160) + "; credentials " + credentials.name().toLowerCase()
                + (body == null ? "" : "; body " + describeSize(body.length) + (chunked ? " chunked" : "")) + "]";
    }

    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 20) + "...(" + text.length() + " chars)";
    }

    static String describeSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
