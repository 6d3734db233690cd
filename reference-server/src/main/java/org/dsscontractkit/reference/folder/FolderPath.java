package org.dsscontractkit.reference.folder;

import org.dsscontractkit.server.error.ApiException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A path inside a managed folder, as callers name files ({@code /2015/orders.csv}), checked so that it can only
 * ever resolve inside the folder: every segment a plain name, nothing that a file system or a second decoding would
 * read as a way out ({@code ..}, {@code .}, empty segments, backslashes, drive letters, control characters,
 * percent-encoded dots or slashes).
 */
public record FolderPath(List<String> segments) {
    private static final int MAX_LENGTH = 1024;
    private static final int MAX_SEGMENT_BYTES = 255;

    /**
     * @param raw   the path as given (one leading {@code /} optional)
     * @param field what the caller sent it as, for the error ({@code filePath}, {@code params.path})
     */
    public static FolderPath parse(String raw, String field) {
        if (raw == null || raw.isEmpty() || raw.equals("/")) throw refused(field, raw, "must name a file inside the folder");
        if (raw.length() > MAX_LENGTH) throw refused(field, raw.substring(0, 64) + "...", "is longer than " + MAX_LENGTH + " characters");
        String body = raw.startsWith("/") ? raw.substring(1) : raw;
        if (body.endsWith("/")) body = body.substring(0, body.length() - 1);
        List<String> segments = new ArrayList<>();
        for (String s : body.split("/", -1)) {
            if (s.isEmpty()) throw refused(field, raw, "has an empty segment ('//'): paths are relative to the folder");
            if (s.equals(".") || s.equals("..")) throw refused(field, raw, "has a '" + s + "' segment: paths may not leave the folder");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7f) throw refused(field, raw, "has a control character");
                if (c == '\\') throw refused(field, raw, "has a backslash: '/' separates sub-folders");
            }
            if (segments.isEmpty() && s.length() == 2 && s.charAt(1) == ':') throw refused(field, raw, "starts with a drive letter");
            if (s.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw refused(field, raw, "has a name longer than " + MAX_SEGMENT_BYTES + " bytes, more than a file system holds");
            }
            String decodedAgain = decodeOnce(s);
            if (decodedAgain.equals(".") || decodedAgain.equals("..") || decodedAgain.contains("/") || decodedAgain.contains("\\")) {
                throw refused(field, raw, "has an encoded '" + decodedAgain + "' segment: paths may not leave the folder");
            }
            segments.add(s);
        }
        return new FolderPath(List.copyOf(segments));
    }

    private static String decodeOnce(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // not percent-encoding at all: a literal '%' in a name
        }
    }

    private static ApiException refused(String field, String raw, String rule) {
        return ApiException.invalidField(field, "path '" + raw + "' " + rule);
    }

    /** @return the file under {@code root}; never outside it */
    public Path resolveIn(Path root) {
        Path p = root;
        for (String s : segments) p = p.resolve(s);
        Path normal = p.normalize();
        if (!normal.startsWith(root)) throw ApiException.invalidField("filePath", "path '" + this + "' leaves the folder");
        return normal;
    }

    /** @return the path as callers see it, with its leading {@code /} */
    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}
