package org.dsscontractkit.server.http;

import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The official DSS client labels the part of {@code put_file} with a Content-Type that is no media type: it passes
 * the part headers {@code {'Expires': '0'}} where {@code requests} expects the content type, so the part arrives
 * with {@code Content-Type: {'Expires': '0'}}. DSS reads such a part as bytes; the multipart reader would refuse the
 * whole request. This rewrites that one header line of the first part to {@code application/octet-stream}, looking at
 * no more than the first part's headers: the content behind them streams through untouched.
 */
final class FirstPartHeaders {
    /** The first part's headers must end within this many bytes; otherwise the body is left as it is. */
    static final int MAX_HEAD = 16 * 1024;
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private FirstPartHeaders() {}

    static InputStream repair(InputStream body) {
        try {
            byte[] head = new byte[MAX_HEAD];
            int n = 0;
            int end = -1;
            while (n < MAX_HEAD && end < 0) {
                int r = body.read(head, n, MAX_HEAD - n);
                if (r < 0) break;
                int from = Math.max(0, n - END_OF_HEADERS.length + 1);
                n += r;
                end = indexOf(head, from, n);
            }
            if (end < 0) return new SequenceInputStream(new ByteArrayInputStream(head, 0, n), body);
            String headers = new String(head, 0, end, StandardCharsets.ISO_8859_1);
            String repaired = repairLines(headers);
            if (repaired.equals(headers)) return new SequenceInputStream(new ByteArrayInputStream(head, 0, n), body);
            byte[] fixed = repaired.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = new byte[fixed.length + n - end];
            System.arraycopy(fixed, 0, out, 0, fixed.length);
            System.arraycopy(head, end, out, fixed.length, n - end);
            return new SequenceInputStream(new ByteArrayInputStream(out), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String repairLines(String headers) {
        StringBuilder out = new StringBuilder(headers.length());
        String[] lines = headers.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:") && !isMediaType(line.substring("content-type:".length()).trim())) {
                line = "Content-Type: " + MediaType.APPLICATION_OCTET_STREAM;
            }
            out.append(line);
            if (i < lines.length - 1) out.append("\r\n");
        }
        return out.toString();
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return !value.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int indexOf(byte[] data, int from, int to) {
        outer:
        for (int i = from; i <= to - END_OF_HEADERS.length; i++) {
            for (int j = 0; j < END_OF_HEADERS.length; j++) {
                if (data[i + j] != END_OF_HEADERS[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
